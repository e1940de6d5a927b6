import type { Selectable } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import type { ZgwCaseTable } from '../db/zgwSchema.ts';
import { caseReadScope } from '../queries/scope.ts';

/** The read side of the zaaksysteem sync: per case (the case page) and the administrator's list. */
export type ZgwSyncRow = Selectable<ZgwCaseTable> & { reference: string };

/** The case's zaak, or null when it has none (sync off, another process); undefined when the actor may not read the case. */
export async function zaakOfCase(services: Services, actor: Actor, caseId: string): Promise<ZgwSyncRow | null | undefined> {
  const c = await services.db.selectFrom('cases').select('id').where('id', '=', caseId).where(caseReadScope(actor)).executeTakeFirst();
  if (!c) return undefined;
  return (await zgwSyncOfCase(services, caseId)) ?? null;
}

/** The administrator's view of one case's sync (ids and the reference only; no case scope needed for that). */
export async function zgwSyncOfCase(services: Services, caseId: string): Promise<ZgwSyncRow | undefined> {
  return services.db
    .selectFrom('zgw_case')
    .innerJoin('cases', 'cases.id', 'zgw_case.case_id')
    .selectAll('zgw_case')
    .select('cases.reference')
    .where('zgw_case.case_id', '=', caseId)
    .executeTakeFirst();
}

/** Cases whose sync failed (default) or still waits, newest first; ids and references only, no personal data. */
export async function listZgwSyncs(services: Services, state: 'failed' | 'pending', limit = 200): Promise<ZgwSyncRow[]> {
  return services.db
    .selectFrom('zgw_case')
    .innerJoin('cases', 'cases.id', 'zgw_case.case_id')
    .selectAll('zgw_case')
    .select('cases.reference')
    .where('zgw_case.state', '=', state)
    .orderBy('zgw_case.next_attempt_at', 'desc')
    .orderBy('zgw_case.case_id')
    .limit(limit)
    .execute();
}
