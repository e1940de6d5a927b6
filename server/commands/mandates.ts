import type { MandateTable } from '../db/schema.ts';
import { toCivilDate } from '../domain/calendar/civilDate.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { caseScope } from '../queries/scope.ts';
import { actorId, type CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * Seed 003: a representative's mandate (machtiging) is recorded once and reused, so a family carer
 * need not bring the person she speaks for to every contact. A mandate holds between two person
 * records; it is valid from its first day through its last (if any) until a coordinator revokes it.
 */
export type MandateInput = {
  verification: MandateTable['verification'];
  validFrom: string;
  validUntil?: string | null;
};

/** The valid mandate covering complaints between these two persons today, if any (index mandate_pair). */
export async function findValidMandate(ctx: CommandContext, representedId: string, representativeId: string) {
  const today = toCivilDate(ctx.now);
  return ctx.tx
    .selectFrom('mandate')
    .selectAll()
    .where('represented_id', '=', representedId)
    .where('representative_id', '=', representativeId)
    .where('revoked_at', 'is', null)
    .where('scope', '=', 'complaints')
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
    .orderBy('valid_from', 'asc')
    .executeTakeFirst();
}

/** Record a mandate once; the field names in errors are those of the caller's form (prefix). */
export async function recordMandate(
  ctx: CommandContext,
  input: MandateInput & { representedId: string; representativeId: string },
  field = 'mandate',
) {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (input.representedId === input.representativeId)
    throw invalid(at('representativeId'), 'Iemand kan geen machtiging voor zichzelf hebben.');
  if (input.validUntil && input.validUntil < input.validFrom) throw invalid(at('validUntil'), 'De einddatum ligt voor de begindatum.');
  const persons = await ctx.tx
    .selectFrom('person')
    .select(['id', 'merged_into_id'])
    .where('id', 'in', [input.representedId, input.representativeId])
    .execute();
  for (const [id, name] of [
    [input.representedId, 'representedId'],
    [input.representativeId, 'representativeId'],
  ] as const) {
    const p = persons.find((r) => r.id === id);
    if (!p || p.merged_into_id) throw invalid(at(name), 'Deze persoon bestaat niet.');
  }
  return ctx.tx
    .insertInto('mandate')
    .values({
      represented_id: input.representedId,
      representative_id: input.representativeId,
      scope: 'complaints',
      verification: input.verification,
      valid_from: input.validFrom,
      valid_until: input.validUntil ?? null,
      recorded_at: ctx.now,
      recorded_by: actorId(ctx.actor),
      recorded_by_name: ctx.actor.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * At intake: the case relies on the valid mandate between its complainant and representative when one
 * is known (not asked again); otherwise on the one staff record now, if they did.
 */
export async function mandateForCase(
  ctx: CommandContext,
  representedId: string,
  representativeId: string,
  newMandate: MandateInput | undefined,
  field = 'representative.mandate',
) {
  const known = await findValidMandate(ctx, representedId, representativeId);
  if (known) return { mandate: known, reused: true };
  if (!newMandate) return { mandate: null, reused: false };
  const mandate = await recordMandate(ctx, { ...newMandate, representedId, representativeId }, field);
  return { mandate, reused: false };
}

/**
 * On the case page: staff checked the mandate of a case's representative (a portal complaint for someone
 * else, or an intake without one). A valid known mandate is linked instead of recording a second one.
 */
export async function recordCaseMandate(ctx: CommandContext, caseId: string, input: MandateInput) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'complainant_id', 'representative_id', 'mandate_id'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  if (!c.representative_id) throw invalid('caseId', 'Deze melding heeft geen vertegenwoordiger.');
  const { mandate, reused } = await mandateForCase(ctx, c.complainant_id, c.representative_id, input, '');
  await ctx.tx
    .updateTable('cases')
    .set({ mandate_id: mandate!.id, mandate_check_pending: false, updated_at: ctx.now })
    .where('id', '=', caseId)
    .execute();
  await recordEvent(ctx, { type: 'mandateLinked', caseId, data: { mandateId: mandate!.id, reused } });
  return { mandate: mandate!, reused };
}

/**
 * A coordinator revokes a mandate: later intakes no longer find it; cases that relied on it keep the
 * link, and their timelines say it was revoked (whoever handles one must check the representative again).
 */
export async function revokeMandate(ctx: CommandContext, mandateId: string) {
  const row = await ctx.tx.selectFrom('mandate').select(['id', 'revoked_at']).where('id', '=', mandateId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Deze machtiging');
  if (row.revoked_at) throw conflict('Deze machtiging is al ingetrokken.');
  const revoked = await ctx.tx
    .updateTable('mandate')
    .set({ revoked_at: ctx.now, revoked_by: actorId(ctx.actor), revoked_by_name: ctx.actor.name })
    .where('id', '=', mandateId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const cases = await ctx.tx.selectFrom('cases').select('id').where('mandate_id', '=', mandateId).execute();
  for (const c of cases) await recordEvent(ctx, { type: 'mandateRevoked', caseId: c.id, data: { mandateId } });
  return revoked;
}

/** Merge support: re-point one person's mandate rows to another, returning exactly the ids moved. */
export async function moveMandates(ctx: CommandContext, from: string, to: string) {
  const represented = await ctx.tx
    .updateTable('mandate')
    .set({ represented_id: to })
    .where('represented_id', '=', from)
    // A mandate between the two merged persons would become one for oneself: it stays where it is.
    .where('representative_id', '<>', to)
    .returning('id')
    .execute();
  const representative = await ctx.tx
    .updateTable('mandate')
    .set({ representative_id: to })
    .where('representative_id', '=', from)
    .where('represented_id', '<>', to)
    .returning('id')
    .execute();
  return { representedMandates: represented.map((r) => r.id), representativeMandates: representative.map((r) => r.id) };
}

/** Undo support: exactly the moved rows go back. */
export async function moveMandatesBack(
  ctx: CommandContext,
  moved: { representedMandates?: string[]; representativeMandates?: string[] },
  survivorId: string,
  duplicateId: string,
) {
  if (moved.representedMandates?.length)
    await ctx.tx
      .updateTable('mandate')
      .set({ represented_id: duplicateId })
      .where('id', 'in', moved.representedMandates)
      .where('represented_id', '=', survivorId)
      .execute();
  if (moved.representativeMandates?.length)
    await ctx.tx
      .updateTable('mandate')
      .set({ representative_id: duplicateId })
      .where('id', 'in', moved.representativeMandates)
      .where('representative_id', '=', survivorId)
      .execute();
}
