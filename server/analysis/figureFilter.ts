import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { DIMENSIONS, type Dimension, type DrillDown, NO_VALUE, type NormKey } from '../presenters/staff/dashboard.ts';
import { yearBefore } from './periods.ts';

/**
 * The conditions on case_figure (migration 027) that both the dashboard's figures and the case
 * list's drill-down apply: one definition, so a list holds exactly the cases a figure counted.
 * Days are civil days (Amsterdam): *From inclusive, *Before exclusive.
 */
export type FigureFilter = Partial<Record<Dimension, string>> & {
  processKey?: string;
  externalBody?: string;
  receivedFrom?: string;
  receivedBefore?: string;
  closedFrom?: string;
  closedBefore?: string;
  openOn?: string;
  onTime?: NormKey;
  late?: NormKey;
  against?: NormKey;
  extended?: boolean;
  consentDelay?: boolean;
  returning?: 'period' | 'before';
  term?: string;
  recommendation?: boolean;
};

type Eb = ExpressionBuilder<DB, 'case_figure'>;
const onTimeColumn = (n: NormKey) => (n === 'term' ? ('case_figure.term_on_time' as const) : ('case_figure.norm_on_time' as const));

export function figureConditions(eb: Eb, f: FigureFilter): Expression<SqlBool>[] {
  const all: Expression<SqlBool>[] = [];
  if (f.processKey) all.push(eb('case_figure.process_key', '=', f.processKey));
  for (const d of DIMENSIONS) {
    const v = f[d];
    if (v === undefined) continue;
    all.push(v === NO_VALUE ? eb(`case_figure.${d}`, 'is', null) : eb(`case_figure.${d}`, '=', v));
  }
  if (f.externalBody === 'any') all.push(eb('case_figure.external_body', 'is not', null));
  else if (f.externalBody) all.push(eb('case_figure.external_body', '=', f.externalBody));
  if (f.receivedFrom) all.push(eb('case_figure.received_on', '>=', f.receivedFrom));
  if (f.receivedBefore) all.push(eb('case_figure.received_on', '<', f.receivedBefore));
  if (f.closedFrom) all.push(eb('case_figure.closed_on', '>=', f.closedFrom));
  if (f.closedBefore) all.push(eb('case_figure.closed_on', '<', f.closedBefore));
  if (f.openOn) {
    all.push(eb('case_figure.received_on', '<', f.openOn));
    all.push(eb.or([eb('case_figure.closed_on', 'is', null), eb('case_figure.closed_on', '>=', f.openOn)]));
  }
  if (f.onTime) all.push(eb(onTimeColumn(f.onTime), '=', true));
  if (f.late) all.push(eb(onTimeColumn(f.late), '=', false));
  if (f.against) all.push(eb(onTimeColumn(f.against), 'is not', null));
  if (f.extended) all.push(eb('case_figure.extended', '=', true));
  if (f.consentDelay) all.push(eb('case_figure.consent_delay', '=', true));
  if (f.recommendation) all.push(eb('case_figure.recommendation', 'is not', null));
  if (f.term) all.push(sql<boolean>`${f.term} = any(case_figure.terms)`);
  if (f.returning) {
    const window = returningWindow(f.returning, f);
    if (window)
      all.push(
        eb.exists(
          eb
            .selectFrom('case_figure as other_case')
            .select(sql`1`.as('one'))
            .whereRef('other_case.complainant_id', '=', 'case_figure.complainant_id')
            .whereRef('other_case.case_id', '<>', 'case_figure.case_id')
            .where('other_case.received_on', '>=', window.from)
            .where('other_case.received_on', '<', window.to),
        ),
      );
  }
  return all;
}

/**
 * Where the complainant's other case lies: in the received range itself ('period'), or in the
 * twelve months before it ('before'). Without a received range there is nothing to compare with.
 */
export function returningWindow(r: 'period' | 'before', f: { receivedFrom?: string; receivedBefore?: string }) {
  if (!f.receivedFrom || !f.receivedBefore) return null;
  return r === 'period' ? { from: f.receivedFrom, to: f.receivedBefore } : { from: yearBefore(f.receivedFrom), to: f.receivedFrom };
}

/** A drill-down (query parameters, strings) as a filter. */
export function figureFilterOf(q: DrillDown): FigureFilter {
  const { extended, consentDelay, recommendation, open: _open, ...rest } = q;
  return {
    ...rest,
    extended: extended === 'true' || undefined,
    consentDelay: consentDelay === 'true' || undefined,
    recommendation: recommendation === 'true' || undefined,
  };
}

/** Whether a filter names anything on case_figure at all (else the case list needs no join). */
export const hasFigureFilter = (f: FigureFilter) => Object.values(f).some((v) => v !== undefined && v !== false);

const DRILL_KEYS = [
  ...DIMENSIONS.filter((d) => d !== 'channel'),
  'externalBody',
  'closedFrom',
  'closedBefore',
  'openOn',
  'onTime',
  'late',
  'against',
  'extended',
  'consentDelay',
  'recommendation',
  'returning',
  'term',
] as const;
type DrillQuery = { [K in (typeof DRILL_KEYS)[number]]?: string } & { receivedFrom?: string; receivedBefore?: string };

/**
 * The case list's and the register export's query (already parsed) as a case_figure filter, or
 * undefined when it names none. `returning` compares with the received range, so it needs one.
 * The channel stays with the list's own channel filter (cases.channel: the same value).
 */
export function drillDownFilter(q: DrillQuery): FigureFilter | undefined {
  const picked: DrillDown = {};
  for (const k of DRILL_KEYS) if (q[k] !== undefined) (picked as Record<string, string>)[k] = q[k]!;
  if (!hasFigureFilter(figureFilterOf(picked))) return undefined;
  if (picked.returning && (!q.receivedFrom || !q.receivedBefore))
    throw invalid('querystring.returning', 'Terugkerende klagers vragen om een periode van ontvangst (receivedFrom en receivedBefore).');
  return figureFilterOf({ ...picked, receivedFrom: q.receivedFrom, receivedBefore: q.receivedBefore });
}
