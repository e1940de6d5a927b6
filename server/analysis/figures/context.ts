import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor, Services } from '../../commands/context.ts';
import type { DB } from '../../db/schema.ts';
import { DIMENSIONS, type Dimension, type DrillDown, type Granularity } from '../../presenters/staff/dashboard.ts';
import { caseReadScope } from '../../queries/scope.ts';
import { type FigureFilter, figureConditions } from '../figureFilter.ts';
import { type Bucket, bucketKey, bucketsOf, previousPeriod } from '../periods.ts';

/**
 * The period [from, to) in civil days (Europe/Amsterdam), its buckets' granularity, and optional
 * filters: a process, one value per standard fact (NO_VALUE: the case has none), an external body.
 */
export type DashboardFilter = {
  from: string;
  to: string;
  granularity: Granularity;
  processKey?: string;
  externalBody?: 'ombudsman' | 'disputesBody' | 'rentTribunal' | 'other' | 'any';
} & Partial<Record<Dimension, string>>;

export type Eb = ExpressionBuilder<DB, 'case_figure'>;

export const seesAll = (actor: Actor) => actor.kind === 'system' || actor.permissions.has('case:readAll');

/** Within the actor's read scope: the case row is probed by key only for those who do not see all. */
function scoped(actor: Actor) {
  return (eb: Eb): Expression<SqlBool>[] =>
    seesAll(actor)
      ? []
      : [
          eb.exists(
            eb
              .selectFrom('cases')
              .select(sql`1`.as('one'))
              .whereRef('cases.id', '=', 'case_figure.case_id')
              .where((c) => caseReadScope(actor)(c as unknown as ExpressionBuilder<DB, 'cases'>)),
          ),
        ];
}

/** What every figure group's queries share: the period, its buckets, the filter as conditions and as drill-downs. */
export type FigureContext = ReturnType<typeof figureContext>;

export function figureContext(services: Services, actor: Actor, filter: DashboardFilter, today: string) {
  const { from, to, granularity: g } = filter;
  const buckets = bucketsOf(from, to, g);
  const bucketIndex = new Map(buckets.map((b, i) => [b.key, i]));
  const indexOf = (start: string) => bucketIndex.get(bucketKey(start, g)) ?? -1;

  const base: FigureFilter = { processKey: filter.processKey, externalBody: filter.externalBody };
  for (const d of DIMENSIONS) if (filter[d] !== undefined) base[d] = filter[d];
  const baseDrill: DrillDown = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) (baseDrill as Record<string, string>)[k] = String(v);
  const drill = (extra: DrillDown): DrillDown => ({ ...baseDrill, ...extra });
  const scope = scoped(actor);
  const where = (extra: FigureFilter) => (eb: Eb) => eb.and([...figureConditions(eb, { ...base, ...extra }), ...scope(eb)]);

  return {
    services,
    db: services.db,
    actor,
    filter,
    today,
    from,
    to,
    g,
    buckets,
    bucketIndex,
    indexOf,
    prev: previousPeriod(from, to),
    baseDrill,
    drill,
    where,
    receivedIn: { receivedFrom: from, receivedBefore: to },
    closedIn: { closedFrom: from, closedBefore: to },
    receivedInBucket: (b: Bucket): DrillDown => ({ receivedFrom: b.from, receivedBefore: b.to }),
    closedInBucket: (b: Bucket): DrillDown => ({ closedFrom: b.from, closedBefore: b.to }),
  };
}
