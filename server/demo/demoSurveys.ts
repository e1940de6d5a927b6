import { SYSTEM_ACTOR, type Services } from '../commands/context.ts';
import { storeSurveyAnswer } from '../commands/surveyAnswer.ts';

/** Answers in the words complainants use; one survey in every few stays unanswered (the response rate). */
const ANSWERS: ({ score: number; comment?: string } | null)[] = [
  { score: 4, comment: 'Netjes teruggebeld en goed uitgelegd wat er mis was gegaan.' },
  { score: 2, comment: 'Het duurde lang voordat ik iets hoorde.' },
  { score: 5 },
  null,
  { score: 3, comment: 'De uitleg was duidelijk, maar het probleem is nog niet opgelost.' },
  null,
];

/**
 * The demo's closed complaints got their survey through the process; some complainants answer it,
 * through the same command as the portal's form, so the Tevredenheid page shows figures.
 */
export async function seedDemoSurveys(services: Services) {
  const surveys = await services.db
    .selectFrom('survey')
    .select(['id', 'case_id'])
    .where('answered_at', 'is', null)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  for (const [i, survey] of surveys.entries()) {
    const answer = ANSWERS[i % ANSWERS.length];
    if (!answer) continue;
    await services.db
      .transaction()
      .execute((tx) => storeSurveyAnswer({ actor: SYSTEM_ACTOR, tx, now: services.clock.now(), services }, survey, answer));
  }
}
