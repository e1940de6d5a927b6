import type { z } from 'zod';
import type { caseSurveyOut, surveyListOut, surveyResultsOut } from '../../../../../server/presenters/staff/surveyPresenter.ts';

/** The satisfaction survey as the API sends it (inferred from the server's response schemas). */
export type CaseSurvey = z.infer<typeof caseSurveyOut>;
export type SurveyResults = z.infer<typeof surveyResultsOut>;
export type SurveyFigures = SurveyResults['totals'];
export type SurveyList = z.infer<typeof surveyListOut>;
export type SurveyListItem = SurveyList['items'][number];

export const SURVEY_GROUPS = ['handler', 'team', 'ground'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];
/** The key of a group whose cases have no handler, team or ground (the API's word). */
export const NO_KEY = 'none';
