import { z } from 'zod';
import { DIMENSIONS, EXTERNAL_BODIES, GRANULARITIES, NORMS } from '../../presenters/staff/dashboard.ts';
import { civilDate } from '../dateRange.ts';

/** Request schemas of the analysis routes: the dashboard's period and filters, contact volumes. */
const factValue = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\u0000]*$/, 'Dit teken is niet toegestaan.');
const facts = Object.fromEntries(DIMENSIONS.map((d) => [d, factValue.optional()])) as Record<
  (typeof DIMENSIONS)[number],
  z.ZodOptional<typeof factValue>
>;

/** GET /api/v1/analysis/dashboard: [from, to) in civil days (default: the 12 months before today's month end), a granularity, filters. */
export const dashboardQuery = z
  .object({
    from: civilDate().optional().meta({ 'x-kf-rule': 'Een jaar van 1900 of later, vóór to en hoogstens tien jaar ervoor; anders 400.' }),
    to: civilDate().optional().meta({ 'x-kf-rule': 'Een jaar van 1900 of later en na from; anders 400.' }),
    granularity: z.enum(GRANULARITIES).default('month'),
    processKey: z.string().max(100).optional(),
    ...facts,
    externalBody: z.enum([...EXTERNAL_BODIES, 'any']).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'De einddatum ligt niet na de begindatum.', path: ['to'] })
  // Ten years at most: a dashboard, not a history export.
  .refine((q) => !q.from || !q.to || Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10, {
    message: 'Kies een periode van hoogstens tien jaar.',
    path: ['from'],
  });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const month = z.string().regex(/^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])$/, 'Een maand als JJJJ-MM, bijvoorbeeld 2026-03.');
export const volumesQuery = z.object({ from: month.optional(), to: month.optional() });
/** PUT /api/v1/analysis/volumes: one or more months; a volume of null removes that month's entry. */
export const volumesBody = z.object({
  items: z
    .array(
      z.object({
        month,
        kind: z.enum(['contacts', 'customers']).default('contacts'),
        volume: z.number().int().min(0).max(1_000_000_000).nullable(),
      }),
    )
    .min(1)
    .max(240),
});

const yes = z.literal('true');
const norm = z.enum(NORMS);
/**
 * The analysis drill-down on the case list and the register export (presenters/staff/dashboard.ts
 * drillDownOut): the case_figure filters a figure's link carries. Days are civil days.
 */
export const drillDownQueryFields = {
  // The channel is the case list's own (cases.channel, several at once): the same value as case_figure's.
  ...(Object.fromEntries(Object.entries(facts).filter(([k]) => k !== 'channel')) as Record<
    Exclude<(typeof DIMENSIONS)[number], 'channel'>,
    z.ZodOptional<typeof factValue>
  >),
  externalBody: z.enum([...EXTERNAL_BODIES, 'any']).optional(),
  closedFrom: civilDate().optional(),
  closedBefore: civilDate().optional(),
  openOn: civilDate().optional(),
  onTime: norm.optional(),
  late: norm.optional(),
  against: norm.optional(),
  extended: yes.optional(),
  consentDelay: yes.optional(),
  recommendation: yes.optional(),
  /** Needs receivedFrom and receivedBefore (the period the other case is compared with). */
  returning: z.enum(['period', 'before']).optional().meta({ 'x-kf-rule': 'Alleen samen met receivedFrom en receivedBefore; anders 400.' }),
  term: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\u0000]*$/, 'Dit teken is niet toegestaan.')
    .optional(),
};
