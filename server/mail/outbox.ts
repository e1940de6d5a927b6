import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { type MailLanguage, renderTemplate } from './render.ts';
import type { TemplateKey } from './templates.nl.ts';

/**
 * Puts a message in the outbox, inside the caller's transaction: it exists if and only if the change
 * that caused it committed. The idempotency key makes a retried cause (a timer fired again after a
 * crash, a double-clicked step) enqueue nothing new. The sender (jobs/outboxSender.ts) delivers it.
 */
export type RecipientRole = 'complainant' | 'representative' | 'handler' | 'complainedPerson' | 'staffContact';

export type EnqueueInput = {
  caseId?: string | null;
  template: TemplateKey;
  recipientRole: RecipientRole;
  to: { address: string; name?: string | null };
  /** Merge fields; organisationName is always set from the configuration and cannot be overridden. */
  vars: Record<string, string>;
  idempotencyKey: string;
  /** Document ids; the sender reads their content from blob storage when it sends. */
  attachments?: string[];
  /** The Message-ID this message answers (threading in the complainant's mail program). */
  inReplyTo?: string | null;
  /** The recipient's language (the case's); Dutch when absent. */
  language?: MailLanguage;
};

// Deliberately simple: one @, no spaces or angle brackets, a dot in the domain. The SMTP server has
// the final word; this only catches what can never be delivered (a typo at the phone intake).
const PLAUSIBLE_ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export const isPlausibleAddress = (address: string | null | undefined) => !!address && PLAUSIBLE_ADDRESS.test(address.trim());

/** Our own Message-ID: fixed at enqueue, so every attempt sends the same one and replies thread to it. */
export function newMessageId(publicUrl: string): string {
  return `<${randomUUID()}@${new URL(publicUrl).hostname}>`;
}

/**
 * Returns the outbox row's id (also when the idempotency key was already used: then the existing
 * row's id), or null when the address cannot be mailed; that is recorded on the timeline as
 * `messageNotSent`, so the handler calls or writes instead, and the step itself still goes through.
 */
export async function enqueueMessage(ctx: CommandContext, input: EnqueueInput): Promise<string | null> {
  const caseId = input.caseId ?? null;
  const address = input.to.address.trim();
  if (!PLAUSIBLE_ADDRESS.test(address)) {
    if (caseId)
      await recordEvent(ctx, {
        type: 'messageNotSent',
        caseId,
        data: { template: input.template, recipientRole: input.recipientRole, reason: 'invalidEmailAddress' },
      });
    return null;
  }
  // Rendering throws on an unknown or missing merge field, which rolls back the caller's change:
  // a broken template must be fixed, not mailed half-filled.
  const texts = ctx.services.org.citizenTexts?.[input.language ?? 'nl'] ?? {};
  const rendered = renderTemplate(input.template, { ...input.vars, organisationName: ctx.services.org.name }, texts, input.language);
  const row = await ctx.tx
    .insertInto('outbox_message')
    .values({
      idempotency_key: input.idempotencyKey,
      case_id: caseId,
      template_key: input.template,
      recipient_role: input.recipientRole,
      to_address: address,
      to_name: input.to.name?.trim() || null,
      subject: rendered.subject,
      body_text: rendered.text,
      body_html: rendered.html,
      attachments: JSON.stringify(input.attachments ?? []),
      message_id: newMessageId(ctx.services.publicUrl),
      in_reply_to: input.inReplyTo ?? null,
      next_attempt_at: ctx.now,
      created_at: ctx.now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    // Already queued by an earlier run of the same cause: nothing new, and no second timeline event.
    const existing = await ctx.tx
      .selectFrom('outbox_message')
      .select('id')
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirstOrThrow();
    return existing.id;
  }
  if (caseId) {
    // The timeline is append-only and outlives anonymisation, so it names the template and the
    // recipient's role only; subject, address and text stay in the outbox row.
    await recordEvent(ctx, {
      type: 'messageQueued',
      caseId,
      data: { messageId: row.id, template: input.template, recipientRole: input.recipientRole },
    });
  }
  return row.id;
}
