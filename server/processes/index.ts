import type { ProcessDefinition, ProcessDefinitionInput } from '../domain/process/definition.ts';
import { validateProcess } from '../domain/process/validateProcess.ts';
import type { Organisation } from '../config/organisation.ts';
import { kccComplaint } from './kccComplaint.ts';
import { TEMPLATE_KEYS } from '../mail/templates.nl.ts';
import { taxComplaint } from './taxComplaint.ts';
import { careComplaint } from './careComplaint.ts';
import { housingComplaint } from './housingComplaint.ts';

/** The presets that ship with Klachtflow, one per seed organisation. */
export const PRESETS: Record<string, ProcessDefinitionInput> = {
  [kccComplaint.key]: kccComplaint,
  [taxComplaint.key]: taxComplaint,
  [careComplaint.key]: careComplaint,
  [housingComplaint.key]: housingComplaint,
};

export type ProcessRegistry = {
  get(key: string): ProcessDefinition | undefined;
  all(): ProcessDefinition[];
  defaultProcess: ProcessDefinition;
};

/** Validates the organisation's chosen processes at start-up; the first problem stops the server. */
export function loadProcesses(org: Organisation): ProcessRegistry {
  const teams = org.teams.map((t) => t.key);
  const defs = org.processes.map((key) => {
    const preset = PRESETS[key];
    if (!preset) throw new Error(`Unknown process "${key}" in the organisation configuration`);
    const overrides = org.processSettings[key]?.periods ?? {};
    for (const period of Object.keys(overrides)) {
      if (!preset.periods || !(period in preset.periods))
        throw new Error(`The organisation configuration sets unknown period "${period}" of process "${key}"`);
    }
    return validateProcess({ ...preset, periods: { ...preset.periods, ...overrides } }, teams, TEMPLATE_KEYS);
  });
  const byKey = new Map(defs.map((d) => [d.key, d]));
  return { get: (key) => byKey.get(key), all: () => defs, defaultProcess: defs[0]! };
}
