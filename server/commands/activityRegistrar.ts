import { sql, type Kysely } from 'kysely';
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

/** Activity and 'activityRegistered' event in one statement; its owners joined for the answer. */
async function insertActivity(db: Kysely<DB>, actor: Actor, now: Date, input: RegisterActivityInput, teamId: string | null) {
  const me = actorId(actor);
  const toSelf = input.assignTo === 'self' && me !== null;
  const contact = { ...input.contact, phone: input.contact.phone ? normalisePhone(input.contact.phone) : undefined };
  // The same event recordEvent writes (timeline.ts), with the new activity's id.
  const after = { channel: input.channel, subject: input.subject, assigneeUserId: toSelf ? me : null, assigneeTeamId: teamId };
  return db
    .with('a', (q) =>
      q.insertInto('activity').values({
        kind: 'intake',
        channel: input.channel,
        status: toSelf ? 'inProgress' : 'open',
        subject: input.subject,
        body: input.body,
        contact: JSON.stringify(contact),
        assignee_user_id: toSelf ? me : null,
        assignee_team_id: teamId,
        created_at: now,
        updated_at: now,
        created_by: me,
      }).returningAll(),
    )
    .with('e', (q) =>
      q.insertInto('timeline_event')
        .columns(['activity_id', 'occurred_at', 'actor_id', 'actor_name', 'type', 'after', 'data'])
        .expression((eb) =>
          eb.selectFrom('a').select([
            'a.id',
            sql<Date>`${now}::timestamptz`.as('occurred_at'),
            sql<string | null>`${me}::uuid`.as('actor_id'),
            sql<string>`${actor.name}::text`.as('actor_name'),
            sql<string>`'activityRegistered'`.as('type'),
            sql<string>`${JSON.stringify(after)}::jsonb`.as('after'),
            sql<string>`'{}'::jsonb`.as('data'),
          ]),
        ),
    )
    .selectFrom('a')
    .leftJoin('staff_user as u', 'u.id', 'a.assignee_user_id')
    .leftJoin('team as t', 't.id', 'a.assignee_team_id')
    .selectAll('a')
    .select([
      'u.id as user_id', 'u.name as user_name', 't.id as team_id', 't.name as team_name',
      // A new intake belongs to no case yet.
      sql<string | null>`null::text`.as('case_reference'), sql<string | null>`null::date`.as('handling_deadline'),
      sql<string | null>`null::date`.as('handling_warn_from'), sql<Date | null>`null::timestamptz`.as('case_closed_at'),
    ])
    .executeTakeFirstOrThrow();
}
