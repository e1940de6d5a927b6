import type { Services } from '../commands/context.ts';
import { isSurveyToken, surveyTokenHash } from '../commands/surveyAnswer.ts';
import type { CaseLanguage } from '../db/schema.ts';

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
    .select(['cases.reference', 'cases.handling_deadline', 'cases.language', 'c.email as c_email', 'r.email as r_email'])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return { reference: c.reference, expectedBy: c.handling_deadline, mailedTo: !!(c.r_email ?? c.c_email), language: c.language };
}

/** What we sent the complainant (or their representative) about the case, oldest first; a letter on paper has no subject here. */
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
  return [...mail, ...post.map((p) => ({ subject: null, at: p.posted_at! }))];
}

export type SurveyState = 'unknown' | 'open' | 'answered';

/** Whether the survey waits for an answer, and the language of its case (the page's unless the visitor chose another). */
export async function surveyState(services: Services, token: string): Promise<{ state: SurveyState; language: CaseLanguage | null }> {
  if (!isSurveyToken(token)) return { state: 'unknown', language: null };
  const s = await services.db
    .selectFrom('survey')
    .innerJoin('cases', 'cases.id', 'survey.case_id')
    .select(['survey.answered_at', 'cases.language'])
    .where('survey.token_hash', '=', surveyTokenHash(token))
    .executeTakeFirst();
  return { state: !s ? 'unknown' : s.answered_at ? 'answered' : 'open', language: s?.language ?? null };
}
