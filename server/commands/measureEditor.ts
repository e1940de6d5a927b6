import { invalid } from '../domain/errors.ts';
import type { CommandContext } from './context.ts';
import { assertOwnerOrManager, assertStatus, measureForUpdate, recordMeasureEvent, reminderDay, today } from './measureHistory.ts';

/**
 * The owner (or a quality officer) sharpens an open measure: its description or its due date (seed
 * 002 step 4: the owner notes the measure and the date it must be in place). A new due date moves
 * the reminder; the change is a history row with before and after.
 */
export async function editMeasure(ctx: CommandContext, id: string, input: { description?: string; dueDate?: string }) {
  const m = await measureForUpdate(ctx, id);
  assertOwnerOrManager(ctx, m);
  assertStatus(m, ['open'], 'Alleen een open verbetermaatregel kan nog worden gewijzigd.');
  const description = input.description?.trim();
  if (input.description !== undefined && !description) throw invalid('description', 'Beschrijf de maatregel.');
  if (input.dueDate !== undefined && input.dueDate < today(ctx))
    throw invalid('dueDate', 'De datum waarop de maatregel klaar moet zijn, ligt in het verleden.');
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  if (description && description !== m.description) {
    before.description = m.description;
    after.description = description;
  }
  if (input.dueDate && input.dueDate !== m.due_date) {
    before.dueDate = m.due_date;
    after.dueDate = input.dueDate;
  }
  if (!Object.keys(after).length) return;
  await ctx.tx
    .updateTable('improvement_measure')
    .set({
      ...(after.description ? { description: after.description } : {}),
      ...(after.dueDate ? { due_date: after.dueDate, remind_from: reminderDay(ctx, after.dueDate) } : {}),
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await recordMeasureEvent(ctx, id, 'edited', { before, after });
}
