import { z } from 'zod';
import { CHANNELS } from '../../commands/activityRegistrar.ts';
import { instant, civilDate } from '../dateRange.ts';
import { drillDownQueryFields } from './analysis.schema.ts';
import { phoneLookup, phoneNumber } from '../phoneField.ts';

const text = (max: number) => z.string().trim().max(max);

export const personInput = z.object({
  kind: z.enum(['person', 'organisation']).default('person'),
  name: text(200).min(1),
  organisationName: text(200).optional(),
  email: z.email().max(254).optional(),
  phone: phoneNumber().optional(),
  street: text(200).optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{4}\s?[A-Za-z]{2}$/, 'Een postcode is 4 cijfers en 2 letters.')
    .optional(),
  city: text(100).optional(),
});
const personRef = z.union([z.object({ personId: z.uuid() }), personInput]);

const civilDay = civilDate();
export const mandateInput = z
  .object({
    verification: z.enum(['writtenAuthorisation', 'phoneWithRepresentedPresent', 'legalRepresentative']),
    validFrom: civilDay,
    validUntil: civilDay.nullable().optional(),
  })
  .refine((m) => !m.validUntil || m.validUntil >= m.validFrom, { path: ['validUntil'], message: 'De einddatum ligt voor de begindatum.' })
  .meta({
    'x-kf-rule':
      'Tussen twee verschillende personen die bestaan (niemand machtigt zichzelf), met validUntil niet vóór validFrom; anders 400.',
  });

export const registerCaseBody = z.object({
  activityId: z.uuid().optional(),
  processKey: z.string().max(100).optional(),
  subject: text(200).min(1),
  description: text(20000).default(''),
  channel: z.enum(CHANNELS),
  receivedAt: instant().optional().meta({ 'x-kf-rule': 'Een jaar van 1900 of later en niet in de toekomst; anders 400.' }),
  complainant: personRef,
  representative: z
    .object({
      person: personRef,
      relation: text(100).min(1),
      /** Recorded once when no valid mandate between the two is known (seed 003); otherwise ignored. */
      mandate: mandateInput.optional(),
    })
    .optional(),
  data: z
    .record(z.string(), z.unknown())
    .default({})
    .meta({ 'x-kf-rule': 'Alleen velden die het proces kent, met de regels van het proces; anders 400 per veld.' }),
  /** Asked at intake: may we e-mail the complainant? Without it every message goes on paper. */
  emailConsent: z.boolean().optional(),
  language: z.enum(['nl', 'en']).optional(),
  /** Send the confirmation now (by e-mail, or as a letter to print at once and post). */
  sendConfirmation: z.boolean().default(false),
});

export const caseListQuery = z.object({
  status: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.string().max(60)).max(30)).optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  assigneeId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  processKey: z.string().max(100).optional(),
  /** Open cases past their handling deadline, in the warning period, or either; sorted by deadline. */
  deadline: z.enum(['overdue', 'nearlyDue', 'due']).optional(),
  /** Only the cases the logged-in person handles (assigned to them). */
  handler: z.literal('me').optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Received on or after / before these days (Amsterdam): a figure's period. */
  receivedFrom: civilDay.optional(),
  receivedBefore: civilDay.optional(),
  channel: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum([...CHANNELS, 'internal'])).max(20))
    .optional(),
  /** The analysis dashboard's drill-down: the cases behind a figure (facts, days closed, on time, …). */
  ...drillDownQueryFields,
});

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(max));

/**
 * The register export: the case list's filters (no paging: every matching case), the work queue's
 * tabs and channels on the case's own owner, a period of receipt, and the file's language.
 */
export const caseExportQuery = caseListQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']),
  queue: z.enum(['mine', 'team', 'unassigned', 'all']).default('all'),
  channel: list(z.enum([...CHANNELS, 'internal']), 20).optional(),
  /** Received on or after this day (Amsterdam). */
  receivedFrom: civilDay.optional(),
  /** Received before this day (Amsterdam). */
  receivedBefore: civilDay.optional(),
  /** The column headers' and labels' language (the staff app sends its own). */
  lang: z.enum(['nl', 'en']).default('nl'),
});

export const timelineQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const transitionBody = z.object({
  transition: z
    .string()
    .min(1)
    .max(100)
    .meta({ 'x-kf-rule': 'Een overgang die het proces van deze melding in haar huidige status kent; een andere geeft 400.' }),
  expectedVersion: z.number().int().positive().optional(),
  inputs: z
    .record(z.string(), z.unknown())
    .default({})
    .meta({ 'x-kf-rule': 'De invoer die deze overgang volgens het proces vraagt, met de regels van het proces; anders 400 per veld.' }),
});

// Spaces around a note do not count: one of only spaces is refused (pattern: at least one other character).
export const noteBody = z.object({ body: text(20000).min(1).meta({ pattern: '\\S' }) });
export const caseDataBody = z.object({
  data: z
    .record(z.string(), z.unknown())
    .meta({ 'x-kf-rule': 'Alleen velden die het proces van deze melding kent, met de regels van het proces; anders 400 per veld.' }),
  expectedVersion: z.number().int().positive().optional(),
});

export const searchBody = z.object({ q: text(200).min(1), limit: z.number().int().min(1).max(50).default(20) });
export const matchBody = z
  .object({
    activityId: z.uuid().optional(),
    email: z.string().max(254).optional(),
    phone: phoneLookup().optional(),
    name: z.string().max(200).optional(),
    text: z.string().max(20000).optional(),
  })
  .refine((b) => b.activityId || b.email || b.phone || b.name || b.text, {
    message: 'Geef minstens één gegeven om op te zoeken.',
    path: ['activityId'],
  });
