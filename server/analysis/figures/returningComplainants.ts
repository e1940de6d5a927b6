import { sql } from 'kysely';
import { DIMENSIONS } from '../../presenters/staff/dashboard.ts';
import { yearBefore } from '../periods.ts';
import { type FigureContext, seesAll } from './context.ts';
import { n } from './numbers.ts';

type Returning = { complainants: string; cases: string };

/** Returning complainants: the period's cases whose complainant has another case in the window (any case, any scope). */
export async function returningComplainantFigures(ctx: FigureContext) {
  const { db, actor, filter, from, to, drill, where, receivedIn } = ctx;
  const unfiltered = seesAll(actor) && DIMENSIONS.every((d) => filter[d] === undefined) && filter.externalBody === undefined;
  const returningLive = (window: { from: string; to: string }, twice: boolean) =>
    db
      .selectFrom('case_figure')
      .select([sql<string>`count(distinct case_figure.complainant_id)`.as('complainants'), sql<string>`count(*)`.as('cases')])
      .where(where(receivedIn))
      .where('case_figure.complainant_id', 'in', (eb) => {
        const q = eb
          .selectFrom('case_figure as other_case')
          .select('other_case.complainant_id')
          .where('other_case.received_on', '>=', window.from)
          .where('other_case.received_on', '<', window.to);
        return twice ? q.groupBy('other_case.complainant_id').having(sql<boolean>`count(*) >= 2`) : q;
      })
      .executeTakeFirstOrThrow();
  // Every case counts as the other case too: one pass per complainant over the period and the year before it.
  const returningAtOnce = () =>
    db
      .selectFrom(
        db
          .selectFrom('case_figure')
          .select([
            sql<number>`count(*) filter (where case_figure.received_on >= ${from})`.as('now'),
            sql<number>`count(*) filter (where case_figure.received_on < ${from})`.as('before'),
          ])
          .where('case_figure.received_on', '>=', yearBefore(from))
          .where('case_figure.received_on', '<', to)
          .groupBy('case_figure.complainant_id')
          .as('per_complainant'),
      )
      .select([
        sql<string>`count(*) filter (where per_complainant.now >= 2)`.as('in_period'),
        sql<string>`coalesce(sum(per_complainant.now) filter (where per_complainant.now >= 2), 0)`.as('in_period_cases'),
        sql<string>`count(*) filter (where per_complainant.now >= 1 and per_complainant.before >= 1)`.as('earlier'),
        sql<string>`coalesce(sum(per_complainant.now) filter (where per_complainant.now >= 1 and per_complainant.before >= 1), 0)`.as(
          'earlier_cases',
        ),
      ])
      .executeTakeFirstOrThrow()
      .then((r): [Returning, Returning] => [
        { complainants: r.in_period, cases: r.in_period_cases },
        { complainants: r.earlier, cases: r.earlier_cases },
      ]);
  const [inPeriod, withEarlier] = await (unfiltered && !filter.processKey
    ? returningAtOnce()
    : Promise.all([returningLive({ from, to }, true), returningLive({ from: yearBefore(from), to: from }, false)]));
  return {
    inPeriod: {
      complainants: n(inPeriod.complainants),
      cases: { value: n(inPeriod.cases), drillDown: drill({ ...receivedIn, returning: 'period' }) },
    },
    withEarlier: {
      complainants: n(withEarlier.complainants),
      cases: { value: n(withEarlier.cases), drillDown: drill({ ...receivedIn, returning: 'before' }) },
    },
  };
}
