import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../commands/context.ts';
import { dashboardFigures } from '../../analysis/dashboard.ts';
import { requestedPeriod } from '../../analysis/periods.ts';
import { contactVolumes, saveContactVolumes } from '../../analysis/volumes.ts';
import { dashboardOut, volumesOut } from '../../presenters/staff/dashboard.ts';
import { staffActor } from '../plugins/auth.ts';
import { dashboardQuery, volumesBody, volumesQuery } from './analysis.schema.ts';

const tags = ['Analyse'];

/** Issue 12, part 8 point 2: the managers' dashboard over a period, and the contact volumes behind the complaint rate. */
export function registerAnalysisRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const today = () => services.calendar.toDate(services.clock.now());

  r.get(
    '/analysis/dashboard',
    {
      config: { permission: 'analysis:read' },
      schema: {
        tags,
        summary:
          'Analyse: aantallen en trends per maand, kwartaal, halfjaar of jaar, doorlooptijd, op tijd per norm, verlengingen, tevredenheid, terugkerende klagers, maatregelen, stijgende thema’s, klachtpercentage, extern vervolg en aansluiting; elk cijfer met het filter van de meldingen erachter',
        querystring: dashboardQuery,
        response: { 200: dashboardOut },
      },
    },
    async (req) => {
      const { from, to, ...rest } = req.query;
      const day = today();
      return dashboardFigures(services, staffActor(req), { ...rest, ...requestedPeriod(day, from, to) }, day);
    },
  );

  r.get(
    '/analysis/volumes',
    {
      config: { permission: 'report:manage' },
      schema: {
        tags,
        summary: 'Aantal contacten of klanten per maand (voor het klachtpercentage)',
        querystring: volumesQuery,
        response: { 200: volumesOut },
      },
    },
    async (req) => ({ items: await contactVolumes(services, req.query) }),
  );

  r.put(
    '/analysis/volumes',
    {
      config: { permission: 'report:manage' },
      schema: {
        tags,
        summary: 'Aantal contacten of klanten per maand invoeren of wijzigen (leeg: verwijderen)',
        body: volumesBody,
        response: { 200: volumesOut },
      },
    },
    async (req) => {
      await saveContactVolumes(services, staffActor(req), req.body.items);
      const months = req.body.items.map((i) => i.month).sort();
      return { items: await contactVolumes(services, { from: months[0], to: months.at(-1) }) };
    },
  );
}
