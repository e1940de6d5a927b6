import type { Kysely } from 'kysely';
import type { ContactDetails, DB } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { phoneOrInvalid } from '../domain/phone.ts';
import { writeRegisteredActivity } from './activityWriter.ts';
import type { Actor, CommandContext, Services } from './context.ts';

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

function insertActivity(db: Kysely<DB>, actor: Actor, now: Date, input: RegisterActivityInput, teamId: string | null) {
  const contact = { ...input.contact, phone: phoneOrInvalid(input.contact.phone, 'contact.phone') ?? undefined };
  return writeRegisteredActivity(db, actor, now, {
    channel: input.channel,
    subject: input.subject,
    body: input.body,
    contact,
    toSelf: input.assignTo === 'self',
    teamId,
  });
}
