import { dashboardFigures, type DashboardFilter } from '../analysis/dashboard.ts';
import { readReportFigures } from '../analysis/reports/reportFigures.ts';
import { runCommand, SYSTEM_ACTOR, type Services, type StaffActor } from '../commands/context.ts';
import type { PauseReason, SubscriptionFrequency } from '../db/reportSubscriptionSchema.ts';
import { addDays } from '../domain/calendar/civilDate.ts';
import { lastCompletePeriod, nextRunAfter, type ReportPeriod } from '../domain/reportPeriods.ts';
import { isRole } from '../domain/roles.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import { mailFiguresOfReport, type PeriodicMailFigures, type ReportMailFigures, reportMailVars } from '../mail/reportMail.ts';
import { permissionsFor } from '../policies/permissions.ts';
import { dashboardQuery } from '../routes/staff/analysis.schema.ts';
import type { Job } from './runner.ts';

/**
 * Scheduled report mail (issue 12 point 2): the dashboard with a filter, or the periodic analysis
 * (analysis/reports), by e-mail. A due subscription (next_run_on today or earlier) is
 * claimed with SKIP LOCKED and a lease, like the outbox: several instances never take the same row,
 * and a row whose worker crashed is taken again when its lease runs out. Its figures are the
 * dashboard's (analysis/dashboard.ts, never counted here) for the last complete period, computed as
 * the subscriber at send time: their permissions and read scope now. Who no longer has
 * `analysis:read`, or was deactivated, gets nothing and the subscription is paused with the reason.
 * The mail is written into the outbox in the transaction that moves next_run_on on, compare-and-set
 * on the claimed next_run_on, and under an idempotency key per period: one mail per period, also
 * when two instances or a restart get to the same row.
 */
const BATCH = 10;
/** Long enough for the slowest dashboard (1 s at a million cases), short enough to retry the same morning. */
export const LEASE_MS = 15 * 60_000;

type Claimed = {
  id: string;
  user_id: string;
  report: string;
  filter: Record<string, string>;
  frequency: SubscriptionFrequency;
  language: 'nl' | 'en';
  next_run_on: string;
};

/** Claims due subscriptions for one worker: SKIP LOCKED, then a lease so the computing happens outside any lock. */
export async function claimDueSubscriptions(services: Services, limit = BATCH): Promise<Claimed[]> {
  const now = services.clock.now();
  const today = services.calendar.toDate(now);
  return services.db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('report_subscription')
      .select(['id', 'user_id', 'report', 'filter', 'frequency', 'language', 'next_run_on'])
      .where('paused_at', 'is', null)
      .where('next_run_on', '<=', today)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
      .orderBy('next_run_on')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length)
      await tx
        .updateTable('report_subscription')
        .set({ claimed_until: new Date(now.getTime() + LEASE_MS) })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    return rows;
  });
}

/** The subscriber as an actor now: roles, teams and permissions from their row, or why they get nothing. */
async function subscriberNow(services: Services, userId: string): Promise<StaffActor | PauseReason> {
  const user = await services.db
    .selectFrom('staff_user')
    .select(['id', 'name', 'email', 'roles', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.active) return 'inactive';
  const roles = user.roles.filter(isRole);
  const permissions = permissionsFor(roles);
  if (!permissions.has('analysis:read')) return 'noPermission';
  const teams = await services.db.selectFrom('team_member').select('team_id').where('user_id', '=', user.id).execute();
  return { kind: 'staff', id: user.id, name: user.name, email: user.email, roles, teamIds: teams.map((t) => t.team_id), permissions };
}

/** The stored filter as the dashboard reads it, or null when it no longer holds (a process removed, a value refused). */
function dashboardFilter(services: Services, stored: Record<string, string>, period: ReportPeriod): DashboardFilter | null {
  const parsed = dashboardQuery.safeParse({ ...stored, from: period.from, to: period.to });
  if (!parsed.success) return null;
  const { from, to, ...rest } = parsed.data;
  if (rest.processKey !== undefined && !services.processes.get(rest.processKey)) return null;
  return { from: from!, to: to!, ...rest } as DashboardFilter;
}

/** The dashboard with the same filter over the mailed period, on the organisation's public address. */
export function dashboardLink(services: Services, filter: DashboardFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (typeof v === 'string') params.set(k, v);
  return `${services.publicUrl.replace(/\/+$/, '')}/analyse?${params}`;
}

const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

async function pause(services: Services, sub: Claimed, reason: PauseReason) {
  await services.db
    .updateTable('report_subscription')
    .set({ paused_at: services.clock.now(), paused_reason: reason, claimed_until: null })
    .where('id', '=', sub.id)
    .where('next_run_on', '=', sub.next_run_on)
    .where('paused_at', 'is', null)
    .execute();
}

/** One claimed subscription: its mail and next run, or a pause. True when a mail was written. */
export async function mailSubscription(services: Services, sub: Claimed): Promise<boolean> {
  const actor = await subscriberNow(services, sub.user_id);
  if (typeof actor === 'string') {
    await pause(services, sub, actor);
    return false;
  }
  const today = services.calendar.toDate(services.clock.now());
  const period = lastCompletePeriod(sub.frequency, today);
  // A periodic analysis has no filter of its own: its link opens the dashboard over the same period.
  const filter = dashboardFilter(services, sub.report === 'periodic' ? {} : sub.filter, period);
  if (!filter) {
    await pause(services, sub, 'invalidFilter');
    return false;
  }
  let figures: ReportMailFigures;
  let periodic: PeriodicMailFigures | undefined;
  if (sub.report === 'periodic') {
    // The periodic analysis' own figures (analysis/reports), as a report made now for that period would keep them.
    const f = await readReportFigures(services, actor, 'periodic', { from: period.from, to: addDays(period.to, -1) });
    figures = mailFiguresOfReport(f);
    periodic = { ...pick(f, ['extensions', 'surveys', 'external', 'norms', 'measuresNow']), measures: { total: f.measures.total } };
  } else figures = await dashboardFigures(services, actor, filter, today);
  const vars = reportMailVars({
    figures,
    periodic,
    frequency: sub.frequency,
    period,
    language: sub.language,
    filter: sub.filter,
    processLabel: filter.processKey ? services.processes.get(filter.processKey)?.label : undefined,
    link: dashboardLink(services, filter),
  });
  return runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    // Compare-and-set on the claimed day: another instance that got here first, or a pause or
    // delete meanwhile, leaves nothing to do, and no mail is written.
    const moved = await ctx.tx
      .updateTable('report_subscription')
      .set({ next_run_on: nextRunAfter(sub.frequency, today), last_sent_at: ctx.now, last_period_from: period.from, claimed_until: null })
      .where('id', '=', sub.id)
      .where('next_run_on', '=', sub.next_run_on)
      .where('paused_at', 'is', null)
      .executeTakeFirst();
    if (!moved.numUpdatedRows) return false;
    // No name on the envelope either: the address only.
    const id = await enqueueMessage(ctx, {
      caseId: null,
      template: 'reportMail',
      recipientRole: 'handler',
      to: { address: actor.email },
      vars,
      idempotencyKey: `reportMail:${sub.id}:${period.from}`,
      language: sub.language,
    });
    return id !== null;
  });
}

/**
 * Mails the due subscriptions. One that fails (a dashboard error) keeps its lease and is tried
 * again when it runs out; the others are mailed meanwhile, and the first error is reported to the
 * runner's log afterwards.
 */
export async function mailDueReports(services: Services): Promise<number> {
  // Switched off by the organisation (staffMail.reportMail): nothing is claimed, so nothing is lost either.
  if (!services.org.staffMail.reportMail) return 0;
  const claimed = await claimDueSubscriptions(services);
  let failed: unknown;
  for (const sub of claimed) {
    try {
      await mailSubscription(services, sub);
    } catch (err) {
      failed ??= err;
    }
  }
  if (failed) throw failed;
  return claimed.length === BATCH ? claimed.length : 0;
}

export const reportMailerJob: Job = { name: 'reportMailer', intervalMs: 10 * 60_000, run: mailDueReports };
