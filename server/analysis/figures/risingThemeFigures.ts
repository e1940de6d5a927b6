import { sql } from 'kysely';
import { DIMENSIONS, NO_VALUE } from '../../presenters/staff/dashboard.ts';
import { risingThemes } from '../risingThemes.ts';
import { type FigureContext, seesAll } from './context.ts';
import type { PerBucket } from './counts.ts';
import { monthNumber, n, round, sum } from './numbers.ts';
import { valueLabel } from './valueLabels.ts';

/** The grounds and terms that rose against the previous period of the same length (risingThemes.ts). */
export async function risingThemeFigures(ctx: FigureContext, received: Promise<PerBucket>) {
  const { services, db, actor, filter, from, to, prev, drill, where, receivedIn } = ctx;
  const isCurrent = sql<boolean>`case_figure.received_on >= ${from}`;
  const themeRange = { receivedFrom: prev.from, receivedBefore: to };
  // The period's own counts per ground come from the received breakdown (the same cases); here the previous period's.
  const groundThemes = db
    .selectFrom('case_figure')
    .select(['case_figure.ground', sql<string>`count(*)`.as('previous')])
    .where(where({ receivedFrom: prev.from, receivedBefore: from }))
    .groupBy('case_figure.ground')
    .execute();
  // Whole months, every case (or one process, one ground): the kept counts per month (term_month); else the cases' own terms.
  const byGroundOnly =
    seesAll(actor) && DIMENSIONS.every((d) => d === 'ground' || filter[d] === undefined) && filter.externalBody === undefined;
  const termsFromMonths = byGroundOnly && from.endsWith('-01') && to.endsWith('-01') && prev.from.endsWith('-01');
  const termThemes = termsFromMonths
    ? db
        .selectFrom('term_month')
        .select([
          'term_month.term',
          sql<string>`coalesce(sum(term_month.cases) filter (where term_month.month >= ${monthNumber(from)}), 0)`.as('current'),
          sql<string>`coalesce(sum(term_month.cases) filter (where term_month.month < ${monthNumber(from)}), 0)`.as('previous'),
        ])
        .where('term_month.month', '>=', monthNumber(prev.from))
        .where('term_month.month', '<', monthNumber(to))
        .$if(!!filter.processKey, (q) => q.where('term_month.process_key', '=', filter.processKey!))
        .$if(filter.ground !== undefined, (q) => q.where('term_month.ground', '=', filter.ground === NO_VALUE ? '' : filter.ground!))
        .groupBy('term_month.term')
        .having(sql<boolean>`sum(term_month.cases) filter (where term_month.month >= ${monthNumber(from)}) >= 5`)
        .execute()
    : db
        .selectFrom(
          db
            .selectFrom('case_figure')
            .select([sql<string>`unnest(case_figure.terms)`.as('term'), isCurrent.as('current')])
            .where(where(themeRange))
            .as('t'),
        )
        .select([
          't.term',
          sql<string>`count(*) filter (where t.current)`.as('current'),
          sql<string>`count(*) filter (where not t.current)`.as('previous'),
        ])
        .groupBy('t.term')
        .having(sql<boolean>`count(*) filter (where t.current) >= 5`)
        .execute();
  const [grounds, terms, rec] = await Promise.all([groundThemes, termThemes, received]);

  const groundIndex = DIMENSIONS.indexOf('ground');
  const groundNow = new Map([...rec.byValue[groundIndex]!].map(([value, perBucket]) => [value, sum(perBucket)]));
  const groundBefore = new Map(grounds.map((r) => [r.ground ?? NO_VALUE, n(r.previous)]));
  const totals = { current: sum(rec.totals), previous: sum([...groundBefore.values()]) };
  const themeOut = (kind: 'ground' | 'term') => (t: ReturnType<typeof risingThemes>[number]) => ({
    key: t.key,
    label: kind === 'ground' ? valueLabel(services, 'ground', t.key) : { nl: t.key, en: t.key },
    current: t.current,
    currentShare: round(t.currentShare, 4),
    previous: t.previous,
    previousShare: round(t.previousShare, 4),
    z: round(t.z, 3),
    p: t.p,
    pAdjusted: t.pAdjusted,
    drillDown: drill({ ...receivedIn, [kind]: t.key }),
  });
  const risingGrounds = risingThemes(
    [...new Set([...groundNow.keys(), ...groundBefore.keys()])]
      .filter((key) => key !== NO_VALUE)
      .map((key) => ({ key, current: groundNow.get(key) ?? 0, previous: groundBefore.get(key) ?? 0 })),
    totals,
  ).map(themeOut('ground'));
  const risingTerms = risingThemes(
    terms.map((r) => ({ key: r.term, current: n(r.current), previous: n(r.previous) })),
    totals,
  ).map(themeOut('term'));
  return { previous: prev, grounds: risingGrounds, terms: risingTerms };
}
