import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { ContactDetails, DB } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { normalisePhone } from '../domain/phone.ts';
import { actorId, type Actor, type CommandContext, type Services } from './context.ts';

export const CHANNELS = ['phone', 'email', 'web', 'counter', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export type RegisterActivityInput = {
  channel: Channel;
  subject: string;
  body: string;
  contact: ContactDetails;
  /** Who it lands with: the registering agent (a phone call they handle now) or a team's queue. */
  assignTo: 'self' | 'queue' | { team: string };
};

/** An incoming contact becomes an open activity in the work queue (seed 000 §4.1). */
export async function registerActivity(ctx: CommandContext, input: RegisterActivityInput): Promise<string> {
  return (await insertActivity(ctx.tx, ctx.actor, ctx.now, input, await teamOf(ctx.tx, input))).id;
}

/**
 * The same, for the intake route: the activity and its timeline event are one INSERT statement
 * (atomic on its own, so no BEGIN and COMMIT around it), answering with the row as the work queue
 * shows it. At the contact centre's peak every round trip saved is intake capacity.
 */
export async function registerActivityAlone(services: Services, actor: Actor, input: RegisterActivityInput) {
  return insertActivity(services.db, actor, services.clock.now(), input, await teamOf(services.db, input));
}

async function teamOf(db: Kysely<DB>, input: RegisterActivityInput) {
  if (typeof input.assignTo !== 'object') return null;
  // teamIdByKey's lookup, on a connection rather than a transaction.
  const team = await db.selectFrom('team').select('id').where('key', '=', input.assignTo.team).executeTakeFirst();
  if (!team) throw invalid('assignTo.team', 'Dit team bestaat niet.');
  return team.id;
}

/**
 * Activity and 'activityRegistered' event in one statement; its owners joined for the answer.
 * Written as fixed SQL text rather than built per call: at intake peaks building this query was a
 * tenth of the server's work, and an unchanging text is also what PostgreSQL caches best.
 */
const INSERT_ACTIVITY = `
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

type InsertedActivity = Selectable<DB['activity']> & {
  user_id: string | null;
  user_name: string | null;
  team_id: string | null;
  team_name: string | null;
  case_reference: string | null;
  handling_deadline: string | null;
  handling_warn_from: string | null;
  case_closed_at: Date | null;
};

async function insertActivity(
  db: Kysely<DB>,
  actor: Actor,
  now: Date,
  input: RegisterActivityInput,
  teamId: string | null,
): Promise<InsertedActivity> {
  const me = actorId(actor);
  const toSelf = input.assignTo === 'self' && me !== null;
  const contact = { ...input.contact, phone: input.contact.phone ? normalisePhone(input.contact.phone) : undefined };
  // The same event recordEvent writes (timeline.ts), with the new activity's id.
  const after = { channel: input.channel, subject: input.subject, assigneeUserId: toSelf ? me : null, assigneeTeamId: teamId };
  const params = [
    input.channel,
    toSelf ? 'inProgress' : 'open',
    input.subject,
    input.body,
    JSON.stringify(contact),
    toSelf ? me : null,
    teamId,
    now,
    me,
    actor.name,
    JSON.stringify(after),
  ];
  const result = await db.executeQuery<InsertedActivity>(CompiledQuery.raw(INSERT_ACTIVITY, params));
  return result.rows[0]!;
}
