import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor, Services } from '../../commands/context.ts';
import { addDays } from '../../domain/calendar/civilDate.ts';
import { startOfDay } from '../../domain/calendar/durations.ts';
import { groundCountsAround, type MeasureCounts } from '../../queries/measures.ts';
import { measureScope } from '../../queries/measureScope.ts';
import { caseReadScope } from '../../queries/scope.ts';
import { valueLabel } from '../figures/valueLabels.ts';

/**
 * The figures an analysis report needs that the dashboard (server/analysis/dashboard.ts) does not
 * give: outcomes per category (ground × judgment or outcome), the Behoorlijkheidswijzer norms
 * breached per norm, and the measures of the period with their checks. Each is one grouped query over the cases closed in the period (index on closed_at),
 * within what the actor may read.
 */
export type Period = { from: string; to: string };
export type Label = { nl: string; en: string };
export type Keyed = { key: string | null; label: Label | null; count: number };

type Eb = ExpressionBuilder<DB, 'case_figure'>;

/**
 * Closed in the period and within the actor's read scope, on case_figure (migration 027: the narrow
 * row the dashboard counts, index case_figure_closed), scoped the way the dashboard scopes it.
 */
const closedIn = (actor: Actor, p: Period) => (eb: Eb) => {
  const all: Expression<SqlBool>[] = [eb('case_figure.closed_on', '>=', p.from), eb('case_figure.closed_on', '<=', p.to)];
  if (actor.kind !== 'system' && !actor.permissions.has('case:readAll'))
    all.push(
      eb.exists(
        eb
          .selectFrom('cases')
          .select(sql`1`.as('one'))
          .whereRef('cases.id', '=', 'case_figure.case_id')
          .where((c) => caseReadScope(actor)(c as unknown as ExpressionBuilder<DB, 'cases'>)),
      ),
    );
  return eb.and(all);
};

export type OutcomeCell = { ground: string | null; result: string | null; count: number };

/**
 * Closed in the period: per ground, the judgment (gegrond, deels gegrond, …) where one was given,
 * else the outcome (opgelost, ingetrokken, niet in behandeling, …).
 */
export async function outcomesByGround(services: Services, actor: Actor, p: Period): Promise<OutcomeCell[]> {
  const result = sql<string | null>`coalesce(case_figure.judgment, case_figure.outcome)`;
  const rows = await services.db
    .selectFrom('case_figure')
    .select(['case_figure.ground', result.as('result'), (eb) => eb.fn.countAll<string>().as('n')])
    .where(closedIn(actor, p))
    .groupBy(['case_figure.ground', result])
    .execute();
  return rows.map((r) => ({ ground: r.ground, result: r.result, count: Number(r.n) }));
}

/** Closed in the period: how often each Behoorlijkheidswijzer norm was breached (a case can breach several). */
export async function normsBreached(services: Services, actor: Actor, p: Period): Promise<Keyed[]> {
  const occurrences = services.db
    .selectFrom('case_figure')
    .select(sql<string>`unnest(case_figure.norms_breached)`.as('norm'))
    .where(closedIn(actor, p))
    .where(sql<boolean>`cardinality(case_figure.norms_breached) > 0`);
  const rows = await sql<{ norm: string; n: string }>`select norm, count(*) as n from (${occurrences}) as o group by norm`.execute(
    services.db,
  );
  return (
    rows.rows
      .map((r) => [r.norm, Number(r.n)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      // A norm in the process's own option words, else the vocabulary's Behoorlijkheidswijzer names.
      .map(([key, count]) => ({ key, label: valueLabel(services, 'normsBreached', key), count }))
  );
}

export type ReportMeasure = {
  description: string;
  ground: string | null;
  groundLabel: Label | null;
  source: string;
  status: string;
  dueDate: string;
  carriedOutOn: string | null;
  caseCount: number;
  /** The last check's verdict: effective, not effective (sent back), or not checked yet. */
  lastCheck: { effective: boolean; conclusion: string; on: string } | null;
  notEffectiveLoops: number;
  counts: MeasureCounts | null;
};

/** At most this many measures are listed (with their before/after counts); the rest are counted. */
export const MEASURE_LIMIT = 40;

/**
 * The measures of the period: recorded, carried out or checked in it (any history row), within what
 * the actor may read, with their last check and the complaints of their ground before and after.
 */
export async function measuresOfPeriod(services: Services, actor: Actor, p: Period) {
  const from = startOfDay(p.from);
  const until = startOfDay(addDays(p.to, 1));
  const base = services.db
    .selectFrom('improvement_measure')
    .where((eb) => measureScope(actor)(eb as never))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('improvement_measure_event as ev')
          .select(sql`1`.as('one'))
          .whereRef('ev.measure_id', '=', 'improvement_measure.id')
          .where('ev.occurred_at', '>=', from)
          .where('ev.occurred_at', '<', until),
      ),
    );
  const [rows, total] = await Promise.all([
    base
      .select([
        'improvement_measure.id',
        'improvement_measure.description',
        'improvement_measure.ground',
        'improvement_measure.source',
        'improvement_measure.status',
        'improvement_measure.due_date',
        'improvement_measure.carried_out_on',
        'improvement_measure.created_at',
      ])
      .select((eb) => [
        eb
          .selectFrom('improvement_measure_case as mc')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('mc.measure_id', '=', 'improvement_measure.id')
          .as('case_count'),
        eb
          .selectFrom('improvement_measure_event as ev')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('ev.measure_id', '=', 'improvement_measure.id')
          .where('ev.type', '=', 'checkedNotEffective')
          .as('loops'),
      ])
      .orderBy('improvement_measure.created_at')
      .orderBy('improvement_measure.id')
      .limit(MEASURE_LIMIT)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const checks = rows.length
    ? await services.db
        .selectFrom('improvement_measure_event')
        .select(['measure_id', 'type', 'data', 'occurred_at', 'seq'])
        .where(
          'measure_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('type', 'in', ['checkedEffective', 'checkedNotEffective'])
        .orderBy('seq')
        .execute()
    : [];
  const lastCheck = new Map<string, ReportMeasure['lastCheck']>();
  for (const c of checks)
    lastCheck.set(c.measure_id, {
      effective: c.type === 'checkedEffective',
      conclusion: String((c.data as { conclusion?: string }).conclusion ?? ''),
      on: services.calendar.toDate(c.occurred_at),
    });
  const measures: ReportMeasure[] = [];
  for (const r of rows)
    measures.push({
      description: r.description,
      ground: r.ground,
      groundLabel: r.ground === null ? null : valueLabel(services, 'ground', r.ground),
      source: r.source,
      status: r.status,
      dueDate: r.due_date,
      carriedOutOn: r.carried_out_on,
      caseCount: Number(r.case_count ?? 0),
      lastCheck: lastCheck.get(r.id) ?? null,
      notEffectiveLoops: Number(r.loops ?? 0),
      counts: await groundCountsAround(services, actor, r),
    });
  return { measures, total: Number(total.n) };
}
