import { sql, type Selectable } from 'kysely';
import type { Services } from '../commands/context.ts';
import type { EventDeliveryTable } from '../db/eventSchema.ts';
import { CLOUDEVENTS_MEDIA_TYPE } from '../events/cloudEvent.ts';
import { signatureHeaders } from '../events/signature.ts';
import type { Job } from './runner.ts';

/**
 * Posts recorded events (events/publish.ts) to their subscriptions' endpoints, one delivery per
 * claim, like the mail outbox (jobs/outboxSender.ts): an UPDATE of one row picked FOR UPDATE SKIP
 * LOCKED sets a lease and counts the attempt, so instances never post the same row at once and a
 * crashed one's row is taken again when its lease runs out. The counted `attempts` is the claim's
 * token: only the current claim records an outcome.
 *
 * At least once: a 2xx answer marks the delivery delivered; anything else (another status, a
 * timeout, a refused connection) is retried after 1, 2, 4 … minutes (at most 6 hours, ±20 %), about a
 * day in all, and then marked failed for the administrator to see and retry. A crash between the
 * receiver's 2xx and our commit posts it again: with the same `webhook-id` (the CloudEvent's id), so
 * the receiver deduplicates. Order is not guaranteed: a receiver orders by `time` or reads the case.
 * A paused subscription's deliveries wait. Redirects are not followed (a 3xx is a failure).
 */
export type DelivererOptions = { maxAttempts?: number; leaseMs?: number; batch?: number; timeoutMs?: number };

export const EVENT_MAX_ATTEMPTS = 12;
const DEFAULT_LEASE_MS = 2 * 60_000;
const DEFAULT_BATCH = 20;
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_WAIT = 6 * 3600_000;

/** The wait after the given (1-based) failed attempt: 1 min doubling, ±20 % jitter, at most 6 hours. */
export function eventBackoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(60_000 * 2 ** Math.max(0, attempt - 1), MAX_WAIT);
  return Math.min(Math.round(base * (0.8 + 0.4 * random())), MAX_WAIT);
}

type Claimed = Selectable<EventDeliveryTable>;

export async function claimNextDelivery(services: Services, leaseMs = DEFAULT_LEASE_MS): Promise<Claimed | undefined> {
  const now = services.clock.now();
  return services.db
    .updateTable('event_delivery')
    .set({ lease_until: new Date(now.getTime() + leaseMs), attempts: sql`attempts + 1` })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('event_delivery as d')
        .select('d.id')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now)
        .where((w) => w.or([w('d.lease_until', 'is', null), w('d.lease_until', '<=', now)]))
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('event_subscription as s')
              .select(sql`1`.as('one'))
              .whereRef('s.id', '=', 'd.subscription_id')
              .where('s.active', '=', true),
          ),
        )
        .orderBy('d.next_attempt_at')
        .orderBy('d.id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': `${CLOUDEVENTS_MEDIA_TYPE}; charset=utf-8`, 'user-agent': 'Klachtflow', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not read into anything: only its status counts.
    await res.body?.cancel().catch(() => {});
    return res.status >= 200 && res.status < 300
      ? { ok: true as const, status: res.status }
      : { ok: false as const, status: res.status, reason: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name ?? 'network error');
    return { ok: false as const, status: null, reason: `no answer: ${reason}` };
  }
}

async function record(services: Services, d: Claimed, outcome: Awaited<ReturnType<typeof post>>, giveUp: boolean) {
  const now = services.clock.now();
  if (outcome.ok) {
    // Guarded by status only: the receiver accepted it, a fact even if this claim's lease ran out.
    await services.db
      .updateTable('event_delivery')
      .set({ status: 'delivered', delivered_at: now, lease_until: null, last_status_code: outcome.status, last_error: null })
      .where('id', '=', d.id)
      .where('status', '=', 'pending')
      .execute();
    return;
  }
  await services.db
    .updateTable('event_delivery')
    .set({
      status: giveUp ? 'failed' : 'pending',
      lease_until: null,
      last_status_code: outcome.status,
      last_error: outcome.reason,
      next_attempt_at: giveUp ? now : new Date(now.getTime() + eventBackoffMs(d.attempts)),
    })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', d.attempts)
    .execute();
}

/** Claims and posts due deliveries until none is due or the batch is done; returns how many it handled. */
export async function deliverDueEvents(services: Services, opts: DelivererOptions = {}): Promise<number> {
  const maxAttempts = opts.maxAttempts ?? EVENT_MAX_ATTEMPTS;
  let handled = 0;
  while (handled < (opts.batch ?? DEFAULT_BATCH)) {
    const d = await claimNextDelivery(services, opts.leaseMs);
    if (!d) break;
    handled++;
    if (d.attempts > maxAttempts) {
      await record(services, d, { ok: false, status: null, reason: 'interrupted: no outcome recorded for the last attempt' }, true);
      continue;
    }
    const sub = await services.db
      .selectFrom('event_subscription')
      .select(['url', 'secret'])
      .where('id', '=', d.subscription_id)
      .executeTakeFirstOrThrow();
    const headers = signatureHeaders(sub.secret, d.event_id, services.clock.now(), d.payload);
    const outcome = await post(sub.url, d.payload, headers, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    await record(services, d, outcome, !outcome.ok && d.attempts >= maxAttempts);
  }
  return handled;
}

/** The job for runner.ts. */
export const eventDelivererJob = (opts: DelivererOptions = {}): Job => ({
  name: 'eventDeliverer',
  intervalMs: 5_000,
  run: (services) => deliverDueEvents(services, opts),
});
