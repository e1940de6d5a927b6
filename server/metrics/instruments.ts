import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The process's own measurements (one process is one instance; Prometheus adds instances up). Kept
 * as module-level instruments so a job or the mail importer counts without being handed anything;
 * figures read from the database are per database and live in databaseGauges.ts.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'klachtflow_' });

/** Labelled by the route's pattern ("/api/v1/cases/:id"), never the URL: URLs may hold a complainant's link. */
export const httpDuration = new Histogram({
  name: 'klachtflow_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern, method and status class',
  labelNames: ['route', 'method', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const jobErrors = new Counter({
  name: 'klachtflow_job_errors_total',
  help: 'Background job runs that failed (the job runs again after its interval), by job',
  labelNames: ['job'] as const,
  registers: [processRegistry],
});

export const outboxSendFailures = new Counter({
  name: 'klachtflow_outbox_send_failures_total',
  help: 'Failed attempts to send an outbox message; outcome "retry" is tried again, "failed" was given up',
  labelNames: ['outcome'] as const,
  registers: [processRegistry],
});

export const inboundMailReceived = new Counter({
  name: 'klachtflow_inbound_mail_received_total',
  help: 'Incoming messages stored, by source (smtp, imap)',
  labelNames: ['source'] as const,
  registers: [processRegistry],
});

export const inboundMailProcessed = new Counter({
  name: 'klachtflow_inbound_mail_processed_total',
  help: 'Incoming messages processed, by outcome (linked, activity, ignored, duplicate, quarantined)',
  labelNames: ['status'] as const,
  registers: [processRegistry],
});

export const inboundMailFailures = new Counter({
  name: 'klachtflow_inbound_mail_failures_total',
  help: 'Attempts to process an incoming message that failed (retried; quarantined after the last)',
  registers: [processRegistry],
});

// Known label values start at 0, so a first failure is a change Prometheus can see (rate, increase).
for (const outcome of ['retry', 'failed']) outboxSendFailures.inc({ outcome }, 0);
for (const source of ['smtp', 'imap']) inboundMailReceived.inc({ source }, 0);
for (const status of ['linked', 'activity', 'ignored', 'duplicate', 'quarantined']) inboundMailProcessed.inc({ status }, 0);
