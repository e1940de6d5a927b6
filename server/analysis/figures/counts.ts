import { sql, type RawBuilder } from 'kysely';
import { FACTS } from '../../domain/process/vocabulary.ts';
import { DIMENSIONS, NO_VALUE } from '../../presenters/staff/dashboard.ts';
import type { FigureFilter } from '../figureFilter.ts';
import type { FigureContext } from './context.ts';
import { monthDay, n, sum } from './numbers.ts';
import { NONE_WORDS, valueLabel } from './valueLabels.ts';

const dimCols = DIMENSIONS.map((d) => sql.ref(`case_figure.${d}`));
// grouping() over the query's own facts: all bits set is the month's total, one bit clear names the fact.
const maskOf = (dims: number[]) => sql<number>`grouping(${sql.join(dims.map((i) => dimCols[i]!))})`;
const groupingSets = (b: RawBuilder<number>, dims: number[]) =>
  sql`grouping sets ((${b}), ${sql.join(dims.map((i) => sql`(${b}, ${dimCols[i]})`))})`;
const ALL_DIMS = DIMENSIONS.map((_, i) => i);
const half = Math.ceil(DIMENSIONS.length / 2);

// Received and closed per bucket, broken down by each fact: one pass each (grouping sets).
// Grouped by month (an integer); months are summed into the granularity's buckets here.
// The received one is the largest: its facts are split over two queries, so two connections (cores) share it.
function breakdownQuery(
  ctx: FigureContext,
  column: 'case_figure.received_month' | 'case_figure.closed_month',
  range: FigureFilter,
  dims: number[],
) {
  const b = sql.ref<number>(column);
  return ctx.db
    .selectFrom('case_figure')
    .select([
      b.as('bucket'),
      maskOf(dims).as('mask'),
      sql<string>`count(*)`.as('n'),
      ...DIMENSIONS.map((d, i) => (dims.includes(i) ? sql.ref<string | null>(`case_figure.${d}`) : sql<string | null>`null`).as(d)),
    ])
    .where(ctx.where(range))
    .groupBy(groupingSets(b, dims))
    .execute()
    .then((rows) =>
      rows.map((r) => {
        const all = (1 << dims.length) - 1;
        const j = dims.findIndex((_, k) => Number(r.mask) === all - (1 << (dims.length - 1 - k)));
        return { ...r, total: Number(r.mask) === all, dim: j < 0 ? -1 : dims[j]! };
      }),
    );
}
type BreakdownRow = Awaited<ReturnType<typeof breakdownQuery>>[number];

/** Per bucket: the total, and per dimension (index as in DIMENSIONS) the counts of each value. */
export type PerBucket = { totals: number[]; byValue: Map<string, number[]>[] };
export type Counts = { rec: PerBucket; clo: PerBucket };

// Per bucket and per dimension value, from the grouping-set rows.
function perBucket(ctx: FigureContext, rows: BreakdownRow[]): PerBucket {
  const { buckets, indexOf } = ctx;
  const totals = buckets.map(() => 0);
  const byValue = DIMENSIONS.map(() => new Map<string, number[]>());
  for (const r of rows) {
    const i = indexOf(monthDay(Number(r.bucket)));
    if (i < 0) continue;
    if (r.total) totals[i] = totals[i]! + n(r.n);
    else {
      const d = r.dim;
      if (d < 0) continue;
      const value = (r[DIMENSIONS[d]!] as string | null) ?? NO_VALUE;
      const counts = byValue[d]!.get(value) ?? buckets.map(() => 0);
      counts[i] = counts[i]! + n(r.n);
      byValue[d]!.set(value, counts);
    }
  }
  return { totals, byValue };
}

/** The cases received and closed in the period, per bucket and per value of each fact. */
export async function receivedAndClosed(ctx: FigureContext): Promise<Counts> {
  const { receivedIn, closedIn } = ctx;
  const [received, closed] = await Promise.all([
    Promise.all([
      breakdownQuery(ctx, 'case_figure.received_month', receivedIn, ALL_DIMS.slice(0, half)),
      // Without the totals: the first query has them.
      breakdownQuery(ctx, 'case_figure.received_month', receivedIn, ALL_DIMS.slice(half)).then((rows) => rows.filter((r) => !r.total)),
    ]).then(([a, b]) => [...a, ...b]),
    breakdownQuery(ctx, 'case_figure.closed_month', closedIn, ALL_DIMS),
  ]);
  return { rec: perBucket(ctx, received), clo: perBucket(ctx, closed) };
}

/** Received and closed (total and per bucket) and the breakdown per fact, each with its drill-down. */
export function countFigures(ctx: FigureContext, { rec, clo }: Counts) {
  const { services, buckets, drill, receivedIn, closedIn, receivedInBucket, closedInBucket } = ctx;
  const breakdowns = DIMENSIONS.map((d, di) => {
    const values = new Set([...rec.byValue[di]!.keys(), ...clo.byValue[di]!.keys()]);
    const zero = buckets.map(() => 0);
    return {
      dimension: d,
      label: { nl: FACTS[d].nl, en: FACTS[d].en },
      values: [...values]
        .map((value) => {
          const r = rec.byValue[di]!.get(value) ?? zero;
          const c = clo.byValue[di]!.get(value) ?? zero;
          return {
            value,
            label: value === NO_VALUE ? NONE_WORDS : valueLabel(services, d, value),
            received: { value: sum(r), drillDown: drill({ ...receivedIn, [d]: value }) },
            closed: { value: sum(c), drillDown: drill({ ...closedIn, [d]: value }) },
            receivedPerBucket: buckets.map((b, i) => ({ value: r[i]!, drillDown: drill({ ...receivedInBucket(b), [d]: value }) })),
            closedPerBucket: buckets.map((b, i) => ({ value: c[i]!, drillDown: drill({ ...closedInBucket(b), [d]: value }) })),
          };
        })
        // Most first; "not filled in" last.
        .sort(
          (a, b) =>
            Number(a.value === NO_VALUE) - Number(b.value === NO_VALUE) ||
            b.received.value - a.received.value ||
            a.value.localeCompare(b.value),
        ),
    };
  });
  return {
    received: {
      total: { value: sum(rec.totals), drillDown: drill(receivedIn) },
      perBucket: buckets.map((b, i) => ({ value: rec.totals[i]!, drillDown: drill(receivedInBucket(b)) })),
    },
    closed: {
      total: { value: sum(clo.totals), drillDown: drill(closedIn) },
      perBucket: buckets.map((b, i) => ({ value: clo.totals[i]!, drillDown: drill(closedInBucket(b)) })),
    },
    breakdowns,
  };
}
