import { z } from 'zod';

/**
 * The complaint form's schema. Messages are in Dutch because a citizen reads them; field names
 * match the form's input names so errors land at their fields.
 */
const text = (max: number) => z.string().trim().max(max, `Gebruik maximaal ${max} tekens.`);
const optionalText = (max: number) => z.preprocess((v) => (v === '' ? undefined : v), text(max).optional());

export const complaintBody = z.object({
  kind: z.enum(['complaint', 'report', 'request'], { message: 'Kies wat voor bericht het is.' }),
  subject: text(200).min(3, 'Vul in waar uw klacht over gaat (minstens 3 tekens).'),
  description: text(10000).min(10, 'Beschrijf wat er gebeurd is (minstens 10 tekens).'),
  incidentDate: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ message: 'Vul een datum in als dag-maand-jaar.' }).optional()),
  contactPreference: z.enum(['email', 'phone', 'letter'], { message: 'Kies hoe we contact met u opnemen.' }),
  /** The language of everything we send (mail, letters); the form itself is Dutch. */
  language: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['nl', 'en'], { message: 'Kies een taal.' }).default('nl')),
  name: text(200).min(1, 'Vul uw naam in.'),
  email: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.email({ message: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.' }).max(254).optional(),
  ),
  phone: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[+()\d\s-]{6,20}$/, 'Vul een geldig telefoonnummer in.')
      .optional(),
  ),
  street: optionalText(200),
  postcode: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\d{4}\s?[A-Za-z]{2}$/, 'Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.')
      .optional(),
  ),
  city: optionalText(100),
  onBehalfOf: z.preprocess((v) => (v === '' || v === 'false' ? false : v === 'true' || v === 'on' ? true : v), z.boolean().default(false)),
  behalfName: optionalText(200),
  behalfRelation: optionalText(100),
  privacyAccepted: z.preprocess(
    (v) => v === 'on' || v === 'true' || v === true,
    z.literal(true, { message: 'Geef aan dat u de privacyverklaring heeft gelezen.' }),
  ),
  /** Honeypot: a field people never see; a filled one means a robot. */
  website: z.string().max(500).optional(),
});
export type ComplaintBody = z.infer<typeof complaintBody>;

export const tokenParams = z.object({ token: z.string().min(1).max(100) });
export const answerBody = z.object({ text: text(10000).min(1, 'Schrijf uw antwoord.') });
export const bookingBody = z.object({ slotId: z.uuid({ message: 'Kies een tijdstip.' }) });
const SCORE = 'Kies een cijfer van 1 tot 5.';
export const surveyBody = z.object({
  score: z.coerce.number({ message: SCORE }).int(SCORE).min(1, SCORE).max(5, SCORE),
  comment: optionalText(2000),
});
