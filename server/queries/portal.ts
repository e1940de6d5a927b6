import type { Services } from '../commands/context.ts';
import { isSurveyToken, surveyTokenHash } from '../commands/surveyAnswer.ts';

/**
 * The portal's reads besides the case view (portalCase.ts): what a complainant is told right after
 * submitting, the mail sent to them, and whether a survey waits for an answer. Every case read here
 * comes from a valid secret link, which is its scope.
 */

/** Right after submitting: the reference, the expected answer date, and whether a confirmation was mailed. */
export async function submittedComplaint(services: Services, caseId: string) {
  const c = await services.db
    .selectFrom('cases')
    .leftJoin('person as c', 'c.id', 'cases.complainant_id')
    .leftJoin('person as r', 'r.id', 'cases.representative_id')
    .select(['cases.reference', 'cases.handling_deadline', 'c.email as c_email', 'r.email as r_email'])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return { reference: c.reference, expectedBy: c.handling_deadline, mailedTo: !!(c.r_email ?? c.c_email) };
}

/** What we sent the complainant (or their representative) about the case, oldest first. */
export async function mailToComplainant(services: Services, caseId: string) {
  const [mail, post] = await Promise.all([
    services.db
      .selectFrom('outbox_message')
      .select(['subject', 'created_at as at'])
      .where('case_id', '=', caseId)
      .where('recipient_role', 'in', ['complainant', 'representative'])
      .orderBy('created_at')
      .limit(100)
      .execute(),
    // Letters on paper count from the day they were posted; one still waiting is not sent yet.
    services.db
      .selectFrom('postal_item')
      .select(['posted_at'])
      .where('case_id', '=', caseId)
      .where('posted_at', 'is not', null)
      .orderBy('posted_at')
      .limit(100)
      .execute(),
  ]);
  return [...mail, ...post.map((p) => ({ subject: 'een brief per post', at: p.posted_at! }))];
}

export type SurveyState = 'unknown' | 'open' | 'answered';

export async function surveyState(services: Services, token: string): Promise<SurveyState> {
  if (!isSurveyToken(token)) return 'unknown';
  const s = await services.db
    .selectFrom('survey')
    .select(['answered_at'])
    .where('token_hash', '=', surveyTokenHash(token))
    .executeTakeFirst();
  return !s ? 'unknown' : s.answered_at ? 'answered' : 'open';
}
