import { conflict } from '../domain/errors.ts';
import { SYSTEM_ACTOR, type CommandContext } from './context.ts';
import { fireTrigger } from '../engine/triggers.ts';
import { recordEvent } from './timeline.ts';
import { writeActivity } from './activityWriter.ts';

/**
 * The complainant answers (an information request, or just adds something): the answer becomes an
 * activity on the case for its handler, and a case waiting for information resumes by itself.
 */
export async function addComplainantMessage(ctx: CommandContext, caseId: string, input: { text: string; channel: 'web' | 'email' }) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'status', 'process_key', 'closed_at', 'assignee_user_id', 'assignee_team_id', 'case_type', 'reference'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (c.closed_at) throw conflict('Deze klacht is afgerond. Heeft u een nieuwe klacht? Dien die dan apart in.');
  const activityId = await writeActivity(ctx, {
    kind: 'intake',
    channel: input.channel,
    subject: `Reactie van klager (${c.reference})`,
    body: input.text,
    case: { id: caseId, caseType: c.case_type },
    assignee: { userId: c.assignee_user_id, teamId: c.assignee_team_id },
  });
  await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', caseId).execute();
  await recordEvent(ctx, { type: 'complainantResponded', caseId, activityId, data: { channel: input.channel } });
  await resumeIfWaiting(ctx, c);
  return activityId;
}

/** Seed 000 §4.5: information arriving ends the wait: the step the process ties to "complainant answered". */
export async function resumeIfWaiting(ctx: CommandContext, c: { id: string }) {
  await fireTrigger({ ...ctx, actor: SYSTEM_ACTOR }, c.id, 'complainantAnswered');
}
