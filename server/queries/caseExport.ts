import type { Actor, Services } from '../commands/context.ts';
import { type CaseFilter, caseFilter } from './caseFilter.ts';
import { caseReadScope } from './scope.ts';

/** Rows per query: large enough that 100,000 cases are 100 round trips, small enough to hold in memory. */
export const EXPORT_BATCH_SIZE = 1000;

function exportBatch(services: Services, actor: Actor, f: CaseFilter, today: string, after: string | null, size: number) {
  let q = services.db
    .selectFrom('cases')
    .where(caseReadScope(actor))
    .where(caseFilter(actor, f, today))
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .leftJoin('team as t', 't.id', 'cases.assignee_team_id')
    .select([
      'cases.reference',
      'cases.subject',
      'cases.process_key',
      'cases.process_version',
      'cases.status',
      'cases.channel',
      'cases.regime',
      'cases.received_at',
      'cases.closed_at',
      'cases.handling_deadline',
      'cases.norm_deadline',
      'cases.facts',
      'u.name as user_name',
      't.name as team_name',
    ]);
  if (after !== null) q = q.where('cases.reference', '>', after);
  return q.orderBy('cases.reference', 'asc').limit(size).execute();
}
export type ExportRow = Awaited<ReturnType<typeof exportBatch>>[number];

/**
 * The register in batches, keyset-paged on the case reference (unique, indexed, never changes: a
 * case changed during the export neither moves nor repeats, as with updated_at it would), in the
 * actor's read scope. Each batch is its own short query, so no connection is held while the client
 * downloads, and only one batch is in memory at a time. Ends after the first short batch.
 */
export async function* caseExportBatches(
  services: Services,
  actor: Actor,
  f: CaseFilter,
  opts: { today: string; batchSize?: number },
): AsyncGenerator<ExportRow[]> {
  const size = opts.batchSize ?? EXPORT_BATCH_SIZE;
  let after: string | null = null;
  for (;;) {
    const rows = await exportBatch(services, actor, f, opts.today, after, size);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = rows.at(-1)!.reference;
  }
}
