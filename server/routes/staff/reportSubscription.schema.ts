import { z } from 'zod';
import { SUBSCRIPTION_FREQUENCIES } from '../../db/reportSubscriptionSchema.ts';
import { dashboardQuery } from './analysis.schema.ts';

/**
 * Request schemas of the scheduled report mail. The filter is the dashboard's own query schema (the
 * /analyse URL's query as the app has it: granularity, process, fact filters), so a subscription
 * filters exactly as the page does; its period is dropped, the frequency sets it.
 */
export const reportSubscriptionBody = z.object({
  /** The dashboard with its filter, or the periodic analysis (its figures, over the frequency's period; no filter). */
  report: z.enum(['dashboard', 'periodic']).default('dashboard'),
  frequency: z.enum(SUBSCRIPTION_FREQUENCIES, 'Kies elke week, elke maand of elk kwartaal.'),
  filter: dashboardQuery
    .default({ granularity: 'month' })
    .meta({ 'x-kf-rule': 'Het filter van het dashboard, met diens regels; processKey noemt een proces dat bestaat; anders 400.' }),
  /** The language the mail is written in: the one the subscriber uses the app in. */
  language: z.enum(['nl', 'en']).default('nl'),
});
export type ReportSubscriptionBody = z.output<typeof reportSubscriptionBody>;

/** The stored filter: the dashboard query's string values without its period. */
export function storedFilter(filter: ReportSubscriptionBody['filter']): Record<string, string> {
  const { from: _from, to: _to, ...rest } = filter;
  const values = rest as Record<string, unknown>;
  // In the schema's order, whatever order the query had: one filter, one link.
  return Object.fromEntries(
    Object.keys(dashboardQuery.shape)
      .filter((k) => typeof values[k] === 'string')
      .map((k) => [k, values[k] as string]),
  );
}
