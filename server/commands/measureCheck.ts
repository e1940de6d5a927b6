import { invalid } from '../domain/errors.ts';
import type { CommandContext } from './context.ts';
import { longDate } from './caseMessages.ts';
import {
  assertStatus,
  measureForUpdate,
  recordMeasureEvent,
  recordOnCases,
  reminderDay,
  shortDescription,
  today,
} from './measureHistory.ts';
import { notifyStaff } from './staffNotifications.ts';

export type MeasureCheckInput = {
  /** How it was checked (seed 002 step 5: "de wijze van checken"). */
  method: string;
  conclusion: string;
  effective: boolean;
  /** Not effective: the owner's new due date (back to step 4). */
  newDueDate?: string | null;
};

/**
 * Seed 002 step 5: the quality officer checks whether the measure was taken and works, and records
 * how and the conclusion. Effective closes the loop; not effective sends it back to the owner with
 * a new due date, and both the check and the return are history rows.
 */
export async function checkMeasure(ctx: CommandContext, id: string, input: MeasureCheckInput) {
  const m = await measureForUpdate(ctx, id);
  assertStatus(m, ['open', 'carriedOut'], 'Deze verbetermaatregel is al als effectief afgesloten.');
  const method = input.method.trim();
  const conclusion = input.conclusion.trim();
  if (!method) throw invalid('method', 'Schrijf op hoe u het heeft gecontroleerd.');
  if (!conclusion) throw invalid('conclusion', 'Schrijf uw conclusie op.');
  const day = today(ctx);
  if (input.effective) {
    await ctx.tx
      .updateTable('improvement_measure')
      .set({ status: 'effective', carried_out_on: m.carried_out_on ?? day, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await recordMeasureEvent(ctx, id, 'checkedEffective', { method, conclusion });
    await recordOnCases(ctx, id, 'measureChecked', { effective: true });
    return;
  }
  const newDueDate = input.newDueDate;
  if (!newDueDate) throw invalid('newDueDate', 'Kies een nieuwe datum waarop de maatregel klaar moet zijn.');
  if (newDueDate <= day) throw invalid('newDueDate', 'De nieuwe datum moet na vandaag liggen.');
  await ctx.tx
    .updateTable('improvement_measure')
    .set({
      status: 'open',
      due_date: newDueDate,
      remind_from: reminderDay(ctx, newDueDate),
      carried_out_on: null,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await recordMeasureEvent(ctx, id, 'checkedNotEffective', { method, conclusion, previousDueDate: m.due_date, newDueDate });
  await recordOnCases(ctx, id, 'measureChecked', { effective: false, newDueDate });
  await notifyStaff(ctx, [m.owner_id], {
    kind: 'measureNotice',
    caseId: null,
    measureId: id,
    message: `De verbetermaatregel "${shortDescription(m.description)}" werkt nog niet: ${conclusion} Nieuwe datum: ${longDate(newDueDate)}.`,
    key: `${id}:notEffective:${newDueDate}`,
  });
}
