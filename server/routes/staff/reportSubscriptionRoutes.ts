import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runCommand, type Services } from '../../commands/context.ts';
import {
  deleteReportSubscription,
  listReportSubscriptions,
  pauseReportSubscription,
  resumeReportSubscription,
  subscribeToReport,
} from '../../commands/reportSubscriptions.ts';
import {
  presentReportSubscription,
  reportSubscriptionOut,
  reportSubscriptionsOut,
} from '../../presenters/staff/reportSubscriptionPresenter.ts';
import { staffMember } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { reportSubscriptionBody, storedFilter } from './reportSubscription.schema.ts';
import { noContent } from '../../openapi/document.ts';

const tags = ['Overzichten per e-mail'];

/**
 * Scheduled report mail (issue 12 point 2): one's own subscriptions to a report's figures by
 * e-mail. Every route is bound to the logged-in user; another's subscription answers as missing.
 */
export function registerReportSubscriptionRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'analysis:read' } as const;

  r.get(
    '/report-subscriptions',
    { config, schema: { tags, summary: 'Mijn overzichten per e-mail', response: { 200: reportSubscriptionsOut } } },
    async (req) => ({ items: (await listReportSubscriptions(services, staffMember(req))).map(presentReportSubscription) }),
  );

  r.post(
    '/report-subscriptions',
    {
      config,
      schema: { tags, summary: 'Een overzicht per e-mail krijgen', body: reportSubscriptionBody, response: { 201: reportSubscriptionOut } },
    },
    async (req, reply) => {
      const actor = staffMember(req);
      const row = await runCommand(services, actor, (ctx) =>
        subscribeToReport({ ...ctx, actor }, { ...req.body, filter: req.body.report === 'periodic' ? {} : storedFilter(req.body.filter) }),
      );
      return reply.code(201).send(presentReportSubscription(row));
    },
  );

  r.post(
    '/report-subscriptions/:id/pause',
    { config, schema: { tags, summary: 'Een overzicht per e-mail pauzeren', params: idParams, response: { 200: reportSubscriptionOut } } },
    async (req) => {
      const actor = staffMember(req);
      return presentReportSubscription(
        await runCommand(services, actor, (ctx) => pauseReportSubscription({ ...ctx, actor }, req.params.id)),
      );
    },
  );

  r.post(
    '/report-subscriptions/:id/resume',
    { config, schema: { tags, summary: 'Een overzicht per e-mail hervatten', params: idParams, response: { 200: reportSubscriptionOut } } },
    async (req) => {
      const actor = staffMember(req);
      return presentReportSubscription(
        await runCommand(services, actor, (ctx) => resumeReportSubscription({ ...ctx, actor }, req.params.id)),
      );
    },
  );

  r.delete(
    '/report-subscriptions/:id',
    { config, schema: { tags, summary: 'Een overzicht per e-mail stoppen', params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      const actor = staffMember(req);
      await runCommand(services, actor, (ctx) => deleteReportSubscription({ ...ctx, actor }, req.params.id));
      return reply.code(204).send(null);
    },
  );
}
