import { randomUUID } from 'node:crypto';
import { invalid, notFound } from '../domain/errors.ts';
import { testEvent } from '../events/cloudEvent.ts';
import { endpointUrlProblem } from '../events/endpointUrl.ts';
import type { CaseEventType } from '../events/eventTypes.ts';
import { TEST_EVENT_TYPE } from '../events/eventTypes.ts';
import { newSigningSecret } from '../events/signature.ts';
import { actorId, type CommandContext } from './context.ts';

export type NewEventSubscription = { name: string; url: string; eventTypes: CaseEventType[] };
export type EventSubscriptionChange = Partial<NewEventSubscription> & { active?: boolean };

function checkUrl(url: string | undefined) {
  const problem = url === undefined ? null : endpointUrlProblem(url);
  if (problem) throw invalid('body.url', problem, 'url');
}

/** An administrator subscribes an endpoint; the signing secret is returned this once (and kept to sign). */
export async function createEventSubscription(ctx: CommandContext, input: NewEventSubscription) {
  checkUrl(input.url);
  const secret = newSigningSecret();
  const row = await ctx.tx
    .insertInto('event_subscription')
    .values({
      name: input.name,
      url: input.url,
      event_types: [...new Set(input.eventTypes)],
      secret,
      created_at: ctx.now,
      created_by: actorId(ctx.actor),
      created_by_name: ctx.actor.name,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, secret };
}

/** Pause or resume, rename, move or change the types. A paused subscription records nothing new; what waits, waits. */
export async function changeEventSubscription(ctx: CommandContext, id: string, change: EventSubscriptionChange) {
  checkUrl(change.url);
  const row = await ctx.tx
    .updateTable('event_subscription')
    .set({
      updated_at: ctx.now,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.url !== undefined ? { url: change.url } : {}),
      ...(change.eventTypes !== undefined ? { event_types: [...new Set(change.eventTypes)] } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
    })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('Dit abonnement');
}

/** Sends a failed delivery again, from its first attempt on. A delivered or waiting one stays as it is. */
export async function retryEventDelivery(ctx: CommandContext, id: string) {
  const row = await ctx.tx.selectFrom('event_delivery').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze aflevering');
  if (row.status !== 'failed') return;
  await ctx.tx
    .updateTable('event_delivery')
    .set({ status: 'pending', attempts: 0, next_attempt_at: ctx.now, lease_until: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .execute();
}

/** A test message to the endpoint, about no case: the administrator sees whether it arrives. */
export async function sendTestEvent(ctx: CommandContext, subscriptionId: string) {
  const sub = await ctx.tx.selectFrom('event_subscription').select('id').where('id', '=', subscriptionId).executeTakeFirst();
  if (!sub) throw notFound('Dit abonnement');
  const id = randomUUID();
  const payload = JSON.stringify(
    testEvent({ id, type: TEST_EVENT_TYPE, publicUrl: ctx.services.publicUrl, time: ctx.now, subscriptionId }),
  );
  const row = await ctx.tx
    .insertInto('event_delivery')
    .values({
      subscription_id: subscriptionId,
      event_id: id,
      event_type: TEST_EVENT_TYPE,
      case_id: null,
      payload,
      next_attempt_at: ctx.now,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
