import { actorId, type CommandContext } from '../commands/context.ts';
import type { RetentionEventType } from '../db/retentionSchema.ts';

/** Every retention step is a row (append-only by trigger): proposal, hold, approval, destruction, quarantine. */
export async function recordRetentionEvent(
  ctx: CommandContext,
  type: RetentionEventType,
  e: { listId?: string | null; caseId?: string | null; data?: Record<string, unknown> } = {},
) {
  await ctx.tx
    .insertInto('retention_event')
    .values({
      occurred_at: ctx.now,
      actor_id: actorId(ctx.actor),
      actor_name: ctx.actor.name,
      type,
      list_id: e.listId ?? null,
      case_id: e.caseId ?? null,
      data: JSON.stringify(e.data ?? {}),
    })
    .execute();
}
