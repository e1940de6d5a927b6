import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';
import type { Env } from '../../config/env.ts';
import { notFound } from '../../domain/errors.ts';
import { decodeCursor, encodeCursor } from '../../queries/keyset.ts';
import { caseScope } from '../../queries/scope.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';

const tags = ['Berichten'];
const messageOut = z.object({
  id: z.uuid(),
  caseId: z.uuid().nullable(),
  template: z.string(),
  recipientRole: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  /** Why the last attempt failed (SMTP reply, addresses masked), so the handler knows to call or write. */
  lastError: z.string().nullable(),
});
/** The demo mailbox also names the case, so a reader can open it. */
const mailboxItemOut = messageOut.extend({ caseReference: z.string().nullable() });
const attachmentOut = z.object({ id: z.uuid(), filename: z.string(), mediaType: z.string(), sizeBytes: z.number().int() });
type Row = {
  id: string;
  case_id: string | null;
  template_key: string;
  recipient_role: string;
  to_address: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  last_error: string | null;
};
const present = (m: Row) => ({
  id: m.id,
  caseId: m.case_id,
  template: m.template_key,
  recipientRole: m.recipient_role,
  to: m.to_address,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  createdAt: m.created_at.toISOString(),
  sentAt: m.sent_at?.toISOString() ?? null,
  lastError: m.last_error,
});
const columns = [
  'id',
  'case_id',
  'template_key',
  'recipient_role',
  'to_address',
  'subject',
  'status',
  'attempts',
  'created_at',
  'sent_at',
  'last_error',
] as const;

/**
 * A case's sent and queued communication (seed 000: "verstuurde communicatie toevoegen aan de
 * melding"), and in DEMO mode without SMTP the built-in mailbox: everything Klachtflow "sent", with
 * its text, so a demo shows the letters without a mail server. Never registered in production.
 */
export function registerMailboxRoutes(api: FastifyInstance, services: Services, env: Pick<Env, 'demo' | 'smtp'>) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/messages',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: 'Verstuurde en wachtende berichten van een melding',
        params: idParams,
        response: { 200: z.object({ items: z.array(messageOut) }) },
      },
    },
    async (req) => {
      const visible = await services.db
        .selectFrom('cases')
        .select('id')
        .where('id', '=', req.params.id)
        .where(caseScope(staffActor(req)))
        .executeTakeFirst();
      if (!visible) throw notFound('Deze melding');
      const rows = await services.db
        .selectFrom('outbox_message')
        .select(columns)
        .where('case_id', '=', req.params.id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return { items: rows.map(present) };
    },
  );

  if (!env.demo || env.smtp) return;
  const withReference = (rows: (Row & { case_reference: string | null })[]) =>
    rows.map((m) => ({ ...present(m), caseReference: m.case_reference }));
  r.get(
    '/demo-mailbox',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Demo: wat Klachtflow heeft verstuurd (zonder SMTP)',
        querystring: z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) }),
        response: { 200: z.object({ items: z.array(mailboxItemOut), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      let q = services.db
        .selectFrom('outbox_message')
        .leftJoin('cases', 'cases.id', 'outbox_message.case_id')
        .select(columns.map((c) => `outbox_message.${c}` as const))
        .select('cases.reference as case_reference');
      const after = decodeCursor(req.query.cursor);
      if (after) q = q.where(sql<boolean>`(outbox_message.created_at, outbox_message.id) < (${new Date(after.value)}, ${after.id}::uuid)`);
      const rows = await q
        .orderBy('outbox_message.created_at', 'desc')
        .orderBy('outbox_message.id', 'desc')
        .limit(req.query.limit + 1)
        .execute();
      const page = rows.slice(0, req.query.limit);
      const last = page.at(-1);
      return {
        items: withReference(page),
        nextCursor: rows.length > req.query.limit && last ? encodeCursor(last.created_at, last.id) : null,
      };
    },
  );

  r.get(
    '/demo-mailbox/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Demo: één verstuurd bericht met inhoud',
        params: idParams,
        response: { 200: mailboxItemOut.extend({ text: z.string(), html: z.string(), attachments: z.array(attachmentOut) }) },
      },
    },
    async (req) => {
      const m = await services.db
        .selectFrom('outbox_message')
        .leftJoin('cases', 'cases.id', 'outbox_message.case_id')
        .select([
          ...columns.map((c) => `outbox_message.${c}` as const),
          'outbox_message.body_text',
          'outbox_message.body_html',
          'outbox_message.attachments',
          'cases.reference as case_reference',
        ])
        .where('outbox_message.id', '=', req.params.id)
        .executeTakeFirst();
      if (!m) throw notFound('Dit bericht');
      // Attachments are documents on the case (the PDF letter): listed, and opened through the documents API.
      const docs = m.attachments.length
        ? await services.db
            .selectFrom('document')
            .select(['id', 'filename', 'media_type', 'size_bytes'])
            .where('id', 'in', m.attachments)
            .orderBy('filename')
            .execute()
        : [];
      return {
        ...withReference([m])[0]!,
        text: m.body_text,
        html: m.body_html,
        attachments: docs.map((d) => ({ id: d.id, filename: d.filename, mediaType: d.media_type, sizeBytes: Number(d.size_bytes) })),
      };
    },
  );
}
