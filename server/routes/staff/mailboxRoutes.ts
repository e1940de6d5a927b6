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
  id: z.uuid(), caseId: z.uuid().nullable(), template: z.string(), recipientRole: z.string(), to: z.string(), subject: z.string(),
  status: z.enum(['pending', 'sent', 'failed']), attempts: z.number().int(), createdAt: z.iso.datetime(), sentAt: z.iso.datetime().nullable(),
  /** Why the last attempt failed (SMTP reply, addresses masked), so the handler knows to call or write. */
  lastError: z.string().nullable(),
});
type Row = { id: string; case_id: string | null; template_key: string; recipient_role: string; to_address: string; subject: string; status: 'pending' | 'sent' | 'failed'; attempts: number; created_at: Date; sent_at: Date | null; last_error: string | null };
const present = (m: Row) => ({
  id: m.id, caseId: m.case_id, template: m.template_key, recipientRole: m.recipient_role, to: m.to_address, subject: m.subject,
  status: m.status, attempts: m.attempts, createdAt: m.created_at.toISOString(), sentAt: m.sent_at?.toISOString() ?? null, lastError: m.last_error,
});
const columns = ['id', 'case_id', 'template_key', 'recipient_role', 'to_address', 'subject', 'status', 'attempts', 'created_at', 'sent_at', 'last_error'] as const;

/**
 * A case's sent and queued communication (seed 000: "verstuurde communicatie toevoegen aan de
 * melding"), and in DEMO mode without SMTP the built-in mailbox: everything Klachtflow "sent", with
 * its text, so a demo shows the letters without a mail server. Never registered in production.
 */
export function registerMailboxRoutes(api: FastifyInstance, services: Services, env: Pick<Env, 'demo' | 'smtp'>) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/cases/:id/messages', {
    config: { permission: 'case:read' },
    schema: { tags, summary: 'Verstuurde en wachtende berichten van een melding', params: idParams, response: { 200: z.object({ items: z.array(messageOut) }) } },
  }, async (req) => {
    const visible = await services.db.selectFrom('cases').select('id').where('id', '=', req.params.id).where(caseScope(staffActor(req))).executeTakeFirst();
    if (!visible) throw notFound('Deze melding');
    const rows = await services.db.selectFrom('outbox_message').select(columns).where('case_id', '=', req.params.id).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
    return { items: rows.map(present) };
  });

  if (!env.demo || env.smtp) return;
  r.get('/demo-mailbox', {
    config: { permission: 'authenticated' },
    schema: {
      tags, summary: 'Demo: wat Klachtflow heeft verstuurd (zonder SMTP)',
      querystring: z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) }),
      response: { 200: z.object({ items: z.array(messageOut), nextCursor: z.string().nullable() }) },
    },
  }, async (req) => {
    let q = services.db.selectFrom('outbox_message').select(columns);
    const after = decodeCursor(req.query.cursor);
    if (after) q = q.where(sql<boolean>`(created_at, id) < (${new Date(after.value)}, ${after.id}::uuid)`);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(req.query.limit + 1).execute();
    const page = rows.slice(0, req.query.limit);
    const last = page.at(-1);
    return { items: page.map(present), nextCursor: rows.length > req.query.limit && last ? encodeCursor(last.created_at, last.id) : null };
  });

  r.get('/demo-mailbox/:id', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Demo: één verstuurd bericht met inhoud', params: idParams, response: { 200: messageOut.extend({ text: z.string(), html: z.string() }) } },
  }, async (req) => {
    const m = await services.db.selectFrom('outbox_message').select([...columns, 'body_text', 'body_html']).where('id', '=', req.params.id).executeTakeFirst();
    if (!m) throw notFound('Dit bericht');
    return { ...present(m), text: m.body_text, html: m.body_html };
  });
}
