import type { z } from 'zod';
import type { measureDetailOut, measureListItemOut, measureOut } from '../../../../../server/presenters/staff/measurePresenter.ts';
import type { Directory } from '../../api/directory.ts';
import type { Bilingual } from '../../i18n/i18n.tsx';

/** Improvement measures as the API sends them (inferred from the server's response schemas). */
export type Measure = z.infer<typeof measureOut>;
export type MeasureListItem = z.infer<typeof measureListItemOut>;
export type MeasureDetail = z.infer<typeof measureDetailOut>;

export const MEASURE_VIEWS = ['open', 'overdue', 'carriedOut', 'checked', 'all'] as const;
export type MeasureView = (typeof MEASURE_VIEWS)[number];
export const MEASURE_SOURCES = ['complaint', 'systemReview', 'analysis'] as const;

/**
 * The grounds the organisation's processes offer (inputs recording the standard fact 'ground'),
 * each once, with its words: the themes a measure's check can count.
 */
export function groundOptions(dir: Directory | null): { value: string; label: Bilingual }[] {
  const seen = new Map<string, Bilingual>();
  for (const p of dir?.processes ?? []) {
    const inputs = [...p.caseType.fields, ...p.transitions.flatMap((tr) => tr.inputs)];
    for (const input of inputs) {
      if (input.fact !== 'ground') continue;
      for (const o of input.options ?? []) if (!seen.has(o.value)) seen.set(o.value, o.label);
    }
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}
