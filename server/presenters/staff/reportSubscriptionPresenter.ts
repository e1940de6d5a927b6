import { z } from 'zod';
import type { ReportSubscriptionRow } from '../../commands/reportSubscriptions.ts';
import { PAUSE_REASONS, SUBSCRIPTION_FREQUENCIES, SUBSCRIPTION_REPORTS } from '../../db/reportSubscriptionSchema.ts';
import { DIMENSIONS } from './dashboard.ts';

/** The filter's keys in the dashboard query's order (jsonb keeps its own), so a filter is always the same link. */
const FILTER_ORDER = ['granularity', 'processKey', ...DIMENSIONS, 'externalBody'];
const rank = (k: string) => (FILTER_ORDER.includes(k) ? FILTER_ORDER.indexOf(k) : FILTER_ORDER.length);
const ordered = (filter: Record<string, string>) =>
  Object.fromEntries(Object.entries(filter).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));

/** A scheduled report mail as its owner sees it. `query`: the filter as the /analyse URL's query string. */
export const reportSubscriptionOut = z.object({
  id: z.uuid(),
  report: z.enum(SUBSCRIPTION_REPORTS),
  filter: z.record(z.string(), z.string()),
  query: z.string(),
  frequency: z.enum(SUBSCRIPTION_FREQUENCIES),
  language: z.enum(['nl', 'en']),
  /** The day the next mail is due (not while paused). */
  nextRunOn: z.iso.date(),
  lastSentAt: z.iso.datetime().nullable(),
  /** The first day of the period the last mail covered. */
  lastPeriodFrom: z.iso.date().nullable(),
  paused: z.boolean(),
  /** byUser, or the mailer's: noPermission (analysis:read gone), inactive, invalidFilter. */
  pausedReason: z.enum(PAUSE_REASONS).nullable(),
  createdAt: z.iso.datetime(),
});
export const reportSubscriptionsOut = z.object({ items: z.array(reportSubscriptionOut) });

export function presentReportSubscription(r: ReportSubscriptionRow): z.infer<typeof reportSubscriptionOut> {
  const filter = ordered(r.filter);
  return {
    id: r.id,
    report: r.report,
    filter,
    query: new URLSearchParams(filter).toString(),
    frequency: r.frequency,
    language: r.language,
    nextRunOn: r.next_run_on,
    lastSentAt: r.last_sent_at?.toISOString() ?? null,
    lastPeriodFrom: r.last_period_from,
    paused: r.paused_at !== null,
    pausedReason: r.paused_reason as z.infer<typeof reportSubscriptionOut>['pausedReason'],
    createdAt: r.created_at.toISOString(),
  };
}
