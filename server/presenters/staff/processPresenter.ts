import { z } from 'zod';
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

export const presentProcessVersionDetail = (r: ProcessVersionRow) => ({ ...presentProcessVersion(r), definition: r.definition });

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
