import { invalid } from '../domain/errors.ts';
import type { CommandContext } from './context.ts';
import { longDate } from './caseMessages.ts';
import {
  assertOwnerOrManager,
  assertStatus,
  measureForUpdate,
  ownerTeamMembers,
  recordMeasureEvent,
  shortDescription,
  today,
} from './measureHistory.ts';
import { notifyStaff } from './staffNotifications.ts';

/**
 * Seed 002 step 4: the owner has put the measure in place and sees to it that the team knows. It
 * now waits for the quality officer's check (step 5).
 */
export async function markMeasureCarriedOut(ctx: CommandContext, id: string, input: { carriedOutOn: string; note?: string | null }) {
  const m = await measureForUpdate(ctx, id);
  assertOwnerOrManager(ctx, m);
  assertStatus(m, ['open'], 'Deze verbetermaatregel is al uitgevoerd of gecontroleerd.');
  if (input.carriedOutOn > today(ctx)) throw invalid('carriedOutOn', 'De datum van uitvoering ligt in de toekomst.');
  await ctx.tx
    .updateTable('improvement_measure')
    .set({ status: 'carriedOut', carried_out_on: input.carriedOutOn, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await recordMeasureEvent(ctx, id, 'carriedOut', { carriedOutOn: input.carriedOutOn, note: input.note?.trim() || null });
  await notifyStaff(ctx, await ownerTeamMembers(ctx, m.owner_id), {
    kind: 'measureNotice',
    caseId: null,
    measureId: id,
    message: `De verbetermaatregel "${shortDescription(m.description)}" is ingevoerd op ${longDate(input.carriedOutOn)}.`,
    key: `${id}:carriedOut:${input.carriedOutOn}`,
  });
}
