import { createHash } from 'node:crypto';
import { conflict, notFound } from '../domain/errors.ts';
import { createCaseTask } from './caseTasks.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * The complainant answers the survey after closing (seed 000 business rule 5), from the portal API
 * or the portal's form: once. The survey is found by its secret token; only the token's hash is stored.
 */
export const surveyTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
/** What a survey token looks like (256 bits, base64url): anything else is unknown without asking the database. */
export const isSurveyToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** The task key of "look at this case again" after an unhappy survey answer (organisation config `survey`). */
export const SURVEY_REVIEW_TASK = 'surveyReview';

export type SurveyAnswer = { score: number; comment?: string };

export async function answerSurvey(ctx: CommandContext, token: string, answer: SurveyAnswer) {
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
  await storeSurveyAnswer(ctx, survey, answer);
}

/**
 * Stores an answer to a survey locked by the caller (the demo answers its own surveys this way).
 * An answer at or below the configured score asks for a second look: a task for the configured
 * team, in this same transaction, so an unhappy answer is never stored without its task.
 */
export async function storeSurveyAnswer(ctx: CommandContext, survey: { id: string; case_id: string }, answer: SurveyAnswer) {
  await ctx.tx
    .updateTable('survey')
    .set({ score: answer.score, comment: answer.comment ?? null, answered_at: ctx.now })
    .where('id', '=', survey.id)
    .execute();
  await recordEvent(ctx, { type: 'surveyAnswered', caseId: survey.case_id, data: { score: answer.score } });
  const { reviewWhenScoreAtMost, reviewTeam, reviewWithinWorkingDays } = ctx.services.org.survey;
  if (reviewWhenScoreAtMost === null || answer.score > reviewWhenScoreAtMost || !reviewTeam) return;
  const { calendar } = ctx.services;
  const due = calendar.addWorkingDays(calendar.toDate(ctx.now), reviewWithinWorkingDays);
  const taskId = await createCaseTask(ctx, survey.case_id, {
    taskKey: SURVEY_REVIEW_TASK,
    subject: { nl: 'Klacht opnieuw bekijken: klager ontevreden in enquête' },
    team: reviewTeam,
    // Midday of the last day, so the date reads the same in every time zone (as other task deadlines).
    dueAt: new Date(`${due}T12:00:00Z`),
    body: answer.comment ? `Score ${answer.score} van 5. Toelichting: ${answer.comment}` : `Score ${answer.score} van 5.`,
  });
  await recordEvent(ctx, {
    type: 'surveyReviewRequested',
    caseId: survey.case_id,
    activityId: taskId,
    data: { score: answer.score, threshold: reviewWhenScoreAtMost },
  });
}
