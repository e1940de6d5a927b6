import { z } from 'zod';
import { NO_KEY, SURVEY_GROUPS } from '../../queries/surveyResults.ts';
import { civilDate } from '../dateRange.ts';

/** Request schemas of the survey-results routes: a period of sending (days), a breakdown, a figure's surveys. */
const period = {
  from: civilDate().optional(),
  to: civilDate().optional().meta({ 'x-kf-rule': 'Een jaar van 1900 of later, niet vóór from; anders 400.' }),
};
const toAfterFrom = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;
const toAfterFromIssue = { message: 'De einddatum ligt vóór de begindatum.', path: ['to'] };

export const surveyResultsQuery = z
  .object({ ...period, groupBy: z.enum(SURVEY_GROUPS).default('handler') })
  .refine(toAfterFrom, toAfterFromIssue);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const surveyListQuery = z
  .object({
    ...period,
    groupBy: z.enum(SURVEY_GROUPS).optional().meta({ 'x-kf-rule': 'Verplicht als key is meegegeven; anders 400.' }),
    // PostgreSQL text holds no NUL: refused here rather than failing at the database.
    key: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\u0000]*$/, 'Dit teken is niet toegestaan.')
      .optional()
      .meta({ 'x-kf-rule': `Alleen met groupBy; bij een behandelaar of team een id (of "${NO_KEY}"); anders 400.` }),
    answered: z.enum(['true', 'false']).optional(),
    withComment: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine(toAfterFrom, toAfterFromIssue)
  .refine((q) => q.key === undefined || q.groupBy !== undefined, { message: 'Kies ook de indeling (groupBy).', path: ['groupBy'] })
  // A handler or team is an id; only the ground is free text.
  .refine((q) => q.key === undefined || q.groupBy === 'ground' || q.key === NO_KEY || UUID.test(q.key), {
    message: `Een behandelaar of team is een id (of "${NO_KEY}").`,
    path: ['key'],
  });
