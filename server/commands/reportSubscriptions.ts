import { sql } from 'kysely';
import type { SubscriptionFrequency, SubscriptionReport } from '../db/reportSubscriptionSchema.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { nextRunAfter } from '../domain/reportPeriods.ts';
import type { CommandContext, Services, StaffActor } from './context.ts';

/**
 * Scheduled report mail (issue 12 point 2): a staff member subscribes to a report with its filter
 * and a frequency, and gets its figures by e-mail (jobs/reportMailer.ts). Like saved filters, a
 * subscription is the person's own setting, not case data: every statement is bound to the acting
 * user, so nobody reads, pauses or stops another person's mail. No timeline event.
 */
export const MAX_SUBSCRIPTIONS = 20;

export type ReportSubscriptionRow = {
  id: string;
  report: SubscriptionReport;
  filter: Record<string, string>;
  frequency: SubscriptionFrequency;
  language: 'nl' | 'en';
  next_run_on: string;
  last_sent_at: Date | null;
  last_period_from: string | null;
  paused_at: Date | null;
  paused_reason: string | null;
  created_at: Date;
};
const COLUMNS = [
  'id',
  'report',
  'filter',
  'frequency',
  'language',
  'next_run_on',
  'last_sent_at',
  'last_period_from',
  'paused_at',
  'paused_reason',
  'created_at',
] as const;

type Mine = CommandContext & { actor: StaffActor };

/** The report's filter: string values only (the dashboard's query without its period); a process must exist. */
function checkFilter(services: Services, filter: Record<string, string>) {
  if (filter.processKey !== undefined && !services.processes.get(filter.processKey)) {
    throw invalid('body.filter.processKey', 'Dit proces bestaat niet.', 'unknownProcess');
  }
}

export async function subscribeToReport(
  ctx: Mine,
  input: { report: SubscriptionReport; filter: Record<string, string>; frequency: SubscriptionFrequency; language: 'nl' | 'en' },
): Promise<ReportSubscriptionRow> {
  if (!ctx.services.org.staffMail.reportMail) throw conflict('Deze organisatie verstuurt geen overzichten per e-mail.');
  checkFilter(ctx.services, input.filter);
  // The user's row is the lock: two subscribes at once cannot both pass the limit.
  await ctx.tx.selectFrom('staff_user').select('id').where('id', '=', ctx.actor.id).forUpdate().executeTakeFirstOrThrow();
  const { n } = await ctx.tx
    .selectFrom('report_subscription')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirstOrThrow();
  if (Number(n) >= MAX_SUBSCRIPTIONS) throw conflict(`U krijgt al ${MAX_SUBSCRIPTIONS} overzichten per e-mail. Stop er eerst een.`);
  const today = ctx.services.calendar.toDate(ctx.now);
  return ctx.tx
    .insertInto('report_subscription')
    .values({
      user_id: ctx.actor.id,
      report: input.report,
      filter: JSON.stringify(input.filter),
      frequency: input.frequency,
      language: input.language,
      // The first mail covers the period that runs now, on the first day of the next.
      next_run_on: nextRunAfter(input.frequency, today),
      created_at: ctx.now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Stops the mail: the subscription is gone. */
export async function deleteReportSubscription(ctx: Mine, id: string): Promise<void> {
  const result = await ctx.tx.deleteFrom('report_subscription').where('id', '=', id).where('user_id', '=', ctx.actor.id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound('Dit overzicht per e-mail');
}

/** Pauses one's own subscription; pausing a paused one changes nothing. */
export async function pauseReportSubscription(ctx: Mine, id: string): Promise<ReportSubscriptionRow> {
  await ctx.tx
    .updateTable('report_subscription')
    .set({ paused_at: ctx.now, paused_reason: 'byUser', claimed_until: null })
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.id)
    .where('paused_at', 'is', null)
    .execute();
  return mine(ctx, id);
}

/**
 * Resumes one's own subscription, whatever paused it (the user, or the mailer when the permission
 * was gone: whoever resumes has it again, the route checks). The next mail comes on the first day
 * of the next period, never at once for a period that passed while it was paused.
 */
export async function resumeReportSubscription(ctx: Mine, id: string): Promise<ReportSubscriptionRow> {
  const row = await mine(ctx, id);
  if (!row.paused_at) return row;
  checkFilter(ctx.services, row.filter);
  const today = ctx.services.calendar.toDate(ctx.now);
  await ctx.tx
    .updateTable('report_subscription')
    .set({
      paused_at: null,
      paused_reason: null,
      next_run_on: sql<string>`greatest(next_run_on, ${nextRunAfter(row.frequency, today)}::date)`,
    })
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.id)
    .execute();
  return mine(ctx, id);
}

async function mine(ctx: Mine, id: string): Promise<ReportSubscriptionRow> {
  const row = await ctx.tx
    .selectFrom('report_subscription')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirst();
  if (!row) throw notFound('Dit overzicht per e-mail');
  return row;
}

export function listReportSubscriptions(services: Services, actor: StaffActor): Promise<ReportSubscriptionRow[]> {
  return services.db
    .selectFrom('report_subscription')
    .select(COLUMNS)
    .where('user_id', '=', actor.id)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_SUBSCRIPTIONS)
    .execute();
}
