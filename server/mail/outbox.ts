import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { renderTemplate } from './render.ts';
import type { TemplateKey } from './templates.nl.ts';

/**
 * Puts a message in the outbox, inside the caller's transaction: it exists if and only if the change
 * that caused it committed. The idempotency key makes a retried cause (a timer fired again after a
 * crash) enqueue nothing new. The sender (jobs/outboxSender.ts) delivers it later.
 */
export type EnqueueInput = {
  caseId: string | null;
  template: TemplateKey;
  recipientRole: 'complainant' | 'representative' | 'handler';
  to: { address: string; name?: string | null };
  vars: Record<string, string>;
  idempotencyKey: string;
  attachments?: string[];
};

export async function enqueueMessage(ctx: CommandContext, input: EnqueueInput): Promise<string | null> {
  const rendered = renderTemplate(input.template, input.vars);
  const domain = new URL(ctx.services.publicUrl).hostname;
  const row = await ctx.tx
    .insertInto('outbox_message')
    .values({
      idempotency_key: input.idempotencyKey,
      case_id: input.caseId,
      template_key: input.template,
      recipient_role: input.recipientRole,
      to_address: input.to.address,
      to_name: input.to.name ?? null,
      subject: rendered.subject,
      body_text: rendered.text,
      body_html: rendered.html,
      attachments: JSON.stringify(input.attachments ?? []),
      message_id: `<${randomUUID()}@${domain}>`,
      next_attempt_at: ctx.now,
      created_at: ctx.now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  if (input.caseId) {
    // The timeline says what was sent to whom in which role; the text itself stays in the outbox.
    await recordEvent(ctx, { type: 'messageQueued', caseId: input.caseId, data: { messageId: row.id, template: input.template, recipientRole: input.recipientRole, subject: rendered.subject } });
  }
  return row.id;
}
