import { sql, type Transaction } from 'kysely';
import type { CommandContext } from '../commands/context.ts';
import type { DB } from '../db/schema.ts';

/**
 * The durable side of the zaaksysteem sync: a change to a case that the zaak should reflect marks
 * the case's zgw_case row, in the transaction of the change, so it exists if and only if the change
 * committed. The worker (zgwSync.ts) then brings the zaak up to date with the case as it is.
 */

/** The timeline events that change what the zaak shows: the case, its citizen step, its documents and letters. */
export const ZGW_EVENTS: ReadonlySet<string> = new Set(['caseRegistered', 'statusChanged', 'documentAdded', 'letterSent']);

export async function zgwCaseChanged(ctx: CommandContext, caseId: string, eventType: string): Promise<void> {
  const config = ctx.services.org.zgw;
  if (!config?.enabled || !ZGW_EVENTS.has(eventType)) return;
  const processes = config.processes;
  // A synced row becomes due again; a pending one counts the change; a failed one waits for the
  // administrator's retry (its change is counted, nothing is lost).
  await sql`
    insert into zgw_case (case_id, zaak_identificatie, next_attempt_at, created_at)
    select id, reference, ${ctx.now}, ${ctx.now} from cases
    where id = ${caseId} ${processes ? sql`and process_key in (${sql.join(processes)})` : sql``}
    on conflict (case_id) do update set
      changes = zgw_case.changes + 1,
      state = case when zgw_case.state = 'synced' then 'pending' else zgw_case.state end,
      attempts = case when zgw_case.state = 'synced' then 0 else zgw_case.attempts end,
      next_attempt_at = case when zgw_case.state = 'synced' then excluded.next_attempt_at else zgw_case.next_attempt_at end
  `.execute(ctx.tx);
}

/**
 * Klachtflow destroyed (anonymised) these cases: the zaaksysteem hears it per its archive rules
 * (zgwSync.ts reportDestruction). Whether or not sync is still on: a zaak once registered is told.
 */
export async function zgwCasesDestroyed(tx: Transaction<DB>, caseIds: readonly string[], now: Date): Promise<void> {
  if (!caseIds.length) return;
  await tx
    .updateTable('zgw_case')
    .set({
      destroyed_at: now,
      changes: sql`changes + 1`,
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
    })
    .where('case_id', 'in', caseIds)
    .where('destroyed_at', 'is', null)
    .execute();
}
