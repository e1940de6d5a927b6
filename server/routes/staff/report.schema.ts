import { z } from 'zod';
import { REPORT_KINDS } from '../../db/reportSchema.ts';
import { civilDate } from '../dateRange.ts';

/** Request schemas of the analysis-report routes; messages in the words of the form. */
export const reportListQuery = z.object({ kind: z.enum(REPORT_KINDS).optional() });

export const createReportBody = z
  .object({
    kind: z.enum(REPORT_KINDS, { error: 'Kies een soort rapportage: analyse of jaarverslag.' }),
    from: civilDate()
      .describe('first day, inclusive')
      .meta({ 'x-kf-rule': 'Een jaar van 1900 of later, hoogstens vijf jaar vóór to; anders 400.' }),
    to: civilDate()
      .describe('last day, inclusive')
      .meta({ 'x-kf-rule': 'Niet vóór from; bij een jaarverslag hoogstens één jaar na from; anders 400.' }),
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
  })
  // The same in the document: at least one of the three.
  .meta({
    anyOf: ['title', 'conclusions', 'recommendations'].map((k) => ({ required: [k], properties: { [k]: { type: 'string' } } })),
  });

export const compareQuery = z.object({ with: z.uuid({ error: 'Kies een rapportage om mee te vergelijken.' }) });
