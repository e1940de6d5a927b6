import { createHash } from 'node:crypto';
import type { ProcessDefinition } from '../domain/process/definition.ts';
import { FACTS, type FactKey } from '../domain/process/vocabulary.ts';
import { normalisePhone } from '../domain/phone.ts';
import { type Cell, isRefused, type Sheet, type SheetRow } from './readSheet.ts';

/**
 * What a register's columns can fill, and the check of one row in the words of the report:
 * "Rij 7, kolom 'Datum ontvangst': '31-02-2023' is geen bestaande datum." Pure: no I/O. Standard facts
 * take the process definition's own options (grounds) and the vocabulary's values, by key or label.
 */
export const IMPORT_FACTS = [
  'kind',
  'formality',
  'ground',
  'department',
  'product',
  'judgment',
  'outcome',
  'externalBody',
  'handledOnTime',
] as const satisfies readonly FactKey[];
type ImportFact = (typeof IMPORT_FACTS)[number];

const BASE_FIELDS = {
  originalReference: { nl: 'Nummer in het register', en: 'Number in the register', required: false },
  receivedOn: { nl: 'Datum ontvangst', en: 'Date received', required: true },
  closedOn: { nl: 'Datum afgehandeld', en: 'Date closed', required: false },
  subject: { nl: 'Onderwerp', en: 'Subject', required: true },
  description: { nl: 'Omschrijving', en: 'Description', required: false },
  complainantName: { nl: 'Naam klager', en: "Complainant's name", required: true },
  complainantEmail: { nl: 'E-mailadres klager', en: "Complainant's e-mail", required: false },
  complainantPhone: { nl: 'Telefoon klager', en: "Complainant's phone", required: false },
  channel: { nl: FACTS.channel.nl, en: FACTS.channel.en, required: false },
} as const;
export type ImportField = keyof typeof BASE_FIELDS | ImportFact;
export const IMPORT_FIELDS: { key: ImportField; nl: string; en: string; required: boolean }[] = [
  ...Object.entries(BASE_FIELDS).map(([key, f]) => ({ key: key as ImportField, ...f })),
  ...IMPORT_FACTS.map((f) => ({ key: f as ImportField, nl: FACTS[f].nl, en: FACTS[f].en, required: false })),
];
const FIELD_KEYS = new Set<string>(IMPORT_FIELDS.map((f) => f.key));
export const isImportField = (k: string): k is ImportField => FIELD_KEYS.has(k);
export const fieldLabel = (k: ImportField) => IMPORT_FIELDS.find((f) => f.key === k)!.nl;

/** Words registers use for a column, besides the field's own label: for the suggested mapping. */
const HEADER_WORDS: Partial<Record<ImportField, string[]>> = {
  originalReference: ['nummer', 'nr', 'klachtnummer', 'registratienummer', 'kenmerk', 'volgnummer', 'id'],
  receivedOn: ['ontvangen', 'datum ontvangst', 'datum binnenkomst', 'ontvangstdatum', 'datum'],
  closedOn: ['afgehandeld', 'datum afhandeling', 'datum afgehandeld', 'afhandeldatum', 'gesloten'],
  subject: ['onderwerp', 'klacht', 'omschrijving kort'],
  description: ['omschrijving', 'toelichting', 'beschrijving'],
  complainantName: ['naam', 'klager', 'naam klager', 'indiener'],
  complainantEmail: ['e-mail', 'email', 'e-mailadres', 'mail'],
  complainantPhone: ['telefoon', 'telefoonnummer', 'tel'],
  channel: ['kanaal', 'binnengekomen via', 'via'],
  kind: ['soort'],
  formality: ['formeel', 'formeel/informeel', 'formeel of informeel'],
  ground: ['grondslag', 'categorie', 'thema'],
  department: ['afdeling'],
  product: ['product', 'dienst', 'product of dienst'],
  judgment: ['oordeel'],
  outcome: ['uitkomst', 'resultaat'],
  externalBody: ['externe instantie', 'doorgezet naar'],
  handledOnTime: ['op tijd', 'binnen termijn', 'tijdig'],
};
const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** A first mapping from the headers: a column whose name is a field's label or a usual word for it. */
export function suggestColumns(headers: string[]): Record<string, ImportField | ''> {
  const taken = new Set<string>();
  const out: Record<string, ImportField | ''> = {};
  for (const h of headers) {
    const n = norm(h);
    const f = IMPORT_FIELDS.find((f) => !taken.has(f.key) && (norm(f.nl) === n || norm(f.en) === n || HEADER_WORDS[f.key]?.includes(n)));
    out[h] = f?.key ?? '';
    if (f) taken.add(f.key);
  }
  return out;
}

/** The problems of a mapping itself, before any row: a required field without column, a field twice, an unknown column. */
export function mappingProblems(headers: string[], columns: Record<string, string>): { name: string; reason: string }[] {
  const problems: { name: string; reason: string }[] = [];
  const used = new Map<string, string>();
  for (const [header, field] of Object.entries(columns)) {
    if (!field) continue;
    if (!headers.includes(header)) problems.push({ name: `columns.${header}`, reason: `De kolom '${header}' staat niet in dit bestand.` });
    else if (!isImportField(field)) problems.push({ name: `columns.${header}`, reason: `'${field}' is geen veld dat u kunt vullen.` });
    else if (used.has(field))
      problems.push({
        name: `columns.${header}`,
        reason: `De kolommen '${used.get(field)}' en '${header}' vullen allebei '${fieldLabel(field)}'. Kies er één.`,
      });
    else used.set(field, header);
  }
  for (const f of IMPORT_FIELDS)
    if (f.required && !used.has(f.key)) problems.push({ name: `columns`, reason: `Kies de kolom voor '${f.nl}': dit veld is verplicht.` });
  return problems;
}

// ---- values --------------------------------------------------------------------------------------

type Choice = { value: string | boolean; label: string; words: string[] };
const EXTRA_WORDS: Record<string, string[]> = {
  complaint: ['klacht'],
  signal: ['signaal', 'melding'],
  question: ['vraag'],
  formal: ['formeel'],
  informal: ['informeel'],
  founded: ['gegrond'],
  partlyFounded: ['deels gegrond', 'gedeeltelijk gegrond'],
  unfounded: ['ongegrond'],
  noJudgment: ['geen oordeel'],
  ombudsman: ['nationale ombudsman', 'ombudsman'],
  disputesBody: ['geschillencommissie'],
  rentTribunal: ['huurcommissie'],
  other: ['anders', 'overig'],
  phone: ['telefonisch', 'tel'],
  email: ['mail', 'e-mail'],
  web: ['website', 'internet', 'webformulier', 'online'],
  counter: ['balie', 'loket'],
  letter: ['brief', 'post'],
};
const YES = ['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x'];
const NO = ['nee', 'n', 'no', 'false', 'onwaar', '0'];

/** The values a select fact may take in this process, each with the words that name it. */
export function choicesFor(def: ProcessDefinition, fact: FactKey): Choice[] | null {
  const spec = FACTS[fact] as { type: string; values?: readonly string[]; valueLabels?: Record<string, { nl: string; en: string }> };
  if (spec.type !== 'select') return null;
  const byValue = new Map<string, Set<string>>();
  const labels = new Map<string, string>();
  const add = (value: string, word?: string) => {
    if (!byValue.has(value)) byValue.set(value, new Set([norm(value)]));
    if (word) byValue.get(value)!.add(norm(word));
    if (word && !labels.has(value)) labels.set(value, word);
  };
  for (const t of def.transitions)
    for (const i of t.inputs)
      if (i.fact === fact) for (const o of i.options ?? []) for (const w of [o.label.nl, o.label.en]) add(String(o.value), w);
  for (const v of spec.values ?? []) {
    add(v, spec.valueLabels?.[v]?.nl);
    add(v, spec.valueLabels?.[v]?.en);
  }
  for (const [v, words] of byValue) for (const w of EXTRA_WORDS[v] ?? []) words.add(norm(w));
  return [...byValue].map(([value, words]) => ({ value, label: labels.get(value) ?? value, words: [...words] }));
}

export type ImportProblem = { rowNumber: number; column: string; field: ImportField | null; message: string };
export type ImportRow = {
  rowNumber: number;
  key: string;
  originalReference: string | null;
  receivedOn: string;
  closedOn: string | null;
  subject: string;
  description: string;
  complainant: { name: string; email: string | null; phone: string | null };
  channel: string | null;
  facts: Partial<Record<ImportFact, string | boolean>>;
};

const pad = (n: number) => String(n).padStart(2, '0');
const civil = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const exists = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2999 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};
/** Excel's day number (1900 system, with its 29 February 1900) as a civil date. */
const fromSerial = (n: number) => {
  const dt = new Date(Math.round((Math.floor(n) - 25569) * 86_400_000));
  return civil(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
};

/**
 * A date in one of the three forms registers hold: day-month-year (31-12-2023, 31/12/2023, 31.12.2023),
 * year-month-day (2023-12-31), or Excel's day number (45291, also as a date cell). A time after it is ignored.
 */
export function parseImportDate(cell: Cell): { date: string } | { error: string } {
  if (cell instanceof Date) return { date: civil(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) };
  const text = typeof cell === 'number' ? String(cell) : String(cell).trim();
  if (/^\d{1,6}(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && n < 2958466 && n !== 60) return { date: fromSerial(n) };
    return { error: `'${text}' is geen datum` };
  }
  let m = text.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$/);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return exists(y, mo, d) ? { date: civil(y, mo, d) } : { error: `'${text}' is geen bestaande datum` };
  }
  m = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return exists(y, mo, d) ? { date: civil(y, mo, d) } : { error: `'${text}' is geen bestaande datum` };
  }
  return { error: `'${text}' is geen datum. Schrijf de datum als 31-12-2023 of 2023-12-31` };
}

const asText = (c: Cell): string =>
  c instanceof Date ? c.toISOString().slice(0, 10) : typeof c === 'number' ? String(c) : String(c ?? '').trim();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT: Partial<Record<ImportField, number>> = {
  originalReference: 60,
  subject: 500,
  description: 20_000,
  complainantName: 200,
  complainantEmail: 254,
  complainantPhone: 40,
  department: 200,
  product: 200,
};

/** Checks one row against the mapping; returns the row as it would be imported, or its problems. */
export function checkRow(
  def: ProcessDefinition,
  sheet: Pick<Sheet, 'headers'>,
  columns: Record<string, string>,
  row: SheetRow,
  today: string,
): { row: ImportRow } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const values: Partial<Record<ImportField, string | boolean>> = {};
  const columnOf: Partial<Record<ImportField, string>> = {};
  const problem = (column: string, field: ImportField | null, message: string) =>
    problems.push({ rowNumber: row.rowNumber, column, field, message: `Rij ${row.rowNumber}, kolom '${column}': ${message}.` });
  for (const [i, header] of sheet.headers.entries()) {
    const field = columns[header];
    if (!field || !isImportField(field)) continue;
    columnOf[field] = header;
    const cell = row.cells[i] ?? null;
    if (cell !== null && isRefused(cell)) {
      problem(
        header,
        field,
        cell.refused === 'formula'
          ? `bevat een formule (${cell.text.slice(0, 40)}) zonder opgeslagen uitkomst. Open het bestand in Excel, sla het op en kies het opnieuw, of vul de waarde zelf in`
          : `bevat een foutwaarde (${cell.text}). Vul een echte waarde in`,
      );
      continue;
    }
    if (cell === null || asText(cell) === '') continue;
    if (field === 'receivedOn' || field === 'closedOn') {
      const d = parseImportDate(cell);
      if ('error' in d) {
        problem(header, field, d.error);
        continue;
      }
      if (d.date > today) {
        problem(header, field, `${d.date.split('-').reverse().join('-')} ligt in de toekomst`);
        continue;
      }
      values[field] = d.date;
      continue;
    }
    const text = asText(cell);
    const max = MAX_TEXT[field];
    if (max && text.length > max) {
      problem(header, field, `is ${text.length} tekens lang; er passen er ${max}`);
      continue;
    }
    if (field === 'complainantEmail') {
      if (!EMAIL.test(text)) {
        problem(header, field, `'${text}' is geen geldig e-mailadres`);
        continue;
      }
      values[field] = text.toLowerCase();
      continue;
    }
    if (field === 'complainantPhone') {
      const phone = normalisePhone(text);
      if (!phone) {
        problem(header, field, `'${text}' is geen geldig telefoonnummer`);
        continue;
      }
      values[field] = phone;
      continue;
    }
    if (field === 'handledOnTime') {
      const n = norm(text);
      if (YES.includes(n)) values[field] = true;
      else if (NO.includes(n)) values[field] = false;
      else problem(header, field, `'${text}' is geen ja of nee`);
      continue;
    }
    const fact = field === 'channel' ? 'channel' : (IMPORT_FACTS as readonly string[]).includes(field) ? (field as FactKey) : null;
    const choices = fact ? choicesFor(def, fact) : null;
    if (choices) {
      const n = norm(text);
      const hit = choices.find((c) => c.words.includes(n));
      if (!hit) {
        const names = choices.map((c) => c.label).slice(0, 12);
        problem(header, field, `'${text}' is geen bekende waarde. Kies uit: ${names.join(', ')}`);
        continue;
      }
      values[field] = hit.value;
      continue;
    }
    values[field] = text;
  }
  for (const f of IMPORT_FIELDS)
    if (f.required && values[f.key] === undefined && !problems.some((p) => p.field === f.key))
      problem(columnOf[f.key] ?? f.nl, f.key, `is leeg; vul ${f.nl.toLowerCase()} in`);
  if (typeof values.closedOn === 'string' && typeof values.receivedOn === 'string' && values.closedOn < values.receivedOn)
    problem(columnOf.closedOn!, 'closedOn', 'ligt vóór de datum van ontvangst');
  if (problems.length) return { problems };

  const facts: ImportRow['facts'] = {};
  for (const f of IMPORT_FACTS) if (values[f] !== undefined) facts[f] = values[f];
  const ref = (values.originalReference as string | undefined) ?? null;
  // The same row: by the register's own number, else by its mapped values (in a fixed order).
  const key = ref
    ? `ref:${norm(ref)}`
    : `hash:${createHash('sha256')
        .update(JSON.stringify(IMPORT_FIELDS.map((f) => values[f.key] ?? null)))
        .digest('hex')}`;
  return {
    row: {
      rowNumber: row.rowNumber,
      key,
      originalReference: ref,
      receivedOn: values.receivedOn as string,
      closedOn: (values.closedOn as string | undefined) ?? null,
      subject: values.subject as string,
      description: (values.description as string | undefined) ?? '',
      complainant: {
        name: values.complainantName as string,
        email: (values.complainantEmail as string | undefined) ?? null,
        phone: (values.complainantPhone as string | undefined) ?? null,
      },
      channel: (values.channel as string | undefined) ?? null,
      facts,
    },
  };
}

/**
 * The status an imported row gets, asked of the definition, never named: an open row starts where
 * the process starts; a closed one ends in the terminal status a step with the row's outcome leads
 * to, else where judged complaints end, else the status the process's own closing step reaches.
 */
export function importStatus(def: ProcessDefinition, closed: boolean, outcome?: string): string {
  if (!closed) return def.initialStatus;
  const terminal = new Set(def.statuses.filter((s) => s.terminal).map((s) => s.key));
  const into = def.transitions.filter((t) => terminal.has(t.to));
  const setting = (value: string) =>
    into.find((t) => t.effects.some((e) => e.type === 'setFact' && e.fact === 'outcome' && e.value === value))?.to;
  return (
    (outcome && setting(outcome)) ||
    setting('judged') ||
    into.find((t) => t.from !== '*' && !t.effects.some((e) => e.type === 'setFact' && e.fact === 'outcome'))?.to ||
    [...terminal][0]!
  );
}
