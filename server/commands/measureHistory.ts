import type { ImprovementMeasureTable } from '../db/measureSchema.ts';
import type { Selectable } from 'kysely';
import { conflict, forbidden, notFound } from '../domain/errors.ts';
import { measureScope } from '../queries/measureScope.ts';
import { actorId, type CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * What the measure commands share: the history row of each step (the loop is recorded), the
 * reminder day before a due date, and loading a measure the actor may act on.
 */
export type MeasureRow = Selectable<ImprovementMeasureTable>;

export async function recordMeasureEvent(ctx: CommandContext, measureId: string, type: string, data: Record<string, unknown> = {}) {
  await ctx.tx
    .insertInto('improvement_measure_event')
    .values({
      measure_id: measureId,
      occurred_at: ctx.now,
      actor_id: actorId(ctx.actor),
      actor_name: ctx.actor.name,
      type,
      data: JSON.stringify(data),
    })
    .execute();
}

/** The owner is reminded this many working days (organisation config) before the due date. */
export const reminderDay = (ctx: CommandContext, dueDate: string) =>
  ctx.services.calendar.addWorkingDays(dueDate, -ctx.services.org.measures.reminderLeadWorkingDays);

export const today = (ctx: CommandContext) => ctx.services.calendar.toDate(ctx.now);

/** The measure, locked for this step, if the actor may read it; 404 otherwise (as if it did not exist). */
export async function measureForUpdate(ctx: CommandContext, id: string): Promise<MeasureRow> {
  const m = await ctx.tx
    .selectFrom('improvement_measure')
    .selectAll()
    .where('id', '=', id)
    .where(measureScope(ctx.actor))
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw notFound('Deze verbetermaatregel');
  return m;
}

/** The owner updates their own measure; anyone else needs measure:manage. */
export function assertOwnerOrManager(ctx: CommandContext, m: MeasureRow) {
  if (ctx.actor.kind === 'system') return;
  if ((ctx.actor.kind === 'staff' && m.owner_id === ctx.actor.id) || ctx.actor.permissions.has('measure:manage')) return;
  throw forbidden('Alleen de eigenaar of een kwaliteitsmedewerker mag deze verbetermaatregel bijwerken.');
}

export function assertStatus(m: MeasureRow, allowed: MeasureRow['status'][], detail: string) {
  if (!allowed.includes(m.status)) throw conflict(detail);
}

/** The linked cases' timelines say what was done about them, in the same transaction. */
export async function recordOnCases(
  ctx: CommandContext,
  measureId: string,
  type: 'measureLinked' | 'measureChecked',
  data: Record<string, unknown>,
) {
  const links = await ctx.tx.selectFrom('improvement_measure_case').select('case_id').where('measure_id', '=', measureId).execute();
  for (const l of links) {
    if (type === 'measureLinked') await recordEvent(ctx, { type: 'measureLinked', caseId: l.case_id, data: { measureId, ...data } });
    else await recordEvent(ctx, { type: 'measureChecked', caseId: l.case_id, data: { measureId, ...data } });
  }
}

/** The active colleagues in the owner's teams (not the owner): "the team is informed". */
export async function ownerTeamMembers(ctx: CommandContext, ownerId: string): Promise<string[]> {
  const rows = await ctx.tx
    .selectFrom('team_member as mine')
    .innerJoin('team_member as other', 'other.team_id', 'mine.team_id')
    .innerJoin('staff_user as u', 'u.id', 'other.user_id')
    .select('other.user_id')
    .distinct()
    .where('mine.user_id', '=', ownerId)
    .where('other.user_id', '<>', ownerId)
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => r.user_id);
}

/** A measure named in a notice: its first words, so a notice stays one line. */
export const shortDescription = (text: string) => (text.length > 80 ? `${text.slice(0, 77).trimEnd()}…` : text);
