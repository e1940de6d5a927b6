import { sql } from 'kysely';
import { EXTERNAL_BODIES } from '../../presenters/staff/dashboard.ts';
import type { FigureContext } from './context.ts';
import { n, sum } from './numbers.ts';
import { valueLabel } from './valueLabels.ts';

/** The period's cases that went on to an external body (per body, with its outcomes), and the recommendations to answer. */
export async function externalFollowUpFigures(ctx: FigureContext) {
  const { services, db, filter, today, from, to, drill, where, receivedIn } = ctx;
  const [ext, recs] = await Promise.all([
    db
      .selectFrom('case_figure')
      .select(['case_figure.external_body', 'case_figure.external_outcome', sql<string>`count(*)`.as('n')])
      .where(where({ ...receivedIn, externalBody: filter.externalBody ?? 'any' }))
      .groupBy(['case_figure.external_body', 'case_figure.external_outcome'])
      .execute(),
    db
      .selectFrom('case_figure')
      .innerJoin('cases', 'cases.id', 'case_figure.case_id')
      .select([
        'case_figure.case_id',
        'cases.reference',
        'case_figure.external_body',
        'case_figure.recommendation',
        'case_figure.recommendation_due',
      ])
      .where(where({ recommendation: true }))
      .where((eb) =>
        eb.or([
          eb.and([eb('case_figure.received_on', '>=', from), eb('case_figure.received_on', '<', to)]),
          eb('case_figure.recommendation_due', '>=', from),
        ]),
      )
      .orderBy(sql`case_figure.recommendation_due asc nulls last`)
      .orderBy('case_figure.case_id')
      .limit(200)
      .execute(),
  ]);
  const bodies = EXTERNAL_BODIES.map((body) => {
    const rows = ext.filter((r) => r.external_body === body);
    return {
      body,
      label: valueLabel(services, 'externalBody', body),
      cases: { value: sum(rows.map((r) => n(r.n))), drillDown: drill({ ...receivedIn, externalBody: body }) },
      outcomes: rows.map((r) => ({ outcome: r.external_outcome, count: n(r.n) })).sort((a, b) => b.count - a.count),
    };
  }).filter((b) => b.cases.value > 0);
  return {
    byBody: bodies,
    total: {
      value: sum(bodies.map((b) => b.cases.value)),
      drillDown: drill({ ...receivedIn, externalBody: filter.externalBody ?? 'any' }),
    },
    recommendations: recs.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      body: r.external_body,
      recommendation: r.recommendation!,
      responseDue: r.recommendation_due,
      overdue: r.recommendation_due !== null && r.recommendation_due < today,
    })),
  };
}
