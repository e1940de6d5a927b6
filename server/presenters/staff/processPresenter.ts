import { z } from 'zod';
import { dataFieldSchema, processDefinitionSchema, statusSchema, transitionSchema } from '../../domain/process/definition.ts';
import type { ProcessVersionRow } from '../../queries/processVersions.ts';

/** Process versions as the staff API shows them (the process owner's page); schemas first. */
const when = z.iso.datetime();
const definition = z.record(z.string(), z.unknown()).describe('De procesdefinitie zoals geschreven (JSON)');

export const processVersionOut = z.object({
  processKey: z.string(),
  version: z.number().int(),
  state: z.enum(['draft', 'published', 'retired']),
  source: z.enum(['file', 'upload']),
  createdAt: when,
  createdBy: z.string(),
  publishedAt: when.nullable(),
  publishedBy: z.string().nullable(),
  retiredAt: when.nullable(),
});
export const processVersionDetailOut = processVersionOut.extend({ definition });

export const processOverviewOut = z.object({
  key: z.string(),
  label: z.object({ nl: z.string(), en: z.string() }),
  /** The version new cases get, with its definition: drawn as the diagram, its periods and texts. */
  published: processVersionDetailOut,
  /** The draft being prepared, if any. */
  draft: processVersionDetailOut.nullable(),
  /** Every version, newest first: who made and published it, and when. */
  versions: z.array(processVersionOut),
});
export const processCheckOut = z.object({
  valid: z.boolean(),
  problems: z.array(z.string()).describe('Elk probleem, zoals de server het bij het starten zou melden'),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A stored definition in the order people write it: jsonb keeps keys by length, so "key" would
 * come before "$schema" and "en" before "nl". Keys follow the schema's order (unknown ones after),
 * and every text has Dutch first, so what the process owner edits reads like the shipped files.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const inOrder = (o: Obj, keys: readonly string[]): Obj =>
  Object.fromEntries([...keys.filter((k) => k in o), ...Object.keys(o).filter((k) => !keys.includes(k))].map((k) => [k, o[k]]));
const ORDER: Record<string, readonly string[]> = {
  statuses: Object.keys(statusSchema.shape),
  transitions: Object.keys(transitionSchema.shape),
  fields: Object.keys(dataFieldSchema.shape),
  inputs: Object.keys(dataFieldSchema.shape),
};
const FIRST = ['key', 'type', 'label', 'nl', 'en'];
function tidy(value: unknown, keys: readonly string[] = FIRST): unknown {
  if (Array.isArray(value)) return value.map((v) => tidy(v, keys));
  if (!isObj(value)) return value;
  const o = inOrder(value, keys);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, tidy(v, ORDER[k] ?? FIRST)]));
}
export const readableDefinition = (definition: Obj) => tidy(definition, Object.keys(processDefinitionSchema.shape)) as Obj;

export function presentProcessVersion(r: ProcessVersionRow) {
  return {
    processKey: r.process_key,
    version: r.version,
    state: r.state,
    source: r.source,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by_name,
    publishedAt: iso(r.published_at),
    publishedBy: r.published_by_name,
    retiredAt: iso(r.retired_at),
  };
}

export const presentProcessVersionDetail = (r: ProcessVersionRow) => ({
  ...presentProcessVersion(r),
  definition: readableDefinition(r.definition),
});

export function presentProcessOverview(label: { nl: string; en: string }, rows: ProcessVersionRow[]) {
  const published = rows.find((r) => r.state === 'published')!;
  const draft = rows.find((r) => r.state === 'draft');
  return {
    key: published.process_key,
    label,
    published: presentProcessVersionDetail(published),
    draft: draft ? presentProcessVersionDetail(draft) : null,
    versions: rows.map(presentProcessVersion),
  };
}
