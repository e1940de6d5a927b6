import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignActivity,
  bulkAssignActivities,
  closeActivity,
  pickUpActivity,
  releaseActivity,
  startActivity,
} from '../../commands/activityAssigner.ts';
import { linkActivityToCase } from '../../commands/activityLinker.ts';
import { registerActivityAlone } from '../../commands/activityRegistrar.ts';
import { runCommand, type Services } from '../../commands/context.ts';
import { notFound } from '../../domain/errors.ts';
import { activityDetailOut, activityOut, pageOf } from '../../presenters/staff/schemas.ts';
import { presentActivity } from '../../presenters/staff/present.ts';
import { activityDetail } from '../../queries/activities.ts';
import { workQueueCounts, workQueuePage } from '../../queries/workQueue.ts';
import { staffActor } from '../plugins/auth.ts';
import { assignBody, bulkAssignBody, closeBody, idParams, linkBody, queueQuery, registerActivityBody } from './activity.schema.ts';

const tags = ['Activiteiten en werkvoorraad'];
const ok = z.object({ ok: z.literal(true) });

/** Thin handlers: validate → authorize (route permission) → one command → present. */
export function registerActivityRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const today = () => services.calendar.toDate(services.clock.now());

  async function loadActivity(actor: ReturnType<typeof staffActor>, id: string) {
    const row = await activityDetail(services, actor, id);
    if (!row) throw notFound('Deze activiteit');
    return { ...presentActivity(today(), row), body: row.body };
  }

  r.post(
    '/activities',
    {
      config: { permission: 'activity:create' },
      schema: {
        tags,
        summary: 'Activiteit registreren (telefoon, balie, brief)',
        body: registerActivityBody,
        response: { 201: activityDetailOut },
      },
    },
    async (req, reply) => {
      // Answered from the INSERT itself: every role that may register intake sees all activities.
      const row = await registerActivityAlone(services, staffActor(req), req.body);
      return reply.code(201).send({ ...presentActivity(today(), row), body: row.body });
    },
  );

  r.get(
    '/activities',
    {
      config: { permission: 'activity:read', audit: 'activity.list' },
      schema: {
        tags,
        summary: 'Werkvoorraad: filteren, sorteren, pagineren',
        querystring: queueQuery,
        response: { 200: pageOf(activityOut) },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await workQueuePage(services, staffActor(req), {
        ...q,
        assigneeUserId: q.assigneeId,
        createdBefore: q.createdBefore ? new Date(q.createdBefore) : undefined,
        createdAfter: q.createdAfter ? new Date(q.createdAfter) : undefined,
      });
      const day = today();
      return { items: page.rows.map((row) => presentActivity(day, row)), nextCursor: page.nextCursor };
    },
  );

  const count = z.object({ count: z.number().int(), capped: z.boolean() });
  r.get(
    '/activity-counts',
    {
      config: { permission: 'activity:read', audit: false },
      schema: {
        tags,
        summary: 'Aantallen per werkvoorraad',
        response: { 200: z.object({ mine: count, team: count, unassigned: count, all: count }) },
      },
    },
    async (req) => workQueueCounts(services, staffActor(req)),
  );

  r.get(
    '/activities/:id',
    {
      config: { permission: 'activity:read', audit: 'activity.read' },
      schema: { tags, summary: 'Eén activiteit', params: idParams, response: { 200: activityDetailOut } },
    },
    async (req) => loadActivity(staffActor(req), req.params.id),
  );

  r.post(
    '/activities/:id/assignment',
    {
      config: { permission: 'activity:assign' },
      schema: {
        tags,
        summary: 'Toewijzen of overdragen (met reden)',
        params: idParams,
        body: assignBody,
        response: { 200: activityDetailOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => assignActivity(ctx, req.params.id, req.body));
      return loadActivity(actor, req.params.id);
    },
  );

  r.post(
    '/activity-assignments',
    {
      config: { permission: 'activity:assign' },
      schema: {
        tags,
        summary: 'Meerdere activiteiten tegelijk toewijzen',
        body: bulkAssignBody,
        response: { 200: z.object({ assigned: z.array(z.uuid()), skipped: z.array(z.uuid()) }) },
      },
    },
    async (req) => runCommand(services, staffActor(req), (ctx) => bulkAssignActivities(ctx, req.body.activityIds, req.body)),
  );

  r.post(
    '/activities/:id/pick-up',
    {
      config: { permission: 'activity:work' },
      schema: { tags, summary: 'Oppakken (of teamtaak claimen)', params: idParams, response: { 200: activityDetailOut } },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => pickUpActivity(ctx, req.params.id));
      return loadActivity(actor, req.params.id);
    },
  );

  r.post(
    '/activities/:id/release',
    {
      config: { permission: 'activity:work' },
      schema: { tags, summary: 'Teamtaak teruggeven aan het team', params: idParams, response: { 200: activityDetailOut } },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => releaseActivity(ctx, req.params.id));
      return loadActivity(actor, req.params.id);
    },
  );

  r.post(
    '/activities/:id/start',
    {
      config: { permission: 'activity:work' },
      schema: { tags, summary: 'Eigen taak in uitvoering nemen', params: idParams, response: { 200: activityDetailOut } },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => startActivity(ctx, req.params.id));
      return loadActivity(actor, req.params.id);
    },
  );

  r.post(
    '/activities/:id/closure',
    {
      config: { permission: 'activity:work' },
      schema: { tags, summary: 'Afronden of annuleren', params: idParams, body: closeBody, response: { 200: activityDetailOut } },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => closeActivity(ctx, req.params.id, req.body));
      return loadActivity(actor, req.params.id);
    },
  );

  r.post(
    '/activities/:id/case-link',
    {
      config: { permission: 'case:create' },
      schema: { tags, summary: 'Koppelen aan bestaande melding', params: idParams, body: linkBody, response: { 200: ok } },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => linkActivityToCase(ctx, req.params.id, req.body.caseId));
      return { ok: true as const };
    },
  );
}
