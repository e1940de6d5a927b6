import { z } from 'zod';
import { REPORT_KINDS } from '../../db/reportSchema.ts';
import { civilDate } from '../dateRange.ts';

/** Request schemas of the analysis-report routes; messages in the words of the form. */
export const reportListQuery = z.object({ kind: z.enum(REPORT_KINDS).optional() });

export const createReportBody = z
  .object({
    kind: z.enum(REPORT_KINDS, { error: 'Kies een soort rapportage: analyse of jaarverslag.' }),
    from: civilDate().describe('first day, inclusive'),
    to: civilDate().describe('last day, inclusive'),
    title: z.string().trim().max(200, 'Gebruik hoogstens 200 tekens.').nullish(),
  })
  .refine((b) => b.from <= b.to, { message: 'De einddatum ligt voor de begindatum.', path: ['to'] });

export const updateReportBody = z
  .object({
    title: z.string().trim().min(1, 'Vul een titel in.').max(200, 'Gebruik hoogstens 200 tekens.').optional(),
    conclusions: z.string().max(20_000, 'Gebruik hoogstens 20.000 tekens.').optional(),
    recommendations: z.string().max(20_000, 'Gebruik hoogstens 20.000 tekens.').optional(),
  })
  .refine((b) => b.title !== undefined || b.conclusions !== undefined || b.recommendations !== undefined, {
    message: 'Wijzig de titel, de conclusies of de aanbevelingen.',
    path: ['conclusions'],
  });

export const compareQuery = z.object({ with: z.uuid({ error: 'Kies een rapportage om mee te vergelijken.' }) });
