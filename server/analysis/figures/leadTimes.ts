import { sql } from 'kysely';
import type { NormKey } from '../../presenters/staff/dashboard.ts';
import type { Bucket } from '../periods.ts';
import type { FigureContext } from './context.ts';
import { MONTHS_PER, monthDay, n, round, share } from './numbers.ts';

/** Lead time (median, 90th percentile), on time against the term and the norm, and extensions, of the cases closed in the period. */
export async function leadTimeFigures(ctx: FigureContext) {
  const { db, g, buckets, bucketIndex, indexOf, drill, where, closedIn } = ctx;
  // Percentiles do not add up: grouped by the bucket itself (month number divided by the bucket's months).
  const closedBucket = sql<number>`(case_figure.closed_month / ${sql.lit(MONTHS_PER[g])})`;
  const stats = await db
    .selectFrom('case_figure')
    .select([
      closedBucket.as('bucket'),
      sql<number>`grouping(${closedBucket})`.as('total'),
      sql<string>`count(*)`.as('closed'),
      sql<number | null>`percentile_cont(0.5) within group (order by case_figure.lead_days)`.as('median'),
      sql<number | null>`percentile_cont(0.9) within group (order by case_figure.lead_days)`.as('p90'),
      sql<string>`count(case_figure.term_on_time)`.as('term_counted'),
      sql<string>`count(*) filter (where case_figure.term_on_time)`.as('term_on_time'),
      sql<string>`count(case_figure.norm_on_time)`.as('norm_counted'),
      sql<string>`count(*) filter (where case_figure.norm_on_time)`.as('norm_on_time'),
      sql<string>`count(*) filter (where case_figure.extended)`.as('extended'),
      sql<string>`count(*) filter (where case_figure.consent_delay)`.as('consent_delay'),
    ])
    .where(where(closedIn))
    .groupBy(sql`grouping sets ((${closedBucket}), ())`)
    .execute();

  const total = stats.find((s) => Number(s.total) === 1);
  const statsOf = (bucket: Bucket) =>
    stats.find((s) => Number(s.total) === 0 && indexOf(monthDay(Number(s.bucket) * MONTHS_PER[g])) === bucketIndex.get(bucket.key));
  const lead = (s: (typeof stats)[number] | undefined) => ({
    closed: n(s?.closed),
    medianDays: s?.median == null ? null : round(Number(s.median), 1),
    p90Days: s?.p90 == null ? null : round(Number(s.p90), 1),
  });
  const onTime = (norm: NormKey) => {
    const counted = n(total?.[`${norm}_counted`]);
    const onTimeCount = n(total?.[`${norm}_on_time`]);
    return {
      counted: { value: counted, drillDown: drill({ ...closedIn, against: norm }) },
      onTime: { value: onTimeCount, drillDown: drill({ ...closedIn, onTime: norm }) },
      late: { value: counted - onTimeCount, drillDown: drill({ ...closedIn, late: norm }) },
      share: share(onTimeCount, counted),
      perBucket: buckets.map((b) => {
        const s = statsOf(b);
        const c = n(s?.[`${norm}_counted`]);
        const o = n(s?.[`${norm}_on_time`]);
        return { counted: c, onTime: o, share: share(o, c) };
      }),
    };
  };
  return {
    leadTime: { ...lead(total), drillDown: drill(closedIn), perBucket: buckets.map((b) => lead(statsOf(b))) },
    onTime: { term: onTime('term'), norm: onTime('norm') },
    extensions: {
      closed: n(total?.closed),
      extended: { value: n(total?.extended), drillDown: drill({ ...closedIn, extended: 'true' }) },
      consentDelay: { value: n(total?.consent_delay), drillDown: drill({ ...closedIn, consentDelay: 'true' }) },
    },
  };
}
