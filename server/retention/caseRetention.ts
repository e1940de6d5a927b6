import { sql, type Transaction } from 'kysely';
import type { Services } from '../commands/context.ts';
import type { DB } from '../db/schema.ts';
import { toCivilDate } from '../domain/calendar/civilDate.ts';
import type { Facts } from '../domain/process/roles.ts';
import { retentionFor } from './retentionDate.ts';

type ClosedCase = {
  id: string;
  case_type: string;
  process_key: string;
  facts: unknown;
  clock_facts: unknown;
  closed_at: Date | null;
};

/**
 * Stores a closed case's destroy-after day under the organisation's retention table. "Not handled"
 * is what the process says it is: a step with the noticeOfNotHandling effect (Awb 9:8) was taken,
 * which records the decision in the case's clock facts. A legal hold placed earlier stays.
 */
export async function recordRetention(tx: Transaction<DB>, services: Pick<Services, 'org'>, c: ClosedCase, now: Date) {
  if (!c.closed_at) return;
  const closedOn = toCivilDate(c.closed_at);
  const notHandled = !!(c.clock_facts as { notHandling?: { decidedAt?: string } } | null)?.notHandling?.decidedAt;
  const d = retentionFor(
    services.org.retention,
    { caseType: c.case_type, processKey: c.process_key, facts: (c.facts ?? {}) as Facts, notHandled },
    closedOn,
  );
  await tx
    .insertInto('case_retention')
    .values({ case_id: c.id, closed_on: closedOn, destroy_after: d.destroyAfter, rule: d.rule, computed_at: now })
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({ closed_on: closedOn, destroy_after: d.destroyAfter, rule: d.rule, computed_at: now }),
    )
    .execute();
}

/** The close step's part: called in the transaction that closed the case. */
export async function recordRetentionOfCase(tx: Transaction<DB>, services: Pick<Services, 'org'>, caseId: string, now: Date) {
  const c = await tx
    .selectFrom('cases')
    .select(['id', 'case_type', 'process_key', 'facts', 'clock_facts', 'closed_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (c) await recordRetention(tx, services, c, now);
}

/**
 * Closed cases without a retention row (closed before this existed, imported, planted): computed in
 * batches, claimed with SKIP LOCKED so instances share the work. Returns how many were computed.
 */
export async function backfillRetention(tx: Transaction<DB>, services: Pick<Services, 'org'>, now: Date, batch = 500) {
  const rows = await tx
    .selectFrom('cases')
    .select(['id', 'case_type', 'process_key', 'facts', 'clock_facts', 'closed_at'])
    .where('closed_at', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('case_retention').select(sql`1`.as('x')).whereRef('case_retention.case_id', '=', 'cases.id'))),
    )
    .limit(batch)
    .forUpdate()
    .skipLocked()
    .execute();
  for (const c of rows) await recordRetention(tx, services, c, now);
  return rows.length;
}
