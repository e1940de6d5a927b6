import { actorId, type CommandContext } from '../commands/context.ts';

/**
 * One row in a request's history: who did what, when. `data` names fields and counts, never the
 * personal data itself (the request is about someone; its history must not become a second copy).
 */
export async function recordRequestEvent(ctx: CommandContext, requestId: string, type: string, data: Record<string, unknown> = {}) {
  await ctx.tx
    .insertInto('subject_request_event')
    .values({
      request_id: requestId,
      occurred_at: ctx.now,
      actor_id: actorId(ctx.actor),
      actor_name: ctx.actor.name,
      type,
      data: JSON.stringify(data),
    })
    .execute();
}
