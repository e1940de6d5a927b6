import { sql } from 'kysely';
import type { Actor } from '../commands/context.ts';
import type { Services } from '../commands/context.ts';
import { notFound } from '../domain/errors.ts';
import { decodeCursor, encodeCursor } from './keyset.ts';
import { measureScope } from './measureScope.ts';
import { caseReadScope, mayReadCase } from './scope.ts';

/**
 * The read side of improvement measures: the overviews (open, overdue, checked), one measure with
 * its cases and history, the measures of one complaint, and the check's counts per month.
 */
export const MEASURE_VIEWS = ['open', 'overdue', 'carriedOut', 'checked', 'all'] as const;
export type MeasureView = (typeof MEASURE_VIEWS)[number];

const measureColumns = [
  'improvement_measure.id',
  'improvement_measure.description',
  'improvement_measure.owner_id',
  'u.name as owner_name',
  'improvement_measure.due_date',
  'improvement_measure.status',
  'improvement_measure.source',
  'improvement_measure.finding',
  'improvement_measure.ground',
  'improvement_measure.carried_out_on',
  'improvement_measure.created_at',
  'improvement_measure.created_by_name',
  'improvement_measure.updated_at',
] as const;

/** Keyset cursors hold instants; a due date is its midnight UTC. */
const dueCursor = (due: string, id: string) => encodeCursor(new Date(`${due}T00:00:00.000Z`), id);

/** One page of measures in due-date order (index improvement_measure_status_due), scoped to the actor. */
export async function listMeasures(
  services: Services,
  actor: Actor,
  opts: { view: MeasureView; mine?: boolean; cursor?: string; limit: number },
) {
  const today = services.calendar.toDate(services.clock.now());
  const after = decodeCursor(opts.cursor);
  let q = services.db
    .selectFrom('improvement_measure')
    .innerJoin('staff_user as u', 'u.id', 'improvement_measure.owner_id')
    .select(measureColumns)
    .select((eb) =>
      eb
        .selectFrom('improvement_measure_case as mc')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('mc.measure_id', '=', 'improvement_measure.id')
        .as('case_count'),
    )
    .where((eb) => measureScope(actor)(eb as never));
  if (opts.view === 'open') q = q.where('improvement_measure.status', '=', 'open');
  if (opts.view === 'overdue') q = q.where('improvement_measure.status', '=', 'open').where('improvement_measure.due_date', '<', today);
  if (opts.view === 'carriedOut') q = q.where('improvement_measure.status', '=', 'carriedOut');
  if (opts.view === 'checked') q = q.where('improvement_measure.status', '=', 'effective');
  if (opts.mine && actor.kind === 'staff') q = q.where('improvement_measure.owner_id', '=', actor.id);
  if (after) {
    const due = after.value.slice(0, 10);
    q = q.where((eb) =>
      eb.or([
        eb('improvement_measure.due_date', '>', due),
        eb.and([eb('improvement_measure.due_date', '=', due), eb('improvement_measure.id', '>', after.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('improvement_measure.due_date')
    .orderBy('improvement_measure.id')
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({ ...r, case_count: Number(r.case_count ?? 0), overdue: r.status === 'open' && r.due_date < today })),
    nextCursor: rows.length > opts.limit && last ? dueCursor(last.due_date, last.id) : null,
  };
}

export type MeasureListRow = Awaited<ReturnType<typeof listMeasures>>['rows'][number];

/** One measure the actor may read: its linked cases (those they may read; the rest counted) and its history. */
export async function measureDetail(services: Services, actor: Actor, id: string) {
  const today = services.calendar.toDate(services.clock.now());
  const m = await services.db
    .selectFrom('improvement_measure')
    .innerJoin('staff_user as u', 'u.id', 'improvement_measure.owner_id')
    .select(measureColumns)
    .where('improvement_measure.id', '=', id)
    .where((eb) => measureScope(actor)(eb as never))
    .executeTakeFirst();
  if (!m) throw notFound('Deze verbetermaatregel');
  const [cases, hidden, events] = await Promise.all([
    services.db
      .selectFrom('improvement_measure_case as mc')
      .innerJoin('cases', 'cases.id', 'mc.case_id')
      .select([
        'cases.id',
        'cases.reference',
        'cases.subject',
        'cases.received_at',
        sql<string | null>`cases.facts->>'ground'`.as('ground'),
      ])
      .where('mc.measure_id', '=', id)
      .where(caseReadScope(actor))
      .orderBy('cases.received_at')
      .execute(),
    services.db
      .selectFrom('improvement_measure_case')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('measure_id', '=', id)
      .executeTakeFirstOrThrow(),
    services.db
      .selectFrom('improvement_measure_event')
      .select(['id', 'occurred_at', 'actor_name', 'type', 'data'])
      .where('measure_id', '=', id)
      .orderBy('seq')
      .execute(),
  ]);
  return {
    measure: { ...m, overdue: m.status === 'open' && m.due_date < today },
    cases,
    hiddenCaseCount: Number(hidden.n) - cases.length,
    events,
  };
}
export type MeasureDetail = Awaited<ReturnType<typeof measureDetail>>;

/** "What was done about this complaint": the measures linked to a case the actor may read. */
export async function measuresOfCase(services: Services, actor: Actor, caseId: string) {
  const today = services.calendar.toDate(services.clock.now());
  if (!(await mayReadCase(services.db, actor, caseId))) throw notFound('Deze melding');
  const rows = await services.db
    .selectFrom('improvement_measure_case as mc')
    .innerJoin('improvement_measure', 'improvement_measure.id', 'mc.measure_id')
    .innerJoin('staff_user as u', 'u.id', 'improvement_measure.owner_id')
    .select(measureColumns)
    .where('mc.case_id', '=', caseId)
    .orderBy('improvement_measure.created_at')
    .execute();
  return rows.map((r) => ({ ...r, overdue: r.status === 'open' && r.due_date < today }));
}

/** `YYYY-MM` plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export type MonthCount = { month: string; count: number; complete: boolean };
export type MeasureCounts = { before: MonthCount[]; after: MonthCount[] | null; monthsBefore: number; monthsAfter: number };

/**
 * The check's evidence: complaints with the measure's ground per calendar month (Amsterdam), over
 * the months before the month it was recorded and the months after the month it was carried out
 * (organisation config). One grouped query over the index on (ground, received date): two index
 * ranges, never a scan of all cases. Counted within what the actor may read.
 */
export async function groundCountsAround(
  services: Services,
  actor: Actor,
  m: { ground: string | null; created_at: Date; carried_out_on: string | null },
): Promise<MeasureCounts | null> {
  if (!m.ground) return null;
  const { monthsBefore, monthsAfter } = services.org.measures;
  const currentMonth = services.calendar.toDate(services.clock.now()).slice(0, 7);
  const recorded = services.calendar.toDate(m.created_at).slice(0, 7);
  const beforeMonths = Array.from({ length: monthsBefore }, (_, i) => addMonths(recorded, i - monthsBefore));
  const afterMonths = m.carried_out_on
    ? Array.from({ length: monthsAfter }, (_, i) => addMonths(m.carried_out_on!.slice(0, 7), i + 1))
    : [];
  const start = (month: string) => sql`(${`${month}-01`}::date::timestamp at time zone 'Europe/Amsterdam')`;
  const range = (months: string[]) =>
    sql<boolean>`(cases.received_at >= ${start(months[0]!)} and cases.received_at < ${start(addMonths(months.at(-1)!, 1))})`;
  const ranges = afterMonths.length ? sql<boolean>`(${range(beforeMonths)} or ${range(afterMonths)})` : range(beforeMonths);
  const month = sql<string>`to_char(cases.received_at at time zone 'Europe/Amsterdam', 'YYYY-MM')`;
  const rows = await services.db
    .selectFrom('cases')
    .select([month.as('month'), (eb) => eb.fn.countAll<string>().as('n')])
    .where(sql<string>`cases.facts->>'ground'`, '=', m.ground)
    .where(ranges)
    .where(caseReadScope(actor))
    .groupBy(month)
    .execute();
  const counted = new Map(rows.map((r) => [r.month, Number(r.n)]));
  const of = (months: string[]) => months.map((mo) => ({ month: mo, count: counted.get(mo) ?? 0, complete: mo < currentMonth }));
  return { before: of(beforeMonths), after: m.carried_out_on ? of(afterMonths) : null, monthsBefore, monthsAfter };
}
