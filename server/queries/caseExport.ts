import { sql } from 'kysely';
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
      // Civil days in Amsterdam, worked out by PostgreSQL: per row in JavaScript (Intl) it cost more than the query.
      sql<string>`to_char(cases.received_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('received_day'),
      sql<string | null>`to_char(cases.closed_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('closed_day'),
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
 * downloads. The next batch is asked for as soon as the last one arrives, so PostgreSQL reads it
 * while this process writes the last one out (two cores busy, not one after the other); at most
 * two batches are in memory. Ends after the first short batch.
 */
export async function* caseExportBatches(
  services: Services,
  actor: Actor,
  f: CaseFilter,
  opts: { today: string; batchSize?: number },
): AsyncGenerator<ExportRow[]> {
  const size = opts.batchSize ?? EXPORT_BATCH_SIZE;
  let pending: Promise<ExportRow[]> | null = exportBatch(services, actor, f, opts.today, null, size);
  try {
    while (pending) {
      const rows: ExportRow[] = await pending;
      pending = rows.length === size ? exportBatch(services, actor, f, opts.today, rows.at(-1)!.reference, size) : null;
      if (rows.length) yield rows;
    }
  } finally {
    // Stopped early (the download was cancelled): the batch read ahead is not wanted, nor its failure.
    pending?.catch(() => {});
  }
}
