import { invalid, notFound } from '../domain/errors.ts';
import { caseScope } from '../queries/scope.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * Contact with the complainant — a call, a conversation, a letter — recorded on the case. The first
 * one stops the first-contact norm (e.g. seed 001: the complaints team calls first, within 5 working
 * days), so that clock shows who was called in time and who was not. After closing, contact is still
 * recorded (seed 003: a call explains the closing letter) but no longer counts as first contact.
 */
export const CONTACT_METHODS = ['phone', 'inPerson', 'email', 'letter'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
type Facts = { firstContactAt?: string } & Record<string, unknown>;

export async function recordComplainantContact(
  ctx: CommandContext,
  caseId: string,
  input: { method: ContactMethod; summary: string; at?: Date },
) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'received_at', 'closed_at'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  const at = input.at ?? ctx.now;
  if (at > ctx.now) throw invalid('body.at', 'Dit moment ligt in de toekomst. Leg een contact vast nadat het er is geweest.');
  if (at < c.received_at) throw invalid('body.at', 'Dit moment ligt vóór de ontvangst van de klacht.');
  await recordEvent(ctx, {
    type: 'complainantContacted',
    caseId,
    data: { method: input.method, summary: input.summary, at: at.toISOString() },
  });
  if (!c.closed_at) await markFirstContact(ctx, caseId, at);
}

/** Sets the first-contact fact once (an earlier contact recorded later wins); also used by process steps. */
export async function markFirstContact(ctx: CommandContext, caseId: string, at: Date) {
  const c = await ctx.tx.selectFrom('cases').select('clock_facts').where('id', '=', caseId).executeTakeFirstOrThrow();
  const facts = c.clock_facts as Facts;
  if (facts.firstContactAt && new Date(facts.firstContactAt) <= at) return;
  await ctx.tx
    .updateTable('cases')
    .set({ clock_facts: JSON.stringify({ ...facts, firstContactAt: at.toISOString() }), updated_at: ctx.now })
    .where('id', '=', caseId)
    .execute();
}
