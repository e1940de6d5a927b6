import { sql } from 'kysely';
import type { Services } from '../commands/context.ts';
import type { EventDeliveryStatus } from '../db/eventSchema.ts';

/** Never `secret`: it signs deliveries and is shown once, at creation. */
const COLUMNS = ['s.id', 's.name', 's.url', 's.event_types', 's.active', 's.created_at', 's.created_by_name', 's.updated_at'] as const;

const withCounts = (services: Services) =>
  services.db
    .selectFrom('event_subscription as s')
    .select(COLUMNS)
    .select((eb) => [
      eb
        .selectFrom('event_delivery as d')
        .whereRef('d.subscription_id', '=', 's.id')
        .where('d.status', '=', 'pending')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('pending'),
      eb
        .selectFrom('event_delivery as d')
        .whereRef('d.subscription_id', '=', 's.id')
        .where('d.status', '=', 'failed')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('failed'),
      eb
        .selectFrom('event_delivery as d')
        .whereRef('d.subscription_id', '=', 's.id')
        .where('d.status', '=', 'delivered')
        .select((x) => x.fn.max('d.delivered_at').as('t'))
        .as('last_delivered_at'),
    ]);

export const listEventSubscriptions = (services: Services) =>
  withCounts(services).orderBy('s.created_at', 'desc').orderBy('s.id').execute();
export const getEventSubscription = (services: Services, id: string) => withCounts(services).where('s.id', '=', id).executeTakeFirst();
export type EventSubscriptionRow = Awaited<ReturnType<typeof listEventSubscriptions>>[number];

const DELIVERY_COLUMNS = [
  'id',
  'subscription_id',
  'event_id',
  'event_type',
  'case_id',
  'status',
  'attempts',
  'next_attempt_at',
  'last_status_code',
  'last_error',
  'created_at',
  'delivered_at',
] as const;

/** A subscription's deliveries, newest first (at most `limit`), optionally only those with one status. */
export function listEventDeliveries(services: Services, subscriptionId: string, opts: { status?: EventDeliveryStatus; limit: number }) {
  let q = services.db.selectFrom('event_delivery').select(DELIVERY_COLUMNS).where('subscription_id', '=', subscriptionId);
  if (opts.status) q = q.where('status', '=', opts.status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}
export const getEventDelivery = (services: Services, id: string) =>
  services.db.selectFrom('event_delivery').select(DELIVERY_COLUMNS).where('id', '=', id).executeTakeFirst();
export type EventDeliveryRow = NonNullable<Awaited<ReturnType<typeof getEventDelivery>>>;
