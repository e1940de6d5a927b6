import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { addDays } from '../domain/calendar/civilDate.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import { optionLabel } from '../domain/process/roles.ts';
import { decodeCursor, encodeCursor } from './keyset.ts';
import { caseReadScope, mayReadCase } from './scope.ts';

/**
 * The read side of the satisfaction survey (seed 000 business rule 5): one case's survey, and for
 * managers the figures over the surveys sent in a period: scores, response rate per handler, team
 * or ground (the standard fact), and the surveys behind each figure. Always within the read scope:
 * a team lead counts their team's cases only. The period is of sending, in Amsterdam days, so a
 * response rate compares like with like (the answers to the surveys sent then).
 */
export const SURVEY_GROUPS = ['handler', 'team', 'ground'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];
export type Period = { from: string; to: string };
/** A group without a handler, team or ground. */
export const NO_KEY = 'none';

/** Without a period in the URL: the year up to today. */
export function periodOrDefault(services: Services, p: Partial<Period>): Period {
  const today = services.calendar.toDate(services.clock.now());
  const to = p.to ?? today;
  return { from: p.from ?? addDays(to, -364), to };
}

const dayStart = (day: string) => sql<Date>`(${day}::date::timestamp at time zone 'Europe/Amsterdam')`;
type SurveyEb = ExpressionBuilder<DB, 'survey' | 'cases'>;
const inPeriod = (p: Period) => (eb: SurveyEb) =>
  eb.and([eb('survey.sent_at', '>=', dayStart(p.from)), eb('survey.sent_at', '<', dayStart(addDays(p.to, 1)))]);
// The scope reads only the cases table (and its own subqueries), joined here by the survey's case.
const readable = (actor: Actor) => (eb: SurveyEb) => caseReadScope(actor)(eb as unknown as ExpressionBuilder<DB, 'cases'>);

const groupKey = (g: SurveyGroup): RawBuilder<string | null> =>
  g === 'handler' ? sql`cases.assignee_user_id::text` : g === 'team' ? sql`cases.assignee_team_id::text` : sql`cases.facts->>'ground'`;

export type SurveyFigures = {
  key: string | null;
  /** The handler's or team's name, or the ground in the process's words. */
  label: { nl: string; en: string } | null;
  sent: number;
  answered: number;
  average: number | null;
  /** How many answered 1, 2, 3, 4 and 5. */
  distribution: number[];
};

/**
 * One grouped query per breakdown: the groups and, through the empty grouping set, the totals of
 * the same rows. The survey_sent index gives the period's surveys; each joins its case by key.
 */
export function surveyResultsQuery(services: Services, actor: Actor, opts: Period & { groupBy: SurveyGroup }) {
  const key = groupKey(opts.groupBy);
  const name =
    opts.groupBy === 'handler'
      ? sql<string | null>`max(staff_user.name)`
      : opts.groupBy === 'team'
        ? sql<string | null>`max(team.name)`
        : sql<string | null>`null`;
  const score = (n: number) => sql<string>`count(*) filter (where survey.score = ${sql.lit(n)})`.as(`s${n}`);
  return (
    services.db
      .selectFrom('survey')
      .innerJoin('cases', 'cases.id', 'survey.case_id')
      // Only the breakdown's names are joined: a handler's or a team's (the ground's words are the process's).
      .$if(opts.groupBy === 'handler', (q) => q.leftJoin('staff_user', 'staff_user.id', 'cases.assignee_user_id'))
      .$if(opts.groupBy === 'team', (q) => q.leftJoin('team', 'team.id', 'cases.assignee_team_id'))
      .select([
        key.as('key'),
        sql<number>`grouping(${key})`.as('total'),
        name.as('name'),
        sql<string>`count(*)`.as('sent'),
        sql<string>`count(survey.answered_at)`.as('answered'),
        sql<number | null>`avg(survey.score)::float8`.as('average'),
        score(1),
        score(2),
        score(3),
        score(4),
        score(5),
      ])
      .where(inPeriod(opts))
      .where(readable(actor))
      .groupBy(sql`grouping sets ((${key}), ())`)
  );
}

export async function surveyResults(services: Services, actor: Actor, opts: Period & { groupBy: SurveyGroup }) {
  const rows = await surveyResultsQuery(services, actor, opts).execute();
  const figures = (r: (typeof rows)[number]): SurveyFigures => ({
    key: r.key,
    label: opts.groupBy === 'ground' ? groundLabel(services, r.key) : r.name === null ? null : { nl: r.name, en: r.name },
    sent: Number(r.sent),
    answered: Number(r.answered),
    average: r.average === null ? null : Math.round(Number(r.average) * 100) / 100,
    distribution: [r.s1, r.s2, r.s3, r.s4, r.s5].map(Number),
  });
  const total = rows.find((r) => Number(r.total) === 1);
  const groups = rows
    .filter((r) => Number(r.total) === 0)
    .map(figures)
    // Most surveys first; the group without a handler, team or ground last.
    .sort(
      (a, b) => Number(a.key === null) - Number(b.key === null) || b.sent - a.sent || (a.label?.nl ?? '').localeCompare(b.label?.nl ?? ''),
    );
  return {
    period: { from: opts.from, to: opts.to },
    groupBy: opts.groupBy,
    totals: total ? figures(total) : { key: null, label: null, sent: 0, answered: 0, average: null, distribution: [0, 0, 0, 0, 0] },
    groups,
  };
}

/** The words a process gives a ground (its input's option); the value itself when none does. */
function groundLabel(services: Services, value: string | null): { nl: string; en: string } | null {
  if (value === null) return null;
  for (const def of services.processes.all()) {
    const label = optionLabel(def, 'ground', value);
    if (label) return label;
  }
  return { nl: value, en: value };
}

export type SurveyListFilter = Period & {
  groupBy?: SurveyGroup;
  /** The group's key, or NO_KEY for the surveys whose case has none. */
  key?: string;
  answered?: boolean;
  /** Only answers with a comment (the comments list). */
  withComment?: boolean;
  cursor?: string;
  limit: number;
};

/**
 * The surveys behind a figure, a page at a time (keyset): answered ones newest answer first (the
 * comments), else newest sent first. Only the case's reference and the answer: no complainant.
 */
export async function listSurveys(services: Services, actor: Actor, f: SurveyListFilter) {
  const byAnswer = f.answered === true || f.withComment === true;
  const sortColumn = byAnswer ? ('survey.answered_at' as const) : ('survey.sent_at' as const);
  const after = decodeCursor(f.cursor);
  let q = services.db
    .selectFrom('survey')
    .innerJoin('cases', 'cases.id', 'survey.case_id')
    .select(['survey.id', 'survey.case_id', 'cases.reference', 'survey.sent_at', 'survey.answered_at', 'survey.score', 'survey.comment'])
    .where(inPeriod(f))
    .where(readable(actor));
  if (f.groupBy && f.key !== undefined) {
    const key = groupKey(f.groupBy);
    q = f.key === NO_KEY ? q.where(sql<boolean>`${key} is null`) : q.where(sql<boolean>`${key} = ${f.key}`);
  }
  if (f.answered === true || f.withComment) q = q.where('survey.answered_at', 'is not', null);
  if (f.answered === false) q = q.where('survey.answered_at', 'is', null);
  if (f.withComment) q = q.where(sql<boolean>`coalesce(survey.comment, '') <> ''`);
  if (after) q = q.where(sql<boolean>`(${sql.ref(sortColumn)}, survey.id) < (${after.value}::timestamptz, ${after.id}::uuid)`);
  const rows = await q
    .orderBy(sortColumn, 'desc')
    .orderBy('survey.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > f.limit && last ? encodeCursor((byAnswer ? last.answered_at : last.sent_at)!, last.id) : null;
  return { rows: page, nextCursor };
}

/** One case's survey for the case page: whether it was sent, and the answer. A case out of scope is not found. */
export async function caseSurvey(services: Services, actor: Actor, caseId: string) {
  if (!(await mayReadCase(services.db, actor, caseId))) throw notFound('Deze melding');
  const survey = await services.db
    .selectFrom('survey')
    .select(['sent_at', 'answered_at', 'score', 'comment'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return survey ?? null;
}
