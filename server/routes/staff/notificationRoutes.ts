import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';
import { markNotificationRead } from '../../commands/staffNotifications.ts';
import { notFound } from '../../domain/errors.ts';
import { myNotifications } from '../../queries/notifications.ts';
import { staffMember } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';

const tags = ['Meldingen aan medewerkers'];
const notificationOut = z.object({
  id: z.uuid(),
  kind: z.string(),
  message: z.string(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  measureId: z.uuid().nullable(),
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
      const { rows, unreadCount } = await myNotifications(services, staffMember(req), { unreadOnly: req.query.unread === 'true' });
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          message: n.message,
          caseId: n.case_id,
          caseReference: n.reference,
          measureId: n.measure_id,
          createdAt: n.created_at.toISOString(),
          read: n.read_at !== null,
        })),
        unreadCount,
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
      if (!(await markNotificationRead(services, staffMember(req), req.params.id))) throw notFound('Deze melding');
      return { ok: true as const };
    },
  );
}
