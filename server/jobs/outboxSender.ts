import { sql, type Selectable } from 'kysely';
import { buffer } from 'node:stream/consumers';
import { runCommand, SYSTEM_ACTOR, type Services } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { OutboxMessageTable } from '../db/schema.ts';
import { smtpFailure, type MailTransport, type OutgoingMail } from '../mail/transport.ts';
import type { Job } from './runner.ts';
import { outboxSendFailures } from '../metrics/instruments.ts';

/**
 * Delivers the outbox, one message per claim.
 *
 * Claim: an UPDATE on one row picked with FOR UPDATE SKIP LOCKED sets a lease and increments
 * `attempts`, and commits at once. Two senders never take the same row; a sender that crashes
 * leaves the lease behind, and the row is claimed again when it runs out. One row per claim (not a
 * batch) so the lease only has to outlast one send: a batch sent one by one could outlive its
 * lease and let a second sender take the batch's tail while the first still works on it. The
 * claimed `attempts` value is the claim's token: a failure is recorded only by the claim that is
 * still current.
 *
 * Delivery is at least once, made safe to receive twice. The Message-ID is fixed at enqueue and
 * the row is marked sent right after the SMTP server accepted the message. One window remains: a
 * crash (or lost database connection) after the server accepted the message and before that commit.
 * The row is then still pending and is sent again after its lease, with the SAME Message-ID, so the
 * receiving mail system and mail programs can recognise the copy as the same message (and our own
 * inbound importer threads a reply to either copy to the same case). Marking sent before sending
 * would close the window the other way round: a lost message, which is worse for a complainant.
 *
 * Failures back off exponentially (1, 2, 4 … minutes, capped at an hour, with jitter); after
 * maxAttempts, or at once when the server says the mailbox does not exist, the message is marked
 * failed with a `messageFailed` event on the case timeline, so the handler calls or writes instead.
 */
export type SenderOptions = {
  /** Attempts before a message is marked failed. Default 10 (about four hours of retries). */
  maxAttempts?: number;
  /** How long a claim holds a message; far above the transport's own timeouts (10 s + 10 s + 30 s idle). */
  leaseMs?: number;
  /** Messages per run; the runner runs again at once when a run handled this many. */
  batch?: number;
  /**
   * Reply-To klachten+KL-2026-000123@… (the From address plus the case reference), which the inbound
   * importer threads even when a mail program drops References. Only when the organisation's
   * mailbox accepts plus addresses, otherwise replies would bounce: off by default.
   */
  replyToPlusAddress?: boolean;
};

export const DEFAULT_MAX_ATTEMPTS = 10;
const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_BATCH = 20;
const HOUR = 3600_000;

/** The wait after the given (1-based) failed attempt: 1 min doubling, ±20 % jitter, at most an hour. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(60_000 * 2 ** Math.max(0, attempt - 1), HOUR);
  return Math.min(Math.round(base * (0.8 + 0.4 * random())), HOUR);
}

type Claimed = Selectable<OutboxMessageTable>;

/** Claims the next due message for this sender, or undefined when none is due. Exported for the crash tests. */
export async function claimNext(services: Services, leaseMs = DEFAULT_LEASE_MS): Promise<Claimed | undefined> {
  const now = services.clock.now();
  return services.db
    .updateTable('outbox_message')
    .set({ lease_until: new Date(now.getTime() + leaseMs), attempts: sql`attempts + 1` })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('outbox_message')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

/** The reply address with the case reference after a "+", from "Naam <klachten@org.nl>" or a bare address. */
export function plusAddress(from: string, reference: string): string | null {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  const at = address.lastIndexOf('@');
  if (at < 1 || address.includes('+')) return null;
  return `${address.slice(0, at)}+${reference}${address.slice(at)}`;
}

class PermanentFailure extends Error {}

async function build(services: Services, msg: Claimed, from: string, opts: SenderOptions): Promise<OutgoingMail> {
  let replyTo: string | null = null;
  if (opts.replyToPlusAddress && msg.case_id) {
    const c = await services.db.selectFrom('cases').select('reference').where('id', '=', msg.case_id).executeTakeFirst();
    if (c) replyTo = plusAddress(from, c.reference);
  }
  let attachments: OutgoingMail['attachments'] = [];
  if (msg.attachments.length) {
    // Only the case's own documents: an attachment id from elsewhere must never reach a complainant.
    let q = services.db.selectFrom('document').select(['id', 'filename', 'media_type', 'storage_key']).where('id', 'in', msg.attachments);
    if (msg.case_id) q = q.where('case_id', '=', msg.case_id);
    const docs = await q.execute();
    // A letter without its enclosure is a different letter: refuse rather than send it incomplete.
    if (docs.length !== new Set(msg.attachments).size) throw new PermanentFailure('attachment not found on the case');
    attachments = await Promise.all(
      docs.map(async (d) => ({
        filename: d.filename,
        contentType: d.media_type,
        content: await buffer(services.storage.open(d.storage_key)),
      })),
    );
  }
  return {
    from,
    to: { address: msg.to_address, name: msg.to_name },
    replyTo,
    subject: msg.subject,
    text: msg.body_text,
    html: msg.body_html,
    messageId: msg.message_id,
    inReplyTo: msg.in_reply_to,
    attachments,
  };
}

async function markSent(services: Services, msg: Claimed, via: MailTransport['kind']) {
  await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    // Guarded by status only, not by the claim: the server accepted the message, that is a fact even
    // if this claim's lease ran out meanwhile. A second sender's later mark then changes nothing.
    const done = await ctx.tx
      .updateTable('outbox_message')
      .set({ status: 'sent', sent_at: ctx.now, lease_until: null, last_error: null })
      .where('id', '=', msg.id)
      .where('status', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (done && msg.case_id) {
      await recordEvent(ctx, {
        type: 'messageSent',
        caseId: msg.case_id,
        data: { messageId: msg.id, template: msg.template_key, recipientRole: msg.recipient_role, via },
      });
    }
  });
}

async function markFailedAttempt(services: Services, msg: Claimed, reason: string, giveUp: boolean) {
  await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    const updated = await ctx.tx
      .updateTable('outbox_message')
      .set({
        status: giveUp ? 'failed' : 'pending',
        last_error: reason,
        lease_until: null,
        next_attempt_at: giveUp ? ctx.now : new Date(ctx.now.getTime() + backoffMs(msg.attempts)),
      })
      .where('id', '=', msg.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', msg.attempts) // only the current claim records its outcome
      .returning('id')
      .executeTakeFirst();
    if (updated) outboxSendFailures.inc({ outcome: giveUp ? 'failed' : 'retry' });
    if (updated && giveUp && msg.case_id) {
      await recordEvent(ctx, {
        type: 'messageFailed',
        caseId: msg.case_id,
        data: { messageId: msg.id, template: msg.template_key, recipientRole: msg.recipient_role, attempts: msg.attempts },
      });
    }
  });
}

/** Claims and sends due messages until none is due or the batch is done; returns how many it handled. */
export async function sendDueMessages(
  services: Services,
  transport: MailTransport,
  from: string,
  opts: SenderOptions = {},
): Promise<number> {
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const batch = opts.batch ?? DEFAULT_BATCH;
  let handled = 0;
  while (handled < batch) {
    const msg = await claimNext(services, opts.leaseMs);
    if (!msg) break;
    handled++;
    if (msg.attempts > maxAttempts) {
      // Every allowed attempt was claimed and the last one never reported back (the sender died
      // mid-send, perhaps on this very message): stop, and say so on the case.
      await markFailedAttempt(services, msg, 'interrupted: no outcome recorded for the last attempt', true);
      continue;
    }
    try {
      await transport.send(await build(services, msg, from, opts));
    } catch (err) {
      const failure = err instanceof PermanentFailure ? { permanent: true, reason: err.message } : smtpFailure(err);
      await markFailedAttempt(services, msg, failure.reason, failure.permanent || msg.attempts >= maxAttempts);
      continue;
    }
    await markSent(services, msg, transport.kind);
  }
  return handled;
}

/** The job for runner.ts: `startJobs(services, [..., outboxSenderJob(transportFromEnv(env), env.mailFrom)], log)`. */
export const outboxSenderJob = (transport: MailTransport, from: string, opts: SenderOptions = {}): Job => ({
  name: 'outboxSender',
  intervalMs: 5_000,
  run: (services) => sendDueMessages(services, transport, from, opts),
});
