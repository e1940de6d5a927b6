import { Gauge, Registry } from 'prom-client';
import type { Services } from '../commands/context.ts';
import { FAILED_WINDOW_MS, type OperationsFigures, operationsFigures } from '../queries/operations.ts';
import { processRegistry } from './instruments.ts';

/** Scrapes closer together than this share one reading: several Prometheus servers cost one. */
const CACHE_MS = 5_000;

/**
 * The figures that come from the database, read when Prometheus scrapes (not on a timer, so an idle
 * installation runs no queries), at most once per CACHE_MS. Every instance reports the same
 * database-wide values: aggregate them with max(), not sum(). A database that does not answer gives
 * klachtflow_database_up 0 and leaves the other figures out, instead of failing the whole scrape.
 */
export function metricsFor(services: Services): Registry {
  const registry = new Registry();
  let cached: { at: number; figures: Promise<OperationsFigures | null> } | undefined;
  // The cache runs on the process's own time: it measures scrapes, not case time.
  const read = () => {
    const at = performance.now();
    if (!cached || at - cached.at > CACHE_MS) cached = { at, figures: operationsFigures(services).catch(() => null) };
    return cached.figures;
  };
  const secondsSince = (d: Date | null) => (d ? Math.max(0, (services.clock.now().getTime() - d.getTime()) / 1000) : 0);
  const gauge = (name: string, help: string, set: (g: Gauge<string>, f: OperationsFigures) => void, labelNames: string[] = []) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        const f = await read();
        if (f) set(this, f);
      },
    });

  new Gauge({
    name: 'klachtflow_database_up',
    help: 'Whether the database answered the last reading of the figures below (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });
  gauge(
    'klachtflow_queue_open_activities',
    'Open activities (open or in progress) per team; team="" is work without a team',
    (g, f) => {
      for (const q of f.openActivities) g.set({ team: q.team ?? '' }, q.count);
    },
    ['team'],
  );
  gauge('klachtflow_outbox_pending_messages', 'Outgoing mail not yet sent (the backlog)', (g, f) => g.set(f.outbox.pending));
  gauge('klachtflow_outbox_retrying_messages', 'Pending outgoing mail that failed at least once', (g, f) => g.set(f.outbox.retrying));
  gauge('klachtflow_outbox_oldest_due_seconds', 'How long the longest-due pending message has been due (0: none overdue)', (g, f) =>
    g.set(secondsSince(f.outbox.oldestDueAt)),
  );
  gauge(
    'klachtflow_outbox_failed_messages_recent',
    `Outgoing mail given up on, among messages created in the last ${FAILED_WINDOW_MS / 3600_000} hours`,
    (g, f) => g.set(f.outbox.failedRecently),
  );
  gauge('klachtflow_timer_lag_seconds', 'How long the oldest due, unfired timer has been due (0: none overdue)', (g, f) =>
    g.set(secondsSince(f.timers.oldestDueAt)),
  );
  gauge('klachtflow_inbound_mail_waiting_messages', 'Incoming mail stored and not yet processed', (g, f) => g.set(f.inbound.waiting));
  gauge('klachtflow_inbound_mail_oldest_waiting_seconds', 'Age of the oldest incoming message not yet processed', (g, f) =>
    g.set(secondsSince(f.inbound.oldestWaitingAt)),
  );
  return Registry.merge([processRegistry, registry]);
}
