import type { Services } from '../commands/context.ts';

/**
 * What the complainant sees of one case: its steps, dates, handler, the questions asked and the
 * messages exchanged. Built only from citizen-facing facts: no notes, no internal timeline data.
 */
export async function portalCaseView(services: Services, caseId: string) {
  const c = await services.db
    .selectFrom('cases')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.subject',
      'cases.status',
      'cases.process_key',
      'cases.process_version',
      'cases.received_at',
      'cases.closed_at',
      'cases.handling_deadline',
      'cases.facts',
      'u.name as handler_name',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const [statusEvents, contacts, slots, survey] = await Promise.all([
    services.db
      .selectFrom('timeline_event')
      .select(['occurred_at', 'after', 'data'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'statusChanged')
      .orderBy('id')
      .execute(),
    services.db
      .selectFrom('activity')
      .select(['id', 'channel', 'subject', 'created_at'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'intake')
      .orderBy('created_at')
      .limit(100)
      .execute(),
    services.db
      .selectFrom('hearing_slot')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('withdrawn_at', 'is', null)
      .orderBy('starts_at')
      .execute(),
    services.db.selectFrom('survey').select(['answered_at']).where('case_id', '=', caseId).executeTakeFirst(),
  ]);
  return { case: c, statusEvents, contacts, slots, survey };
}
