import type { ContactDetails } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { normalisePhone } from '../domain/phone.ts';
import { actorId, type CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import { teamIdByKey } from './teams.ts';

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
export async function registerActivity(ctx: CommandContext, input: RegisterActivityInput) {
  const me = actorId(ctx.actor);
  let teamId: string | null = null;
  if (typeof input.assignTo === 'object') {
    teamId = await teamIdByKey(ctx, input.assignTo.team);
    if (!teamId) throw invalid('assignTo.team', 'Dit team bestaat niet.');
  }
  const toSelf = input.assignTo === 'self' && me !== null;
  const contact = { ...input.contact, phone: input.contact.phone ? normalisePhone(input.contact.phone) : undefined };
  const row = await ctx.tx
    .insertInto('activity')
    .values({
      kind: 'intake',
      channel: input.channel,
      status: toSelf ? 'inProgress' : 'open',
      subject: input.subject,
      body: input.body,
      contact: JSON.stringify(contact),
      assignee_user_id: toSelf ? me : null,
      assignee_team_id: teamId,
      created_at: ctx.now,
      updated_at: ctx.now,
      created_by: me,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    type: 'activityRegistered',
    activityId: row.id,
    after: { channel: input.channel, subject: input.subject, assigneeUserId: toSelf ? me : null, assigneeTeamId: teamId },
  });
  return row.id;
}
