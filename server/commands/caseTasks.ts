import { actorId, type CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import { teamIdByKey } from './teams.ts';

/** A task for the next step of a case, in a team's queue (seed 000: "Nieuwe activiteit aanmaken voor …"). */
export async function createCaseTask(
  ctx: CommandContext,
  caseId: string,
  task: {
    taskKey: string;
    subject: { nl: string };
    team?: string;
    dueInDays?: number;
    dueAt?: Date;
    assignee?: { teamId: string | null; userId: string | null };
  },
) {
  const teamId = task.team ? await teamIdByKey(ctx, task.team) : (task.assignee?.teamId ?? null);
  const userId = task.team ? null : (task.assignee?.userId ?? null);
  const c = await ctx.tx.selectFrom('cases').select(['case_type', 'reference']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const row = await ctx.tx
    .insertInto('activity')
    .values({
      kind: 'task',
      channel: 'internal',
      status: 'open',
      subject: `${task.subject.nl} (${c.reference})`,
      contact: '{}',
      case_id: caseId,
      case_type: c.case_type,
      task_key: task.taskKey,
      assignee_team_id: teamId,
      assignee_user_id: userId,
      due_at: task.dueAt ?? (task.dueInDays ? new Date(ctx.now.getTime() + task.dueInDays * 86_400_000) : null),
      created_at: ctx.now,
      updated_at: ctx.now,
      created_by: actorId(ctx.actor),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    type: 'taskCreated',
    caseId,
    activityId: row.id,
    after: { taskKey: task.taskKey, assigneeTeamId: teamId, assigneeUserId: userId },
  });
  return row.id;
}
