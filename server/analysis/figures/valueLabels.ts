import type { Services } from '../../commands/context.ts';
import { optionLabel } from '../../domain/process/roles.ts';
import type { FactKey } from '../../domain/process/vocabulary.ts';

export type Words = { nl: string; en: string };

/** How the figures name a case without a value for a fact. */
export const NONE_WORDS: Words = { nl: 'Niet ingevuld', en: 'Not filled in' };

/**
 * A fact value in the words of the organisation's processes (the first one whose input offers it as
 * an option), else the vocabulary's valueLabels (optionLabel falls back to them), else the value
 * itself. Shared by the dashboard and the reports, so both name a value alike.
 */
export function valueLabel(services: Services, fact: FactKey, value: string): Words {
  for (const def of services.processes.all()) {
    const label = optionLabel(def, fact, value);
    if (label) return label;
  }
  return { nl: value, en: value };
}
