import type { Directory } from '../../api/directory.ts';
import type { Bilingual, FieldDef } from '../../api/types.ts';

/**
 * Names from the process definitions, so the case page can say "Klacht of signaal: Signaal"
 * instead of "classification: signal": status labels, step labels and every data field with its
 * options (the case type's fields plus what steps write into the case's data).
 */
export type ProcessLabels = {
  /** The process's name (the case page says which process and version a case follows). */
  process: Bilingual | null;
  status: (key: string) => Bilingual | null;
  step: (key: string) => Bilingual | null;
  field: (key: string) => FieldDef | null;
  /** An input of a step (a note, "Welke informatie ontbreekt?"), else the data field of that key. */
  input: (step: string, key: string) => FieldDef | null;
  dataFields: FieldDef[];
};

export function processLabels(dir: Directory | null, processKey: string): ProcessLabels {
  const p = dir?.processes.find((x) => x.key === processKey);
  const fields = new Map<string, FieldDef>();
  for (const f of p?.caseType.fields ?? []) fields.set(f.key, f);
  for (const tr of p?.transitions ?? []) for (const i of tr.inputs) if (i.target === 'data' && !fields.has(i.key)) fields.set(i.key, i);
  return {
    process: p?.label ?? null,
    status: (key) => p?.statuses.find((s) => s.key === key)?.label ?? null,
    step: (key) => p?.transitions.find((s) => s.key === key)?.label ?? null,
    field: (key) => fields.get(key) ?? null,
    input: (step, key) => p?.transitions.find((s) => s.key === step)?.inputs.find((i) => i.key === key) ?? fields.get(key) ?? null,
    dataFields: [...fields.values()],
  };
}

/** A stored value in words: option labels, Ja/Nee, dates as dates. */
export function valueText(
  value: unknown,
  field: FieldDef | null,
  i18n: {
    l: (b: Bilingual) => string;
    t: (k: 'app.yes' | 'app.no') => string;
    date: (s: string) => string;
    dateTime: (s: string) => string;
  },
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return i18n.t(value ? 'app.yes' : 'app.no');
  if (field?.options) {
    const o = field.options.find((x) => x.value === value);
    if (o) return i18n.l(o.label);
  }
  if (field?.type === 'date' && typeof value === 'string') return i18n.date(value);
  if (field?.type === 'datetime' && typeof value === 'string') return i18n.dateTime(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
