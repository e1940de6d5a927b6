import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';
import type { Env } from '../../config/env.ts';
import { notFound } from '../../domain/errors.ts';
import { caseMessages, demoMailboxMessage, demoMailboxPage } from '../../queries/messages.ts';
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
      config: { permission: 'case:read', audit: 'case.messages.read' },
      schema: {
        tags,
        summary: 'Verstuurde en wachtende berichten van een melding',
        params: idParams,
        response: { 200: z.object({ items: z.array(messageOut) }) },
      },
    },
    async (req) => {
      const rows = await caseMessages(services, staffActor(req), req.params.id);
      if (!rows) throw notFound('Deze melding');
      return { items: rows.map(present) };
    },
  );

  if (!env.demo || env.smtp) return;
  const withReference = (rows: (Row & { case_reference: string | null })[]) =>
    rows.map((m) => ({ ...present(m), caseReference: m.case_reference }));
  r.get(
    '/demo-mailbox',
    {
      config: { permission: 'authenticated', audit: 'mailbox.list' },
      schema: {
        tags,
        summary: 'Demo: wat Klachtflow heeft verstuurd (zonder SMTP)',
        querystring: z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) }),
        response: { 200: z.object({ items: z.array(mailboxItemOut), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const page = await demoMailboxPage(services, req.query);
      return { items: withReference(page.items), nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/demo-mailbox/:id',
    {
      config: { permission: 'authenticated', audit: 'mailbox.read' },
      schema: {
        tags,
        summary: 'Demo: één verstuurd bericht met inhoud',
        params: idParams,
        response: { 200: mailboxItemOut.extend({ text: z.string(), html: z.string(), attachments: z.array(attachmentOut) }) },
      },
    },
    async (req) => {
      const m = await demoMailboxMessage(services, req.params.id);
      if (!m) throw notFound('Dit bericht');
      // Attachments are documents on the case (the PDF letter): listed, and opened through the documents API.
      return {
        ...withReference([m])[0]!,
        text: m.body_text,
        html: m.body_html,
        attachments: m.documents.map((d) => ({ id: d.id, filename: d.filename, mediaType: d.media_type, sizeBytes: Number(d.size_bytes) })),
      };
    },
  );
}
