import { sql } from 'kysely';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { activityScope } from '../queries/scope.ts';
import { actorId, type CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import { notifyStaff } from './staffNotifications.ts';
import { assertNotComplainedAbout } from './complainedPersons.ts';
import { ACTION_LINE } from './caseTasks.ts';

/**
 * Who works on an activity: assign and reassign (dispatcher), pick up or claim (anyone with work
 * rights), release back to the team, complete, cancel. Every change is a guarded UPDATE: when the
 * activity moved on meanwhile, zero rows change and the caller gets 409.
 */
const OPEN = ['open', 'inProgress'];

export type AssignTarget = { userId?: string | null; teamId?: string | null };

async function loadForChange(ctx: CommandContext, id: string) {
  const row = await ctx.tx.selectFrom('activity').selectAll().where('id', '=', id).where(activityScope(ctx.actor)).executeTakeFirst();
  if (!row) throw notFound('Deze activiteit');
  return row;
}

export async function checkTarget(ctx: CommandContext, target: AssignTarget) {
  if (!target.userId && !target.teamId) throw invalid('userId', 'Kies een medewerker of een team.');
  if (target.userId) {
    const user = await ctx.tx
      .selectFrom('staff_user')
      .select('id')
      .where('id', '=', target.userId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!user) throw invalid('userId', 'Deze medewerker bestaat niet of is niet actief.');
  }
  if (target.teamId) {
    const team = await ctx.tx.selectFrom('team').select('id').where('id', '=', target.teamId).executeTakeFirst();
    if (!team) throw invalid('teamId', 'Dit team bestaat niet.');
    if (target.userId) {
      const member = await ctx.tx
        .selectFrom('team_member')
        .select('user_id')
        .where('team_id', '=', target.teamId)
        .where('user_id', '=', target.userId)
        .executeTakeFirst();
      if (!member) throw invalid('userId', 'Deze medewerker zit niet in het gekozen team.');
    }
  }
}

export async function assignActivity(ctx: CommandContext, id: string, target: AssignTarget & { reason?: string }) {
  const current = await loadForChange(ctx, id);
  await checkTarget(ctx, target);
  await assertNotComplainedAbout(ctx, current.case_id, target.userId ?? null);
  const reassign = current.assignee_user_id !== null && current.assignee_user_id !== (target.userId ?? null);
  if (reassign && !target.reason?.trim()) throw invalid('reason', 'Geef een reden op bij het overdragen van werk van een collega.');
  const updated = await ctx.tx
    .updateTable('activity')
    .set({
      assignee_user_id: target.userId ?? null,
      assignee_team_id: target.teamId ?? current.assignee_team_id,
      status: target.userId ? current.status : 'open',
      version: sql`version + 1`,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .where('version', '=', current.version)
    .where('status', 'in', OPEN)
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw conflict('Deze activiteit is intussen gewijzigd of afgerond. Vernieuw en probeer opnieuw.');
  await recordEvent(ctx, {
    type: reassign ? 'activityReassigned' : 'activityAssigned',
    activityId: id,
    caseId: current.case_id,
    before: { assigneeUserId: current.assignee_user_id, assigneeTeamId: current.assignee_team_id },
    after: { assigneeUserId: target.userId ?? null, assigneeTeamId: target.teamId ?? current.assignee_team_id },
    data: target.reason ? { reason: target.reason } : {},
  });
  await notifyAssignee(ctx, target.userId, [current]);
}

/** The colleague who gets work from someone else hears so; picking something up yourself is silent. */
export async function notifyAssignee(
  ctx: CommandContext,
  userId: string | null | undefined,
  activities: { id: string; subject: string; case_id: string | null }[],
) {
  if (!userId || userId === actorId(ctx.actor) || !activities.length) return;
  const [first] = activities;
  const single = activities.length === 1 && first;
  const kase =
    single && first.case_id
      ? await ctx.tx.selectFrom('cases').select('reference').where('id', '=', first.case_id).executeTakeFirst()
      : undefined;
  await notifyStaff(ctx, [userId], {
    kind: 'assignment',
    caseId: single ? first.case_id : null,
    caseReference: kase?.reference ?? null,
    message: single
      ? `${ctx.actor.name} heeft "${first.subject}" aan u toegewezen.`
      : `${ctx.actor.name} heeft ${activities.length} activiteiten aan u toegewezen.`,
    key: `${activities
      .map((a) => a.id)
      .sort()
      .join(',')}:${ctx.now.toISOString()}`,
  });
}

/** Assigns many at once in one statement; activities that are closed or out of scope are skipped. */
export async function bulkAssignActivities(ctx: CommandContext, ids: string[], target: AssignTarget) {
  await checkTarget(ctx, target);
  const unique = [...new Set(ids)];
  const before = await ctx.tx
    .selectFrom('activity')
    .select(['id', 'case_id', 'subject', 'assignee_user_id', 'assignee_team_id'])
    .where('id', 'in', unique)
    .where('status', 'in', OPEN)
    .where(activityScope(ctx.actor))
    .forUpdate()
    .execute();
  if (before.length === 0) return { assigned: [] as string[], skipped: unique };
  for (const b of before) await assertNotComplainedAbout(ctx, b.case_id, target.userId ?? null);
  await ctx.tx
    .updateTable('activity')
    .set((eb) => ({
      assignee_user_id: target.userId ?? null,
      assignee_team_id: target.teamId ? target.teamId : eb.ref('assignee_team_id'),
      status: target.userId ? eb.ref('status') : 'open',
      version: sql`version + 1`,
      updated_at: ctx.now,
    }))
    .where(
      'id',
      'in',
      before.map((b) => b.id),
    )
    .execute();
  await ctx.tx
    .insertInto('timeline_event')
    .values(
      before.map((b) => ({
        activity_id: b.id,
        case_id: b.case_id,
        occurred_at: ctx.now,
        actor_id: actorId(ctx.actor),
        actor_name: ctx.actor.name,
        type: 'activityAssigned',
        before: JSON.stringify({ assigneeUserId: b.assignee_user_id, assigneeTeamId: b.assignee_team_id }),
        after: JSON.stringify({ assigneeUserId: target.userId ?? null, assigneeTeamId: target.teamId ?? b.assignee_team_id }),
        data: JSON.stringify({ bulk: true }),
      })),
    )
    .execute();
  const assigned = before.map((b) => b.id);
  await notifyAssignee(ctx, target.userId, before);
  return { assigned, skipped: unique.filter((id) => !assigned.includes(id)) };
}

/** Take unassigned work, or claim a task from one of one's own teams. First one wins. */
export async function pickUpActivity(ctx: CommandContext, id: string) {
  const me = actorId(ctx.actor);
  if (!me) throw invalid('actor', 'Alleen een medewerker kan werk oppakken.');
  const current = await loadForChange(ctx, id);
  await assertNotComplainedAbout(ctx, current.case_id, me, null);
  const teams = ctx.actor.kind === 'staff' ? ctx.actor.teamIds : [];
  if (current.assignee_team_id && !teams.includes(current.assignee_team_id)) {
    throw conflict('Deze taak hoort bij een team waar u geen lid van bent.');
  }
  const updated = await ctx.tx
    .updateTable('activity')
    .set({ assignee_user_id: me, status: 'inProgress', version: sql`version + 1`, updated_at: ctx.now })
    .where('id', '=', id)
    .where('assignee_user_id', 'is', null)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw conflict('Iemand anders heeft deze activiteit al opgepakt, of hij is afgerond.');
  await recordEvent(ctx, {
    type: current.assignee_team_id ? 'taskClaimed' : 'activityPickedUp',
    activityId: id,
    caseId: current.case_id,
    before: { assigneeUserId: null },
    after: { assigneeUserId: me },
  });
}

/** Give a claimed task back to its team's queue. */
export async function releaseActivity(ctx: CommandContext, id: string) {
  const me = actorId(ctx.actor);
  const current = await loadForChange(ctx, id);
  if (!current.assignee_team_id) throw conflict('Alleen een teamtaak kan worden teruggegeven aan het team.');
  const updated = await ctx.tx
    .updateTable('activity')
    .set({ assignee_user_id: null, status: 'open', version: sql`version + 1`, updated_at: ctx.now })
    .where('id', '=', id)
    .where('assignee_user_id', '=', me)
    .where('status', 'in', OPEN)
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw conflict('U heeft deze taak niet (meer) op uw naam.');
  await recordEvent(ctx, {
    type: 'taskReleased',
    activityId: id,
    caseId: current.case_id,
    before: { assigneeUserId: me },
    after: { assigneeUserId: null },
  });
}

/** Start work on a task that is already on one's name (seed 004: the task's status "In uitvoering"). */
export async function startActivity(ctx: CommandContext, id: string) {
  const me = actorId(ctx.actor);
  const current = await loadForChange(ctx, id);
  if (!me || current.assignee_user_id !== me) throw conflict('Deze taak staat niet op uw naam. Pak hem eerst op.');
  const updated = await ctx.tx
    .updateTable('activity')
    .set({ status: 'inProgress', version: sql`version + 1`, updated_at: ctx.now })
    .where('id', '=', id)
    .where('assignee_user_id', '=', me)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw conflict('Deze taak is al in uitvoering of afgerond.');
  await recordEvent(ctx, {
    type: 'activityStarted',
    activityId: id,
    caseId: current.case_id,
    before: { status: current.status },
    after: { status: 'inProgress' },
    // Which task, in words, also when it is not among the case's activities the page loaded.
    data: { task: current.subject },
  });
}

/**
 * An action line is completed with a reason from its process's list (seed 004 "afhandelingsreden");
 * other activities take none.
 */
async function checkCompletionReason(ctx: CommandContext, current: { case_id: string | null; task_key: string | null }, reason?: string) {
  if (reason === undefined) return null;
  if (current.task_key !== ACTION_LINE || !current.case_id)
    throw invalid('completionReason', 'Alleen een actieregel krijgt een afhandelingsreden.');
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['process_key', 'process_version'])
    .where('id', '=', current.case_id)
    .executeTakeFirstOrThrow();
  const def = ctx.services.processes.forCase(c);
  if (!def.completionReasons.some((r) => r.value === reason))
    throw invalid('completionReason', 'Kies een afhandelingsreden uit de lijst van dit proces.');
  return reason;
}

/** Finish (done) or drop (cancelled, with a reason) an activity; an action line may say why it is done. */
export async function closeActivity(
  ctx: CommandContext,
  id: string,
  outcome: { status: 'done' | 'cancelled'; reason?: string; completionReason?: string },
) {
  const current = await loadForChange(ctx, id);
  if (outcome.status === 'cancelled' && !outcome.reason?.trim()) throw invalid('reason', 'Geef een reden op voor het annuleren.');
  const completionReason = await checkCompletionReason(ctx, current, outcome.completionReason);
  const updated = await ctx.tx
    .updateTable('activity')
    .set({
      status: outcome.status,
      completed_at: ctx.now,
      version: sql`version + 1`,
      updated_at: ctx.now,
      ...(completionReason ? { completion_reason: completionReason } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', OPEN)
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw conflict('Deze activiteit is al afgerond.');
  await recordEvent(ctx, {
    type: outcome.status === 'done' ? 'activityCompleted' : 'activityCancelled',
    activityId: id,
    caseId: current.case_id,
    before: { status: current.status },
    after: { status: outcome.status },
    data: { ...(outcome.reason ? { reason: outcome.reason } : {}), ...(completionReason ? { completionReason } : {}) },
  });
}
