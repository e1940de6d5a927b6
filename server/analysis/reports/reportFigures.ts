import { z } from 'zod';
import type { Actor, Services } from '../../commands/context.ts';
import type { ReportKind } from '../../db/reportSchema.ts';
import { addDays } from '../../domain/calendar/civilDate.ts';
import { dashboardFigures } from '../dashboard.ts';
import { valueLabel } from '../figures/valueLabels.ts';
import { measuresOfPeriod, normsBreached, outcomesByGround, type Period } from './reportQueries.ts';

/**
 * The figures a report keeps: read once when the report is made and frozen as JSON in its row, so a
 * kept report always shows what it showed. Most come from the dashboard (server/analysis/dashboard.ts
 * dashboardFigures: counts, trends, breakdowns, lead time, on time, surveys, rising themes); the
 * rest from reportQueries.ts (outcomes per category, norms breached, the period's measures). Only
 * aggregates are kept: no drill-down lists, no case references, no handler names.
 */
const words = z.object({ nl: z.string(), en: z.string() });
const share = z.object({ counted: z.number(), onTime: z.number(), late: z.number(), share: z.number().nullable() });
const theme = z.object({
  key: z.string(),
  label: words,
  current: z.number(),
  previous: z.number(),
  currentShare: z.number(),
  previousShare: z.number(),
  p: z.number(),
});
const surveyGroup = z.object({ label: words.nullable(), sent: z.number(), answered: z.number(), average: z.number().nullable() });
const monthCount = z.object({ month: z.string(), count: z.number(), complete: z.boolean() });

export const reportFiguresSchema = z.object({
  version: z.literal(1),
  kind: z.enum(['periodic', 'annual']),
  period: z.object({ from: z.string(), to: z.string() }),
  generatedOn: z.string(),
  organisation: z.string(),
  /** 'all': made by someone who reads every case; 'own': within the maker's scope. */
  scope: z.enum(['all', 'own']),
  buckets: z.array(z.object({ key: z.string(), from: z.string(), to: z.string() })),
  received: z.object({ total: z.number(), perBucket: z.array(z.number()) }),
  closed: z.object({ total: z.number(), perBucket: z.array(z.number()) }),
  breakdowns: z.array(
    z.object({
      dimension: z.string(),
      label: words,
      values: z.array(z.object({ value: z.string(), label: words, received: z.number(), closed: z.number() })),
    }),
  ),
  leadTime: z.object({ closed: z.number(), medianDays: z.number().nullable(), p90Days: z.number().nullable() }),
  onTime: z.object({ term: share, norm: share }),
  extensions: z.object({ closed: z.number(), extended: z.number(), consentDelay: z.number() }),
  surveys: z.object({
    sent: z.number(),
    answered: z.number(),
    average: z.number().nullable(),
    distribution: z.array(z.number()),
    byGround: z.array(surveyGroup),
  }),
  risingThemes: z.object({ previous: z.object({ from: z.string(), to: z.string() }), grounds: z.array(theme), terms: z.array(theme) }),
  reconciliation: z.object({
    openAtStart: z.number(),
    received: z.number(),
    closed: z.number(),
    openAtEnd: z.number(),
    balances: z.boolean(),
  }),
  measuresNow: z.object({ open: z.number(), overdue: z.number(), checked: z.number() }),
  outcomes: z.array(
    z.object({
      ground: z.string().nullable(),
      groundLabel: words.nullable(),
      result: z.string().nullable(),
      resultLabel: words.nullable(),
      count: z.number(),
    }),
  ),
  norms: z.array(z.object({ key: z.string().nullable(), label: words.nullable(), count: z.number() })),
  external: z.array(z.object({ key: z.string().nullable(), label: words.nullable(), count: z.number() })),
  measures: z.object({
    total: z.number(),
    items: z.array(
      z.object({
        description: z.string(),
        ground: z.string().nullable(),
        groundLabel: words.nullable(),
        source: z.string(),
        status: z.string(),
        dueDate: z.string(),
        carriedOutOn: z.string().nullable(),
        caseCount: z.number(),
        lastCheck: z.object({ effective: z.boolean(), conclusion: z.string(), on: z.string() }).nullable(),
        notEffectiveLoops: z.number(),
        counts: z
          .object({ before: z.array(monthCount), after: z.array(monthCount).nullable(), monthsBefore: z.number(), monthsAfter: z.number() })
          .nullable(),
      }),
    ),
  }),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

/** Months (inclusive) a period spans: the trend is per month up to 13 months, per quarter beyond. */
const monthsSpanned = (p: Period) =>
  (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7)) + 1;

const RESULT_FACTS = ['judgment', 'outcome'] as const;

/** Reads every figure of a report for the period [from, to] (civil days, inclusive) as the actor sees them. */
export async function readReportFigures(services: Services, actor: Actor, kind: ReportKind, p: Period): Promise<ReportFigures> {
  const today = services.calendar.toDate(services.clock.now());
  const granularity = kind === 'annual' || monthsSpanned(p) > 13 ? 'quarter' : 'month';
  const [d, outcomes, norms, measures] = await Promise.all([
    dashboardFigures(services, actor, { from: p.from, to: addDays(p.to, 1), granularity }, today),
    outcomesByGround(services, actor, p),
    normsBreached(services, actor, p),
    measuresOfPeriod(services, actor, p),
  ]);
  const onTime = (o: (typeof d.onTime)['term']) => ({
    counted: o.counted.value,
    onTime: o.onTime.value,
    late: o.late.value,
    share: o.share,
  });
  const themeOf = (t: (typeof d.risingThemes.grounds)[number]) => ({
    key: t.key,
    label: t.label,
    current: t.current,
    previous: t.previous,
    currentShare: t.currentShare,
    previousShare: t.previousShare,
    p: t.p,
  });
  const resultLabel = (v: string | null) => {
    if (v === null) return null;
    for (const fact of RESULT_FACTS) {
      const l = valueLabel(services, fact, v);
      if (l && l.nl !== v) return l;
    }
    return { nl: v, en: v };
  };
  const surveys = d.surveys.byGround;
  return {
    version: 1,
    kind,
    period: p,
    generatedOn: today,
    organisation: services.org.name,
    scope: actor.kind === 'system' || actor.permissions.has('case:readAll') ? 'all' : 'own',
    buckets: d.buckets,
    received: { total: d.received.total.value, perBucket: d.received.perBucket.map((c) => c.value) },
    closed: { total: d.closed.total.value, perBucket: d.closed.perBucket.map((c) => c.value) },
    breakdowns: d.breakdowns.map((b) => ({
      dimension: b.dimension,
      label: b.label,
      values: b.values.map((v) => ({ value: v.value, label: v.label, received: v.received.value, closed: v.closed.value })),
    })),
    leadTime: { closed: d.leadTime.closed, medianDays: d.leadTime.medianDays, p90Days: d.leadTime.p90Days },
    onTime: { term: onTime(d.onTime.term), norm: onTime(d.onTime.norm) },
    extensions: { closed: d.extensions.closed, extended: d.extensions.extended.value, consentDelay: d.extensions.consentDelay.value },
    surveys: {
      sent: surveys.totals.sent,
      answered: surveys.totals.answered,
      average: surveys.totals.average,
      distribution: surveys.totals.distribution,
      byGround: surveys.groups.map((g) => ({ label: g.label, sent: g.sent, answered: g.answered, average: g.average })),
    },
    risingThemes: {
      previous: d.risingThemes.previous,
      grounds: d.risingThemes.grounds.map(themeOf),
      terms: d.risingThemes.terms.map(themeOf),
    },
    reconciliation: {
      openAtStart: d.reconciliation.openAtStart.value,
      received: d.reconciliation.received.value,
      closed: d.reconciliation.closed.value,
      openAtEnd: d.reconciliation.openAtEnd.value,
      balances: d.reconciliation.balances,
    },
    measuresNow: d.measures,
    outcomes: outcomes.map((o) => ({
      ground: o.ground,
      groundLabel: o.ground === null ? null : valueLabel(services, 'ground', o.ground),
      result: o.result,
      resultLabel: resultLabel(o.result),
      count: o.count,
    })),
    norms,
    external: d.external.byBody.map((b) => ({ key: b.body, label: b.label, count: b.cases.value })),
    measures: { total: measures.total, items: measures.measures },
  };
}
