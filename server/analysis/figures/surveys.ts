import { addDays } from '../../domain/calendar/civilDate.ts';
import { surveyResults } from '../../queries/surveyResults.ts';
import type { FigureContext } from './context.ts';

/** The satisfaction surveys of the period [from, to), per handler, per team and per ground. */
export async function surveyFigures(ctx: FigureContext) {
  const { services, actor, from, to } = ctx;
  const surveyPeriod = { from, to: addDays(to, -1) };
  const [byHandler, byTeam, byGround] = await Promise.all([
    surveyResults(services, actor, { ...surveyPeriod, groupBy: 'handler' }),
    surveyResults(services, actor, { ...surveyPeriod, groupBy: 'team' }),
    surveyResults(services, actor, { ...surveyPeriod, groupBy: 'ground' }),
  ]);
  return { byHandler: surveyOut(byHandler), byTeam: surveyOut(byTeam), byGround: surveyOut(byGround) };
}

/** The survey figures as the survey routes present them (response rate added). */
function surveyOut(r: Awaited<ReturnType<typeof surveyResults>>) {
  const f = (x: (typeof r)['totals']) => ({ ...x, responseRate: x.sent ? Math.round((x.answered / x.sent) * 1000) / 1000 : null });
  return { period: r.period, groupBy: r.groupBy, totals: f(r.totals), groups: r.groups.map(f) };
}
