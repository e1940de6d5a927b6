import { sql } from 'kysely';
import { runCommand, type CommandContext, type Services, type SystemActor } from '../../commands/context.ts';
import { recordEvent } from '../../commands/timeline.ts';
import type { InboundStatus } from '../../db/schema.ts';
import { bulkMailReason, displaySubject, machineSentReason } from './classify.ts';
import { type ReadMail, readMessage } from './content.ts';
import { addMailActivity, addReplyToCase, type MailContent } from './deliver.ts';
import { firstHeader, type RawHeaders, readHeaders } from './rawMessage.ts';
import { readRawMessage } from './store.ts';
import { caseCandidates, senderKnownOnCase, unknownReferences } from './thread.ts';

/** Resumes a case that waited for this reply, etc. Runs inside the transaction that links the reply. */
export type OnCaseReplyReceived = (ctx: CommandContext, reply: { caseId: string; activityId: string }) => Promise<void>;

export type InboundOptions = {
  onCaseReplyReceived?: OnCaseReplyReceived;
  /** Our own mailbox addresses (X-Loop, mail from ourselves); default: the organisation's contact address. */
  ownAddresses?: string[];
  /** Messages one sender may send per window before the rest is ignored as a mail loop. */
  senderLimit?: { max: number; windowMs: number };
  /** Team key whose queue new mail lands in; default the unassigned queue. */
  intakeTeam?: string;
};

export type InboundOutcome = { status: InboundStatus; reason: string | null; caseId: string | null; activityId: string | null };

export const MAIL_ACTOR: SystemActor = { kind: 'system', name: 'Klachtflow e-mailimport' };
const DEFAULT_LIMIT = { max: 20, windowMs: 10 * 60_000 };

/**
 * Step two: decides what one stored message is and acts on it in ONE transaction, so the row's
 * status, the activity, its documents, the case event and the hook commit together or not at all.
 * Returns null when the row is not (or no longer) waiting. A bad message ends as 'quarantined';
 * it never throws for the content of a mail, so the messages behind it still go through.
 */
export async function processInboundMessage(services: Services, id: string, options: InboundOptions = {}): Promise<InboundOutcome | null> {
  const pre = await services.db.selectFrom('inbound_message').select(['status', 'raw_storage_key']).where('id', '=', id).executeTakeFirst();
  if (!pre || pre.status !== 'stored') return null;
  const raw = await readRawMessage(services, pre.raw_storage_key);
  const parsed = await readMessage(raw);
  const storedKeys: string[] = [];
  try {
    return await runCommand(services, MAIL_ACTOR, async (ctx) => {
      const row = await ctx.tx.selectFrom('inbound_message').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row || row.status !== 'stored') return null;
      const outcome = await decide(ctx, row, raw, parsed, options, storedKeys);
      await ctx.tx
        .updateTable('inbound_message')
        .set({
          status: outcome.status,
          reason: outcome.reason,
          case_id: outcome.caseId,
          activity_id: outcome.activityId,
          from_address: parsed.from.address,
          subject: parsed.subject || null,
          processed_at: ctx.now,
          lease_until: null,
        })
        .where('id', '=', id)
        .execute();
      return outcome;
    });
  } catch (err) {
    for (const key of storedKeys) await services.storage.remove(key).catch(() => undefined);
    throw err;
  }
}

/** The sender's address straight from the header block, for mail no parser reads. */
function rawFromAddress(headers: RawHeaders): string | null {
  const value = firstHeader(headers, 'from') ?? '';
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? /[^\s<>"',;:()]+@[^\s<>"',;:()]+/.exec(value)?.[0];
  return address?.toLowerCase().slice(0, 320) ?? null;
}

async function decide(
  ctx: CommandContext,
  row: { id: string; duplicate_of: string | null; received_at: Date; released_at?: Date | null },
  raw: Buffer,
  read: ReadMail,
  options: InboundOptions,
  storedKeys: string[],
): Promise<InboundOutcome> {
  const done = (status: InboundStatus, reason: string | null, caseId: string | null = null, activityId: string | null = null) => ({
    status,
    reason,
    caseId,
    activityId,
  });
  if (row.duplicate_of) return done('duplicate', `same Message-ID and content as ${row.duplicate_of}`);

  // Machine mail is decided on the header block before the structure check: delivery reports and
  // auto-replies are often malformed (an mbox From_ line, a cut-off copy of our message), and
  // quarantine is for a person's mail that staff must look at, not for those.
  const headers = readHeaders(raw);
  const ownAddresses = options.ownAddresses ?? [ctx.services.org.contact.email].filter((a): a is string => !!a);
  const machine = machineSentReason({
    headers,
    fromAddress: read.from.address ?? rawFromAddress(headers),
    subject: read.mail ? read.subject : (firstHeader(headers, 'subject') ?? ''),
    ownAddresses,
  });
  // Never a case change and never an answer: that is how auto-replies close tickets and start loops.
  if (machine) return done('ignored', machine);

  // Staff released it from quarantine (retention/quarantine.ts): a readable mail is processed despite its fault.
  const fault = row.released_at && read.mail ? null : read.fault;
  if (fault !== null || !read.mail) return done('quarantined', fault ?? 'unparseable');
  const from = read.from;
  if (from.address && (await overSenderLimit(ctx, from.address, row.received_at, options.senderLimit ?? DEFAULT_LIMIT))) {
    return done('ignored', 'loop limit');
  }

  const rawSubject = read.subject;
  const subject = displaySubject(rawSubject).slice(0, 500);
  const bulk = bulkMailReason(headers);
  const mail: MailContent = {
    inboundId: row.id,
    from,
    subject,
    text: read.text,
    attachments: read.mail.attachments,
    notes: [],
    bulk: bulk !== null,
  };
  const candidates = await caseCandidates(ctx, headers, rawSubject);
  // Bulk and list mail is kept but never linked by itself: linking resumes a waiting case.
  for (const candidate of bulk ? [] : candidates) {
    if (!(await senderKnownOnCase(ctx, candidate.caseId, from.address))) continue;
    const activityId = await addReplyToCase(ctx, candidate.caseId, mail, storedKeys);
    await runHook(ctx, options, { caseId: candidate.caseId, activityId });
    return done('linked', `reply via ${candidate.via} to ${candidate.reference}`, candidate.caseId, activityId);
  }
  if (candidates.length) {
    const refs = candidates.map((c) => c.reference).join(', ');
    mail.notes.push(
      bulk
        ? `deze e-mail noemt melding ${refs}, maar is bulk- of lijstmail en is daarom niet automatisch gekoppeld. Koppel de e-mail zelf als hij bij die melding hoort.`
        : `deze e-mail lijkt een reactie op melding ${refs}, maar is niet automatisch gekoppeld: de afzender ${from.address ?? '(onbekend)'} is niet bekend bij die melding. Controleer de afzender en koppel de e-mail zelf als dat klopt.`,
    );
  }
  for (const ref of await unknownReferences(ctx, rawSubject, candidates))
    mail.notes.push(`het onderwerp noemt ${ref}, maar die melding bestaat niet.`);
  const activityId = await addMailActivity(ctx, mail, storedKeys, options.intakeTeam);
  const reason = bulk ?? (candidates.length ? `sender not known on ${candidates.map((c) => c.reference).join(', ')}` : 'new mail');
  return done('activity', reason, null, activityId);
}

/**
 * The hook runs behind a savepoint: if resuming the case fails, the reply itself still lands on the
 * case (the handler then resumes by hand) instead of the whole mail being retried and quarantined.
 */
async function runHook(ctx: CommandContext, options: InboundOptions, reply: { caseId: string; activityId: string }) {
  if (!options.onCaseReplyReceived) return;
  await sql`savepoint case_reply_hook`.execute(ctx.tx);
  try {
    await options.onCaseReplyReceived(ctx, reply);
    await sql`release savepoint case_reply_hook`.execute(ctx.tx);
  } catch (err) {
    await sql`rollback to savepoint case_reply_hook`.execute(ctx.tx);
    await recordEvent(ctx, {
      type: 'caseReplyFollowUpFailed',
      caseId: reply.caseId,
      activityId: reply.activityId,
      data: { error: String((err as Error).message).slice(0, 300) },
    });
  }
}

/**
 * Counts the message in its sender's fixed window (by arrival time, so a backlog processed late is
 * not mistaken for a burst). The counter row lives in the database, so every instance shares it, and
 * its row lock serialises concurrent messages from one sender.
 */
async function overSenderLimit(ctx: CommandContext, address: string, at: Date, limit: { max: number; windowMs: number }) {
  const windowStart = new Date(Math.floor(at.getTime() / limit.windowMs) * limit.windowMs);
  const row = await ctx.tx
    .insertInto('mail_sender_counter')
    .values({ address, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['address', 'window_start']).doUpdateSet({ count: sql`mail_sender_counter.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count > limit.max;
}
