import type { Services } from '../commands/context.ts';
import { responsibleHandler } from '../commands/responsibleHandler.ts';

/**
 * What the complainant sees of one case: its steps, dates, handler, the questions asked and the
 * messages exchanged. Built only from citizen-facing facts: no notes, no internal timeline data.
 */
export async function portalCaseView(services: Services, caseId: string) {
  const c = await services.db
    .selectFrom('cases')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .innerJoin('person as complainant', 'complainant.id', 'cases.complainant_id')
    .leftJoin('person as representative', 'representative.id', 'cases.representative_id')
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
      'cases.language',
      'u.name as handler_name',
      'u.job_title as handler_job_title',
      'u.phone as handler_phone',
      'complainant.name as complainant_name',
      'representative.name as representative_name',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const [statusEvents, contacts, slots, survey, waits] = await Promise.all([
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
    // The waits of the current status (a hearing wait, an information wait); reminders are staff business.
    services.db
      .selectFrom('timer')
      .select('fires_at')
      .where('case_id', '=', caseId)
      .where('status', '=', 'pending')
      .where('timer_key', '<>', 'reminder')
      .execute(),
  ]);
  // On a closed case: who handled it, also when it ended in a team's hands (the one who answered for it).
  const handledBy = c.closed_at ? await responsibleHandler(services.db, services.org, caseId) : null;
  // Seed 003: the person named comes with their job title and direct number, whoever that is.
  const named = handledBy
    ? await services.db.selectFrom('staff_user').select(['job_title', 'phone']).where('id', '=', handledBy.id).executeTakeFirst()
    : undefined;
  return {
    case: {
      ...c,
      handler_name: handledBy?.name ?? c.handler_name,
      handler_job_title: named ? named.job_title : c.handler_job_title,
      handler_phone: named ? named.phone : c.handler_phone,
    },
    statusEvents,
    contacts,
    slots,
    survey,
    waits,
  };
}
