import { sql } from 'kysely';
import { buffer } from 'node:stream/consumers';
import { runCommand, SYSTEM_ACTOR, type Services } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { MailTransport } from '../mail/transport.ts';
import type { Job } from './runner.ts';

/**
 * Delivers the outbox. A message is claimed with FOR UPDATE SKIP LOCKED and a lease (so two
 * senders never take the same one, and a crashed sender's message is retried when the lease ends),
 * handed to the transport, and marked sent right after the SMTP server accepted it. The one window
 * left — a crash between that acceptance and the commit — can resend a message; it then carries the
 * same Message-ID, which lets mail clients and our own importer recognise it as one message.
 * Failures back off exponentially (1, 2, 4 … minutes, capped at an hour, with jitter) and give up
 * after MAX_ATTEMPTS, leaving a visible "failed" on the case timeline.
 */
const LEASE_MS = 2 * 60_000;
const BATCH = 10;
export const MAX_ATTEMPTS = 12;

export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(60_000 * 2 ** (attempt - 1), 3600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

async function claim(services: Services): Promise<string[]> {
  const now = services.clock.now();
  const rows = await services.db
    .updateTable('outbox_message')
    .set({ lease_until: new Date(now.getTime() + LEASE_MS), attempts: sql`attempts + 1` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_message')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
        .orderBy('next_attempt_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked(),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

async function deliver(services: Services, transport: MailTransport, from: string, id: string): Promise<boolean> {
  const msg = await services.db.selectFrom('outbox_message').selectAll().where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  if (!msg) return false;
  try {
    const docs = msg.attachments.length
      ? await services.db.selectFrom('document').select(['filename', 'media_type', 'storage_key']).where('id', 'in', msg.attachments).execute()
      : [];
    const attachments = await Promise.all(docs.map(async (d) => ({ filename: d.filename, contentType: d.media_type, content: await buffer(services.storage.open(d.storage_key)) })));
    await transport.send({ from, to: { address: msg.to_address, name: msg.to_name }, subject: msg.subject, text: msg.body_text, html: msg.body_html, messageId: msg.message_id, attachments });
  } catch (err) {
    const attempts = msg.attempts;
    const failed = attempts >= MAX_ATTEMPTS;
    // No personal data in the stored error: the SMTP reply code and text only.
    const reason = String((err as { response?: string }).response ?? (err as Error).message).slice(0, 300);
    await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
      await ctx.tx
        .updateTable('outbox_message')
        .set({ status: failed ? 'failed' : 'pending', last_error: reason, lease_until: null, next_attempt_at: new Date(ctx.now.getTime() + backoffMs(attempts)) })
        .where('id', '=', id)
        .execute();
      if (failed && msg.case_id) await recordEvent(ctx, { type: 'messageFailed', caseId: msg.case_id, data: { messageId: id, template: msg.template_key, attempts } });
    });
    return false;
  }
  await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    await ctx.tx.updateTable('outbox_message').set({ status: 'sent', sent_at: ctx.now, lease_until: null, last_error: null }).where('id', '=', id).execute();
    if (msg.case_id) {
      await recordEvent(ctx, { type: 'messageSent', caseId: msg.case_id, data: { messageId: id, template: msg.template_key, recipientRole: msg.recipient_role, subject: msg.subject, via: transport.kind } });
    }
  });
  return true;
}

export async function sendDueMessages(services: Services, transport: MailTransport, from: string): Promise<number> {
  const ids = await claim(services);
  let sent = 0;
  for (const id of ids) if (await deliver(services, transport, from, id)) sent++;
  return ids.length === BATCH ? ids.length : sent;
}

export const outboxSenderJob = (transport: MailTransport, from: string): Job => ({
  name: 'outboxSender',
  intervalMs: 5_000,
  run: (services) => sendDueMessages(services, transport, from),
});
