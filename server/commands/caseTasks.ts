import { actorId, type CommandContext } from './context.ts';
import { writeActivity } from './activityWriter.ts';
import { recordEvent } from './timeline.ts';
import { teamIdByKey } from './teams.ts';

/** The task key of an action line (seed 004): a task with a proposed date, a status and a completion reason. */
export const ACTION_LINE = 'actionLine';

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
    /** Notes for whoever does it. */
    body?: string;
    /** The action line this task is for. */
    parentId?: string;
  },
) {
  const teamId = task.team ? await teamIdByKey(ctx, task.team) : (task.assignee?.teamId ?? null);
  const userId = task.team ? null : (task.assignee?.userId ?? null);
  const c = await ctx.tx.selectFrom('cases').select(['case_type', 'reference']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const activityId = await writeActivity(ctx, {
    kind: 'task',
    channel: 'internal',
    subject: `${task.subject.nl} (${c.reference})`,
    case: { id: caseId, caseType: c.case_type },
    taskKey: task.taskKey,
    body: task.body,
    parentId: task.parentId,
    assignee: { teamId, userId },
    dueAt: task.dueAt ?? (task.dueInDays ? new Date(ctx.now.getTime() + task.dueInDays * 86_400_000) : null),
    createdBy: actorId(ctx.actor),
  });
  await recordEvent(ctx, {
    type: 'taskCreated',
    caseId,
    activityId,
    after: { taskKey: task.taskKey, assigneeTeamId: teamId, assigneeUserId: userId },
    data: task.parentId ? { actionLineId: task.parentId } : {},
  });
  return activityId;
}
