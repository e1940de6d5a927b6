import type { ProcessDefinition } from '../domain/process/definition.ts';
import { optionLabel } from '../domain/process/roles.ts';
import { FACT_KEYS, FACTS, type FactKey, factSpec } from '../domain/process/vocabulary.ts';
import type { VersionedProcessRegistry } from '../processes/versionedRegistry.ts';
import type { ExportRow } from '../queries/caseExport.ts';

export type ExportLanguage = 'nl' | 'en';
/** A cell: text, a civil date (YYYY-MM-DD; a real date in Excel), or empty. */
export type Cell = string | { date: string } | null;
type Column = { key: string; label: { nl: string; en: string }; date?: true };

/**
 * Free-text facts that tell the story of one complaint (the reasons, what was said at the hearing,
 * an address) may name people: they stay in the case. The register holds what analysis counts.
 */
const NARRATIVE: readonly FactKey[] = [
  'judgmentReasons',
  'remedy',
  'hearingSummary',
  'informationRequest',
  'adviceDepartureReason',
  'forwardedToAddress',
];
const FACT_COLUMNS = FACT_KEYS.filter((k) => k !== 'channel' && !NARRATIVE.includes(k));

const BASE: Column[] = [
  { key: 'reference', label: { nl: 'Kenmerk', en: 'Reference' } },
  { key: 'subject', label: { nl: 'Onderwerp', en: 'Subject' } },
  { key: 'process', label: { nl: 'Proces', en: 'Process' } },
  { key: 'status', label: { nl: 'Status', en: 'Status' } },
  { key: 'receivedOn', label: { nl: 'Ontvangen', en: 'Received' }, date: true },
  { key: 'handlingDeadline', label: { nl: 'Wettelijke termijn', en: 'Statutory deadline' }, date: true },
  { key: 'normDeadline', label: { nl: 'Servicenorm', en: 'Service norm deadline' }, date: true },
  { key: 'closed', label: { nl: 'Afgesloten', en: 'Closed' }, date: true },
  { key: 'team', label: { nl: 'Team', en: 'Team' } },
  { key: 'handler', label: { nl: 'Behandelaar', en: 'Handler' } },
  { key: 'channel', label: FACTS.channel },
];

/** The register's columns: the case's dates and owners, then the standard facts (vocabulary.ts) by their own names. */
export const REGISTER_COLUMNS: readonly Column[] = [...BASE, ...FACT_COLUMNS.map((k) => ({ key: k, label: FACTS[k] }))];

export const registerHeaders = (lang: ExportLanguage) => REGISTER_COLUMNS.map((c) => c.label[lang]);

const TIME_ZONE = 'Europe/Amsterdam';
const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Rows → cells in one language. Labels come from the version of the process each case follows and
 * are looked up once per process version and value (a register of 100,000 cases repeats few).
 */
export function registerRows(processes: VersionedProcessRegistry, lang: ExportLanguage) {
  const defs = new Map<string, ProcessDefinition | undefined>();
  const labels = new Map<string, string>();
  const yes = lang === 'nl' ? 'Ja' : 'Yes';
  const no = lang === 'nl' ? 'Nee' : 'No';
  const defOf = (r: ExportRow) => {
    const k = `${r.process_key}@${r.process_version}`;
    if (!defs.has(k)) defs.set(k, processes.at(r.process_key, r.process_version) ?? processes.get(r.process_key));
    return defs.get(k);
  };
  const cached = (key: string, make: () => string) => {
    let v = labels.get(key);
    if (v === undefined) {
      v = make();
      labels.set(key, v);
    }
    return v;
  };
  const factText = (r: ExportRow, def: ProcessDefinition | undefined, fact: FactKey, value: unknown): string => {
    if (typeof value === 'boolean') return value ? yes : no;
    if (Array.isArray(value)) return value.map((v) => factText(r, def, fact, v)).join(', ');
    if (FACTS[fact].type === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
      return dateTime.format(new Date(value));
    if (typeof value !== 'string') return String(value);
    if (FACTS[fact].type !== 'select' && FACTS[fact].type !== 'multiselect') return value;
    return cached(`${r.process_key}@${r.process_version}:${fact}:${value}`, () =>
      def ? (optionLabel(def, fact, value)?.[lang] ?? value) : value,
    );
  };
  const day = (d: string | null): Cell => (d ? { date: d.slice(0, 10) } : null);

  return (r: ExportRow): Cell[] => {
    const def = defOf(r);
    const facts = (r.facts ?? {}) as Record<string, unknown>;
    const base: Cell[] = [
      r.reference,
      r.subject,
      def?.label[lang] ?? r.process_key,
      cached(
        `${r.process_key}@${r.process_version}:status:${r.status}`,
        () => def?.statuses.find((s) => s.key === r.status)?.label[lang] ?? r.status,
      ),
      day(r.received_day),
      day(r.handling_deadline),
      day(r.norm_deadline),
      day(r.closed_day),
      r.team_name,
      r.user_name,
      cached(`channel:${r.channel}`, () => factSpec('channel').valueLabels?.[r.channel]?.[lang] ?? r.channel),
    ];
    for (const k of FACT_COLUMNS) {
      const v = facts[k];
      base.push(v === undefined || v === null || v === '' ? null : factText(r, def, k, v));
    }
    return base;
  };
}
