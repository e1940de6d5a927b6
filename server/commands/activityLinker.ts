import { conflict, notFound } from '../domain/errors.ts';
import { activityScope, caseScope } from '../queries/scope.ts';
import { attachActivity } from './caseRegistrar.ts';
import type { CommandContext } from './context.ts';

/** Link an activity to an existing case (seed 000 §4.2 "Koppelen aan bestaande melding"). */
export async function linkActivityToCase(ctx: CommandContext, activityId: string, caseId: string) {
  const activity = await ctx.tx
    .selectFrom('activity')
    .select(['id', 'version', 'case_id'])
    .where('id', '=', activityId)
    .where(activityScope(ctx.actor))
    .executeTakeFirst();
  if (!activity) throw notFound('Deze activiteit');
  if (activity.case_id) throw conflict('Deze activiteit is al aan een melding gekoppeld.');
  const target = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'case_type'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!target) throw notFound('Deze melding');
  await attachActivity(ctx, activity, target.id, target.case_type);
}
