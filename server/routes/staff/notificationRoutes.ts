import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';
import { notFound } from '../../domain/errors.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';

const tags = ['Meldingen aan medewerkers'];
const notificationOut = z.object({
  id: z.uuid(),
  kind: z.string(),
  message: z.string(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});

/** A handler's own notifications (reminders): only ever their own rows. */
export function registerNotificationRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Mijn meldingen (herinneringen)',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(notificationOut), unreadCount: z.number().int() }) },
      },
    },
    async (req) => {
      const me = staffActor(req);
      let q = services.db
        .selectFrom('notification')
        .leftJoin('cases', 'cases.id', 'notification.case_id')
        .select([
          'notification.id',
          'notification.kind',
          'notification.message',
          'notification.case_id',
          'notification.created_at',
          'notification.read_at',
          'cases.reference',
        ])
        .where('notification.user_id', '=', me.id);
      if (req.query.unread === 'true') q = q.where('notification.read_at', 'is', null);
      const [rows, unread] = await Promise.all([
        q.orderBy('notification.created_at', 'desc').limit(50).execute(),
        services.db
          .selectFrom('notification')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', me.id)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          message: n.message,
          caseId: n.case_id,
          caseReference: n.reference,
          createdAt: n.created_at.toISOString(),
          read: n.read_at !== null,
        })),
        unreadCount: Number(unread.n),
      };
    },
  );

  r.post(
    '/notifications/:id/read',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Als gelezen markeren', params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (req) => {
      const result = await services.db
        .updateTable('notification')
        .set({ read_at: services.clock.now() })
        .where('id', '=', req.params.id)
        .where('user_id', '=', staffActor(req).id)
        .executeTakeFirst();
      if (!result.numUpdatedRows) throw notFound('Deze melding');
      return { ok: true as const };
    },
  );
}
