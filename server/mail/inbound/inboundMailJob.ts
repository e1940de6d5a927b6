import { sql } from 'kysely';
import type { Services } from '../../commands/context.ts';
import type { Job } from '../../jobs/runner.ts';
import { inboundMailFailures, inboundMailProcessed } from '../../metrics/instruments.ts';
import { processInboundMessage, type InboundOptions } from './processor.ts';

/**
 * Processes stored mail. Claiming sets a lease in its own short transaction (FOR UPDATE SKIP LOCKED,
 * so instances never take the same row); processing re-locks the row and checks it is still
 * 'stored'. A message that makes processing fail (a bug, not bad content: bad content is quarantined)
 * is retried after its lease, and quarantined after MAX_ATTEMPTS so it cannot block the rest.
 */
const LEASE_MS = 2 * 60_000;
const BATCH = 20;
export const MAX_ATTEMPTS = 5;

export async function claimStoredMessages(services: Services, limit = BATCH): Promise<{ id: string; attempts: number }[]> {
  const now = services.clock.now();
  return services.db
    .updateTable('inbound_message')
    .set({ lease_until: new Date(now.getTime() + LEASE_MS), attempts: sql`attempts + 1` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('inbound_message')
        .select('id')
        .where('status', '=', 'stored')
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
        .orderBy('received_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'attempts'])
    .execute();
}

export async function sweepInboundMail(services: Services, options: InboundOptions = {}): Promise<number> {
  const claimed = await claimStoredMessages(services);
  for (const { id, attempts } of claimed) {
    try {
      const outcome = await processInboundMessage(services, id, options);
      if (outcome) inboundMailProcessed.inc({ status: outcome.status });
    } catch (err) {
      inboundMailFailures.inc();
      const message = String((err as Error).message).slice(0, 500);
      const giveUp = attempts >= MAX_ATTEMPTS;
      await services.db
        .updateTable('inbound_message')
        .set(
          giveUp
            ? {
                status: 'quarantined',
                reason: `processing failed ${attempts} times: ${message}`.slice(0, 500),
                last_error: message,
                processed_at: services.clock.now(),
                lease_until: null,
              }
            : { last_error: message },
        )
        .where('id', '=', id)
        .where('status', '=', 'stored')
        .execute();
      if (giveUp) inboundMailProcessed.inc({ status: 'quarantined' });
    }
  }
  await forgetOldCounters(services);
  return claimed.length;
}

/** Sender counters only matter for their window; a day later they are noise. */
async function forgetOldCounters(services: Services) {
  const before = new Date(services.clock.now().getTime() - 24 * 3600_000);
  await services.db.deleteFrom('mail_sender_counter').where('window_start', '<', before).execute();
}

/** The job the runner schedules; pass the hook that resumes a case waiting for information. */
export function createInboundMailJob(options: InboundOptions = {}, intervalMs = 10_000): Job {
  return { name: 'inboundMail', intervalMs, run: (services) => sweepInboundMail(services, options) };
}

export const inboundMailJob: Job = createInboundMailJob();
