import { sql } from 'kysely';
import { invalid } from '../domain/errors.ts';
import { caseScope } from '../queries/scope.ts';
import type { CommandContext } from './context.ts';
import { measureForUpdate, recordMeasureEvent, shortDescription } from './measureHistory.ts';
import { recordEvent } from './timeline.ts';

/**
 * A new complaint about what a measure already answers (seed 002: "per complaint, what was done
 * about it"): link it to that measure instead of recording the same measure twice. Linking twice
 * changes nothing; the measure's history and the case's timeline both say it happened.
 */
export async function linkMeasureToCase(ctx: CommandContext, measureId: string, caseId: string) {
  const m = await measureForUpdate(ctx, measureId);
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!c) throw invalid('caseId', 'Deze klacht bestaat niet of u heeft er geen toegang toe.');
  const linked = await ctx.tx
    .insertInto('improvement_measure_case')
    .values({ measure_id: m.id, case_id: c.id })
    .onConflict((oc) => oc.columns(['measure_id', 'case_id']).doNothing())
    .returning(sql<number>`1`.as('one'))
    .executeTakeFirst();
  if (!linked) return;
  await ctx.tx.updateTable('improvement_measure').set({ updated_at: ctx.now }).where('id', '=', m.id).execute();
  await recordMeasureEvent(ctx, m.id, 'caseLinked', { caseReference: c.reference });
  const owner = await ctx.tx.selectFrom('staff_user').select('name').where('id', '=', m.owner_id).executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    type: 'measureLinked',
    caseId: c.id,
    data: { measureId: m.id, description: shortDescription(m.description), ownerName: owner.name },
  });
}
