import { conflict, invalid, notFound } from '../domain/errors.ts';
import { type Facts, statusHasRole, stepsFor } from '../domain/process/roles.ts';
import { fireTrigger } from '../engine/triggers.ts';
import { caseScope } from '../queries/scope.ts';
import { transitionCase } from './caseTransitioner.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * The hearing (Awb 9:10; seed 000 "Uitnodigen klant voor hoorgesprek", "Plannen hoorgesprek"): the
 * coordinator offers time slots with the invitation, the complainant books one (portal, or the
 * coordinator on their behalf after a call), and the booking plans the hearing.
 */
export type SlotInput = { startsAt: Date; endsAt: Date; location: string };

export async function inviteForHearing(
  ctx: CommandContext,
  caseId: string,
  input: { slots: SlotInput[]; note?: string; expectedVersion?: number },
) {
  input.slots.forEach((s, i) => {
    if (s.endsAt <= s.startsAt) throw invalid(`slots.${i}.endsAt`, 'Het einde ligt voor het begin.');
    if (s.startsAt <= ctx.now) throw invalid(`slots.${i}.startsAt`, 'Bied alleen tijden in de toekomst aan.');
  });
  // An unknown (or invisible) case is a 404 here, not a foreign-key error on the slots below.
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'status', 'process_key', 'process_version', 'facts'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  // The invitation is the step into the status where the complainant books a time.
  const def = ctx.services.processes.forCase(c);
  const invite = stepsFor(def, c.status, c.facts as Facts).find((t) => statusHasRole(def, t.to, 'hearingBooking'));
  if (!invite) throw conflict('In deze fase van de melding kunt u niet uitnodigen voor een hoorgesprek.');
  // The slots go in first: the invitation the transition sends lists them. A refused transition
  // rolls them back with it.
  await ctx.tx
    .insertInto('hearing_slot')
    .values(
      input.slots.map((s) => ({ case_id: caseId, starts_at: s.startsAt, ends_at: s.endsAt, location: s.location, offered_at: ctx.now })),
    )
    .execute();
  // The invitation's note goes to the step's input for an internal note, whatever the definition calls it.
  const noteInput = invite.inputs.find((i) => i.target === 'note');
  if (input.note && !noteInput) throw invalid('note', 'Deze stap heeft geen notitie.');
  const result = await transitionCase(ctx, {
    caseId,
    transition: invite.key,
    expectedVersion: input.expectedVersion,
    inputs: input.note && noteInput ? { [noteInput.key]: input.note } : {},
  });
  await recordEvent(ctx, {
    type: 'hearingSlotsOffered',
    caseId,
    data: { slots: input.slots.map((s) => ({ startsAt: s.startsAt.toISOString(), location: s.location })) },
  });
  return result;
}

export async function bookHearingSlot(ctx: CommandContext, caseId: string, slotId: string) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'status', 'process_key', 'process_version'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  const slot = await ctx.tx
    .selectFrom('hearing_slot')
    .selectAll()
    .where('id', '=', slotId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!slot) throw notFound('Dit tijdstip');
  if (slot.booked_at || slot.withdrawn_at) throw conflict('Dit tijdstip is niet meer beschikbaar. Kies een ander tijdstip.');
  if (slot.starts_at <= ctx.now) throw conflict('Dit tijdstip is al voorbij. Kies een ander tijdstip.');
  if (await bookingClosed(ctx, c)) throw conflict(BOOKING_CLOSED);
  await ctx.tx.updateTable('hearing_slot').set({ booked_at: ctx.now }).where('id', '=', slotId).execute();
  await ctx.tx
    .updateTable('hearing_slot')
    .set({ withdrawn_at: ctx.now })
    .where('case_id', '=', caseId)
    .where('id', '<>', slotId)
    .where('booked_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .execute();
  await recordEvent(ctx, {
    type: 'hearingBooked',
    caseId,
    after: { startsAt: slot.starts_at.toISOString(), endsAt: slot.ends_at.toISOString(), location: slot.location },
  });
  const planned = await fireTrigger(ctx, caseId, 'hearingBooked', { facts: { hearingAt: slot.starts_at.toISOString() } });
  if (!planned) throw conflict('Er kan nu geen tijd voor het gesprek worden gekozen.');
  return planned;
}

const BOOKING_CLOSED = 'U kunt geen tijd meer kiezen. De tijd om een gesprek te plannen is voorbij.';

/**
 * A time can be chosen only while the case waits for a booking and that wait has not run out: a page
 * opened before the wait ended must not book a hearing after it (the timer may not have been swept
 * yet, or has already moved the case on).
 */
async function bookingClosed(ctx: CommandContext, c: { id: string; status: string; process_key: string; process_version: number }) {
  if (!statusHasRole(ctx.services.processes.forCase(c), c.status, 'hearingBooking')) return true;
  const due = await ctx.tx
    .selectFrom('timer')
    .select('id')
    .where('case_id', '=', c.id)
    .where('status', '=', 'pending')
    .where('timer_key', '<>', 'reminder')
    .where('fires_at', '<=', ctx.now)
    .executeTakeFirst();
  return due !== undefined;
}

export const hearingSlotsOf = (ctx: Pick<CommandContext, 'tx'>, caseId: string) =>
  ctx.tx.selectFrom('hearing_slot').selectAll().where('case_id', '=', caseId).orderBy('starts_at').execute();
