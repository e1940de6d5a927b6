import { z } from 'zod';
import { SURVEY_GROUPS, type SurveyFigures, type listSurveys, type surveyResults } from '../../queries/surveyResults.ts';

/** The satisfaction survey as the staff app reads it: one case's, and the figures over a period. */
const figuresOut = z.object({
  key: z.string().nullable().describe('The handler or team id, or the ground; null: the case has none'),
  label: z
    .object({ nl: z.string(), en: z.string() })
    .nullable()
    .describe("The handler's or team's name, or the ground in the process's words"),
  sent: z.number().int(),
  answered: z.number().int(),
  /** answered / sent, null when nothing was sent. */
  responseRate: z.number().nullable(),
  average: z.number().nullable(),
  distribution: z.array(z.number().int()).length(5).describe('How many answered 1, 2, 3, 4 and 5'),
});
const presentFigures = (f: SurveyFigures): z.infer<typeof figuresOut> => ({
  ...f,
  responseRate: f.sent ? Math.round((f.answered / f.sent) * 1000) / 1000 : null,
});

export const surveyResultsOut = z.object({
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  groupBy: z.enum(SURVEY_GROUPS),
  totals: figuresOut,
  groups: z.array(figuresOut),
});
export const presentSurveyResults = (r: Awaited<ReturnType<typeof surveyResults>>): z.infer<typeof surveyResultsOut> => ({
  period: r.period,
  groupBy: r.groupBy,
  totals: presentFigures(r.totals),
  groups: r.groups.map(presentFigures),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const surveyListItemOut = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  sentAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export const surveyListOut = z.object({ items: z.array(surveyListItemOut), nextCursor: z.string().nullable() });
export const presentSurveyList = (page: Awaited<ReturnType<typeof listSurveys>>): z.infer<typeof surveyListOut> => ({
  items: page.rows.map((r) => ({
    caseId: r.case_id,
    reference: r.reference,
    sentAt: r.sent_at.toISOString(),
    answeredAt: iso(r.answered_at),
    score: r.score,
    comment: r.comment,
  })),
  nextCursor: page.nextCursor,
});

export const caseSurveyOut = z.object({
  sent: z.boolean(),
  sentAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export const presentCaseSurvey = (
  s: { sent_at: Date; answered_at: Date | null; score: number | null; comment: string | null } | null,
): z.infer<typeof caseSurveyOut> => ({
  sent: !!s,
  sentAt: s ? s.sent_at.toISOString() : null,
  answeredAt: iso(s?.answered_at ?? null),
  score: s?.score ?? null,
  comment: s?.comment ?? null,
});
