import { actorId, type CommandContext } from './context.ts';

/**
 * Records that the acting staff member handled a case (registered it or took a step on it), so they
 * keep reading it once it moved on to someone else (queries/scope.ts caseReadScope). Once per person.
 */
export async function recordCaseHandler(ctx: CommandContext, caseId: string): Promise<void> {
  const userId = actorId(ctx.actor);
  if (!userId) return;
  await ctx.tx
    .insertInto('case_handler')
    .values({ user_id: userId, case_id: caseId, first_handled_at: ctx.now })
    .onConflict((oc) => oc.columns(['user_id', 'case_id']).doNothing())
    .execute();
}
