import { createHash } from 'node:crypto';
import { runCommand, SYSTEM_ACTOR, type Services } from '../../../commands/context.ts';
import { recordEvent } from '../../../commands/timeline.ts';

/**
 * The survey by its secret token: the same lookup and answer as the portal API's survey route
 * (portalRoutes.ts), as functions so the HTML page can tell "unknown" from "already answered".
 */
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type SurveyState = 'unknown' | 'open' | 'answered';

export async function surveyState(services: Services, token: string): Promise<SurveyState> {
  if (!TOKEN.test(token)) return 'unknown';
  const s = await services.db.selectFrom('survey').select(['answered_at']).where('token_hash', '=', hashOf(token)).executeTakeFirst();
  return !s ? 'unknown' : s.answered_at ? 'answered' : 'open';
}

/** Records the answer once; a second answer changes nothing and says so. */
export async function answerSurvey(services: Services, token: string, answer: { score: number; comment?: string }): Promise<SurveyState> {
  if (!TOKEN.test(token)) return 'unknown';
  return runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    const survey = await ctx.tx
      .selectFrom('survey')
      .select(['id', 'case_id', 'answered_at'])
      .where('token_hash', '=', hashOf(token))
      .forUpdate()
      .executeTakeFirst();
    if (!survey) return 'unknown';
    if (survey.answered_at) return 'answered';
    await ctx.tx
      .updateTable('survey')
      .set({ score: answer.score, comment: answer.comment ?? null, answered_at: ctx.now })
      .where('id', '=', survey.id)
      .execute();
    await recordEvent(ctx, { type: 'surveyAnswered', caseId: survey.case_id, data: { score: answer.score } });
    return 'open';
  });
}
