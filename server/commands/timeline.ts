import type { CommandContext } from './context.ts';
import { actorId } from './context.ts';
import { zgwCaseChanged } from '../zgw/zgwOutbox.ts';
import { publishTimelineEvent } from '../events/publish.ts';

/** One immutable timeline row: who did what, when, with before → after where something changed. */
export async function recordEvent(
  ctx: CommandContext,
  event: {
    type: string;
    caseId?: string | null;
    activityId?: string | null;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await ctx.tx
    .insertInto('timeline_event')
    .values({
      case_id: event.caseId ?? null,
      activity_id: event.activityId ?? null,
      occurred_at: ctx.now,
      actor_id: actorId(ctx.actor),
      actor_name: ctx.actor.name,
      type: event.type,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
  // Some are events for other systems too (events/eventTypes.ts): recorded in this same transaction.
  await publishTimelineEvent(ctx, event.type, event.caseId);
  // The zaaksysteem hears of what changed, through the same transaction (zgw/; off unless configured).
  if (event.caseId) await zgwCaseChanged(ctx, event.caseId, event.type);
}
