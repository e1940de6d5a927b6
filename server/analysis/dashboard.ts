import type { Actor, Services } from '../commands/context.ts';
import type { DashboardFigures } from '../presenters/staff/dashboard.ts';
import { DEFINITIONS } from './definitions.ts';
import { complaintRateFigures } from './figures/complaintRate.ts';
import { type DashboardFilter, figureContext } from './figures/context.ts';
import { countFigures, receivedAndClosed } from './figures/counts.ts';
import { externalFollowUpFigures } from './figures/externalFollowUp.ts';
import { leadTimeFigures } from './figures/leadTimes.ts';
import { measureFigures } from './figures/measures.ts';
import { reconciliationFigures } from './figures/reconciliation.ts';
import { returningComplainantFigures } from './figures/returningComplainants.ts';
import { risingThemeFigures } from './figures/risingThemeFigures.ts';
import { surveyFigures } from './figures/surveys.ts';

export type { DashboardFigures } from '../presenters/staff/dashboard.ts';
export type { DashboardFilter } from './figures/context.ts';

/**
 * Every figure of the analysis dashboard for the actor (their read scope; case:readAll sees all),
 * as one typed object (presenters/staff/dashboard.ts dashboardOut). `today`: the civil day that
 * "overdue" compares with (from the fake clock in tests, never the machine's). The queries read the
 * narrow case_figure rows (migration 027) by their day indexes and run side by side: each figure
 * group (figures/*.ts) starts its own queries at once; those that need the received counts wait for them.
 */
export async function dashboardFigures(
  services: Services,
  actor: Actor,
  filter: DashboardFilter,
  today: string,
): Promise<DashboardFigures> {
  const ctx = figureContext(services, actor, filter, today);
  const counts = receivedAndClosed(ctx);
  const received = counts.then((c) => c.rec);
  const [c, lead, surveys, returningComplainants, measures, risingThemes, complaintRate, external, reconciliation] = await Promise.all([
    counts.then((x) => countFigures(ctx, x)),
    leadTimeFigures(ctx),
    surveyFigures(ctx),
    returningComplainantFigures(ctx),
    measureFigures(ctx),
    risingThemeFigures(ctx, received),
    complaintRateFigures(ctx, received),
    externalFollowUpFigures(ctx),
    reconciliationFigures(ctx, counts),
  ]);
  return {
    period: { from: ctx.from, to: ctx.to, granularity: ctx.g },
    filter: ctx.baseDrill,
    buckets: ctx.buckets,
    received: c.received,
    closed: c.closed,
    breakdowns: c.breakdowns,
    leadTime: lead.leadTime,
    onTime: lead.onTime,
    extensions: lead.extensions,
    surveys,
    returningComplainants,
    measures,
    risingThemes,
    complaintRate,
    external,
    reconciliation,
    definitions: DEFINITIONS,
  };
}
