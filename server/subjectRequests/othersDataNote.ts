import { notFound } from '../domain/errors.ts';
import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { caseScope } from '../queries/scope.ts';

/**
 * Marks (or unmarks) a note as holding data of others: an access export then leaves it out (AVG
 * art. 15(4)). Anyone who may write notes on the case may mark them; the timeline records who.
 */
export async function markNoteOthersData(ctx: CommandContext, caseId: string, noteId: string, othersData: boolean) {
  const c = await ctx.tx.selectFrom('cases').select('id').where('id', '=', caseId).where(caseScope(ctx.actor)).executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  const n = await ctx.tx
    .updateTable('note')
    .set({ others_data: othersData })
    .where('id', '=', noteId)
    .where('case_id', '=', caseId)
    .returning('id')
    .executeTakeFirst();
  if (!n) throw notFound('Deze notitie');
  await recordEvent(ctx, { type: 'noteOthersDataMarked', caseId, data: { noteId, othersData } });
}
