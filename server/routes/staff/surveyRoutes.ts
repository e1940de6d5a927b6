import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../commands/context.ts';
import {
  caseSurveyOut,
  presentCaseSurvey,
  presentSurveyList,
  presentSurveyResults,
  surveyListOut,
  surveyResultsOut,
} from '../../presenters/staff/surveyPresenter.ts';
import { caseSurvey, listSurveys, periodOrDefault, surveyResults } from '../../queries/surveyResults.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { surveyListQuery, surveyResultsQuery } from './survey.schema.ts';

const tags = ['Tevredenheid'];

/** Seed 000 business rule 5, the staff side: one case's survey, and the figures over a period for managers. */
export function registerSurveyRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/survey-results',
    {
      config: { permission: 'survey:read', audit: 'survey.results.read' },
      schema: {
        tags,
        summary:
          'Tevredenheid: scores en respons (beantwoord / verstuurd) per behandelaar, team of grondslag, over de enquêtes verstuurd in een periode',
        querystring: surveyResultsQuery,
        response: { 200: surveyResultsOut },
      },
    },
    async (req) => {
      const { groupBy, ...period } = req.query;
      return presentSurveyResults(await surveyResults(services, staffActor(req), { ...periodOrDefault(services, period), groupBy }));
    },
  );

  r.get(
    '/survey-results/surveys',
    {
      config: { permission: 'survey:read', audit: 'survey.results.read' },
      schema: {
        tags,
        summary: 'De enquêtes achter een cijfer (per pagina): opmerkingen nieuwste eerst, zonder namen van klagers',
        querystring: surveyListQuery,
        response: { 200: surveyListOut },
      },
    },
    async (req) => {
      const { from, to, answered, withComment, ...rest } = req.query;
      const page = await listSurveys(services, staffActor(req), {
        ...periodOrDefault(services, { from, to }),
        ...rest,
        answered: answered === undefined ? undefined : answered === 'true',
        withComment: withComment === 'true',
      });
      return presentSurveyList(page);
    },
  );

  r.get(
    '/cases/:id/survey',
    {
      config: { permission: 'case:read', audit: 'case.survey.read' },
      schema: {
        tags,
        summary: 'Het tevredenheidsonderzoek van deze klacht: verstuurd, beantwoord, score en opmerking',
        params: idParams,
        response: { 200: caseSurveyOut },
      },
    },
    async (req) => presentCaseSurvey(await caseSurvey(services, staffActor(req), req.params.id)),
  );
}
