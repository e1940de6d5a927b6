import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { ContactDetails, DB } from '../db/schema.ts';
import { actorId, type Actor, type CommandContext } from './context.ts';

/**
 * The one place an activity row is written (a test keeps it so). Every way work arrives — a contact
 * registered at intake, a complaint from the portal, the complainant's answer, an e-mail, a task
 * for a case's next step — goes through `writeActivity` or, at intake, `writeRegisteredActivity`.
 */

/** A new, open activity; the caller writes its timeline event in the same transaction. */
export type NewActivity = {
  kind: 'intake' | 'task';
  channel: string;
  subject: string;
  body?: string;
  contact?: ContactDetails;
  /** The case it belongs to, with the case's type (work queues filter on it without a join). */
  case?: { id: string; caseType: string | null };
  taskKey?: string;
  assignee?: { userId: string | null; teamId: string | null };
  dueAt?: Date | null;
  /** The staff member who made it; null for the portal, mail import and other system work. */
  createdBy?: string | null;
  /** The action line of the same case this task belongs to. */
  parentId?: string | null;
};

export async function writeActivity(ctx: CommandContext, activity: NewActivity): Promise<string> {
  const row = await ctx.tx
    .insertInto('activity')
    .values({
      kind: activity.kind,
      channel: activity.channel,
      status: 'open',
      subject: activity.subject,
      body: activity.body ?? '',
      contact: JSON.stringify(activity.contact ?? {}),
      case_id: activity.case?.id ?? null,
      case_type: activity.case?.caseType ?? null,
      task_key: activity.taskKey ?? null,
      assignee_user_id: activity.assignee?.userId ?? null,
      assignee_team_id: activity.assignee?.teamId ?? null,
      due_at: activity.dueAt ?? null,
      created_at: ctx.now,
      updated_at: ctx.now,
      created_by: activity.createdBy ?? null,
      parent_id: activity.parentId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A contact registered at intake: not yet on a case, with the agent (in progress) or a queue. */
export type RegisteredActivity = {
  channel: string;
  subject: string;
  body: string;
  /** Already normalised (phone number). */
  contact: ContactDetails;
  /** The registering agent handles it now ('inProgress'), else it waits open in a queue. */
  toSelf: boolean;
  teamId: string | null;
};

/** The row as the work queue shows it, so intake answers without reading it back. */
export type WrittenActivity = Selectable<DB['activity']> & {
  user_id: string | null;
  user_name: string | null;
  team_id: string | null;
  team_name: string | null;
  case_reference: string | null;
  handling_deadline: string | null;
  handling_warn_from: string | null;
  case_closed_at: Date | null;
};

/**
 * Activity and 'activityRegistered' event in one statement; its owners joined for the answer.
 * Written as fixed SQL text rather than built per call: at intake peaks building this query was a
 * tenth of the server's work, and an unchanging text is also what PostgreSQL caches best.
 */
const INSERT_REGISTERED_ACTIVITY = `
  with a as (
    insert into activity (kind, channel, status, subject, body, contact, assignee_user_id, assignee_team_id, created_at, updated_at, created_by)
    values ('intake', $1, $2, $3, $4, $5::jsonb, $6::uuid, $7::uuid, $8, $8, $9::uuid)
    returning *
  ), e as (
    insert into timeline_event (activity_id, occurred_at, actor_id, actor_name, type, after, data)
    select a.id, $8, $9::uuid, $10, 'activityRegistered', $11::jsonb, '{}'::jsonb from a
  )
  select a.*, u.id as user_id, u.name as user_name, t.id as team_id, t.name as team_name,
    null::text as case_reference, null::date as handling_deadline, null::date as handling_warn_from, null::timestamptz as case_closed_at
  from a
  left join staff_user u on u.id = a.assignee_user_id
  left join team t on t.id = a.assignee_team_id`;

/**
 * The intake variant: the activity and its timeline event are one INSERT statement (atomic on its
 * own), on a transaction or on a bare connection, so the intake route needs no BEGIN and COMMIT.
 */
export async function writeRegisteredActivity(
  db: Kysely<DB>,
  actor: Actor,
  now: Date,
  activity: RegisteredActivity,
): Promise<WrittenActivity> {
  const me = actorId(actor);
  const toSelf = activity.toSelf && me !== null;
  // The same event recordEvent writes (timeline.ts), with the new activity's id.
  const after = {
    channel: activity.channel,
    subject: activity.subject,
    assigneeUserId: toSelf ? me : null,
    assigneeTeamId: activity.teamId,
  };
  const params = [
    activity.channel,
    toSelf ? 'inProgress' : 'open',
    activity.subject,
    activity.body,
    JSON.stringify(activity.contact),
    toSelf ? me : null,
    activity.teamId,
    now,
    me,
    actor.name,
    JSON.stringify(after),
  ];
  const result = await db.executeQuery<WrittenActivity>(CompiledQuery.raw(INSERT_REGISTERED_ACTIVITY, params));
  return result.rows[0]!;
}
