import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CommandContext } from '../commands/context.ts';
import { caseEvent } from './cloudEvent.ts';
import { type CaseEventType, TIMELINE_EVENT_TYPES } from './eventTypes.ts';

/**
 * Records an event for every active subscription to its type, in the caller's transaction: a
 * delivery exists if and only if the change that caused it committed (the outbox pattern, as mail).
 * jobs/eventDeliverer.ts posts it. Without a subscription to the type this is one index probe.
 */
export async function publishCaseEvent(ctx: CommandContext, type: CaseEventType, caseId: string): Promise<void> {
  const subscriptions = await ctx.tx
    .selectFrom('event_subscription')
    .select('id')
    .where('active', '=', true)
    .where(sql<boolean>`event_types @> array[${type}]::text[]`)
    .execute();
  if (!subscriptions.length) return;
  const c = await ctx.tx.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirst();
  if (!c) return;
  const id = randomUUID();
  const payload = JSON.stringify(caseEvent({ id, type, publicUrl: ctx.services.publicUrl, time: ctx.now, caseId, reference: c.reference }));
  await ctx.tx
    .insertInto('event_delivery')
    .values(
      subscriptions.map((s) => ({
        subscription_id: s.id,
        event_id: id,
        event_type: type,
        case_id: caseId,
        payload,
        next_attempt_at: ctx.now,
        created_at: ctx.now,
      })),
    )
    .execute();
}

/** The timeline's hook (commands/timeline.ts): a timeline event that other systems may hear about. */
export async function publishTimelineEvent(ctx: CommandContext, timelineType: string, caseId: string | null | undefined) {
  const type = TIMELINE_EVENT_TYPES[timelineType];
  if (type && caseId) await publishCaseEvent(ctx, type, caseId);
}
