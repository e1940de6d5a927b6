import { createHash } from 'node:crypto';
import { conflict, notFound } from '../domain/errors.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * The complainant answers the survey after closing (seed 000 business rule 5), from the portal API
 * or the portal's form: once. The survey is found by its secret token; only the token's hash is stored.
 */
export const surveyTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
/** What a survey token looks like (256 bits, base64url): anything else is unknown without asking the database. */
export const isSurveyToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export async function answerSurvey(ctx: CommandContext, token: string, answer: { score: number; comment?: string }) {
  const survey = isSurveyToken(token)
    ? await ctx.tx
        .selectFrom('survey')
        .select(['id', 'case_id', 'answered_at'])
        .where('token_hash', '=', surveyTokenHash(token))
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!survey) throw notFound('Deze enquête');
  if (survey.answered_at) throw conflict('U heeft deze vragen al beantwoord. Dank u wel!');
  await ctx.tx
    .updateTable('survey')
    .set({ score: answer.score, comment: answer.comment ?? null, answered_at: ctx.now })
    .where('id', '=', survey.id)
    .execute();
  await recordEvent(ctx, { type: 'surveyAnswered', caseId: survey.case_id, data: { score: answer.score } });
}
