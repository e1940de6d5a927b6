import { z } from 'zod';
import { phoneNumber } from '../phoneField.ts';
import { nl, type PortalTexts } from './pages/texts.nl.ts';

/**
 * The complaint form's schema, with its messages in the citizen's language (pages/texts.*.ts): the
 * portal pages use the visitor's, the JSON API the Dutch ones. Field names match the form's input
 * names so errors land at their fields.
 */
type Messages = Pick<
  PortalTexts,
  | 'errMaxLength'
  | 'errKind'
  | 'errSubject'
  | 'errDescription'
  | 'errDate'
  | 'errContactPreference'
  | 'errLanguage'
  | 'errName'
  | 'errEmailInvalid'
  | 'errPhoneInvalid'
  | 'errPostcodeInvalid'
  | 'errPrivacy'
  | 'errAnswer'
  | 'errScore'
>;
const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);

function schemasIn(m: Messages) {
  const text = (max: number) => z.string().trim().max(max, m.errMaxLength(max));
  const optionalText = (max: number) => z.preprocess(blankIsAbsent, text(max).optional());
  const complaint = z.object({
    kind: z.enum(['complaint', 'report', 'request'], { message: m.errKind }).meta({
      'x-kf-rule': 'Alleen complaint wordt hier aangenomen; report en request krijgen 400 met waar het wel kan (notAComplaint).',
    }),
    subject: text(200).min(3, m.errSubject),
    description: text(10000).min(10, m.errDescription),
    incidentDate: z.preprocess(blankIsAbsent, z.iso.date({ message: m.errDate }).optional()),
    contactPreference: z.enum(['email', 'phone', 'letter'], { message: m.errContactPreference }),
    /** The language of everything we send (mail, letters) and of the portal's pages about the case. */
    language: z.preprocess(blankIsAbsent, z.enum(['nl', 'en'], { message: m.errLanguage }).default('nl')),
    name: text(200).min(1, m.errName),
    email: z.preprocess(blankIsAbsent, z.email({ message: m.errEmailInvalid }).max(254).optional()),
    /** Dutch unless it starts with + or 00 and a country code; stored as E.164 (commands/caseRegistrar.ts). */
    phone: z.preprocess(blankIsAbsent, phoneNumber(m.errPhoneInvalid).optional()),
    street: optionalText(200),
    postcode: z.preprocess(
      blankIsAbsent,
      z
        .string()
        .trim()
        .regex(/^\d{4}\s?[A-Za-z]{2}$/, m.errPostcodeInvalid)
        .optional(),
    ),
    city: optionalText(100),
    onBehalfOf: z.preprocess(
      (v) => (v === '' || v === 'false' ? false : v === 'true' || v === 'on' ? true : v),
      z.boolean().default(false),
    ),
    behalfName: optionalText(200).meta({ 'x-kf-rule': 'Verplicht als onBehalfOf waar is; anders 400.' }),
    behalfRelation: optionalText(100).meta({ 'x-kf-rule': 'Verplicht als onBehalfOf waar is; anders 400.' }),
    privacyAccepted: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.literal(true, { message: m.errPrivacy })),
    /** Honeypot: a field people never see; a filled one means a robot. */
    website: z.string().max(500).optional().meta({ 'x-kf-rule': 'Blijft leeg: een ingevuld veld (spam) krijgt 400 (honeypot).' }),
  });
  const answer = z.object({ text: text(10000).min(1, m.errAnswer) });
  const survey = z.object({
    score: z.coerce.number({ message: m.errScore }).int(m.errScore).min(1, m.errScore).max(5, m.errScore),
    comment: optionalText(2000),
  });
  return { complaint, answer, survey };
}

export type PortalSchemas = ReturnType<typeof schemasIn>;
const built = new WeakMap<Messages, PortalSchemas>();

/** The schemas with the messages of these texts (the visitor's language, the organisation's wording). */
export function portalSchemas(m: Messages): PortalSchemas {
  let s = built.get(m);
  if (!s) {
    s = schemasIn(m);
    built.set(m, s);
  }
  return s;
}

const dutch = portalSchemas(nl);
export const complaintBody = dutch.complaint;
export type ComplaintBody = z.infer<typeof complaintBody>;

export const tokenParams = z.object({ token: z.string().min(1).max(100) });
export const answerBody = dutch.answer;
export const bookingBody = z.object({ slotId: z.uuid({ message: 'Kies een tijdstip.' }) });
export const surveyBody = dutch.survey;

/** A text in both languages, as a process definition holds it. */
const bilingual = z.object({ nl: z.string(), en: z.string() });

/** GET /portal/settings: what the form shows around its fields. */
export const portalSettingsOut = z.object({
  organisation: z.string(),
  contact: z.object({ email: z.string().optional(), phone: z.string().optional(), website: z.string().optional() }),
  privacyStatement: z.string(),
  otherRequestsUrl: z.string().nullable(),
  steps: z.array(z.object({ key: z.string(), label: bilingual })),
  attachments: z.object({ maxBytes: z.number().int(), allowedTypes: z.array(z.string()) }),
  logo: z.object({ url: z.string(), alt: z.string() }).nullable(),
});

/** GET /portal/cases/{token}: the complainant's track-and-trace (presenters/portal/trackingPresenter.ts). */
export const trackingOut = z.object({
  reference: z.string(),
  subject: z.string(),
  receivedAt: z.iso.datetime(),
  onBehalfOf: z.string().nullable().describe('De klager, als een vertegenwoordiger de klacht volgt.'),
  status: z.object({ label: bilingual, step: z.string(), closed: z.boolean() }),
  steps: z.array(
    z.object({
      key: z.string(),
      label: bilingual,
      state: z.enum(['done', 'current', 'upcoming', 'skipped', 'notHeld']),
      reachedAt: z.iso.datetime().nullable(),
    }),
  ),
  expectedBy: z.iso.date().nullable().describe('De dag waarop de klacht uiterlijk is afgehandeld; null als zij is afgesloten.'),
  handler: z.object({
    name: z.string().nullable(),
    jobTitle: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  informationRequest: z.object({ question: z.string(), requestedAt: z.iso.datetime() }).nullable(),
  hearing: z
    .object({
      bookable: z.boolean(),
      bookingEnded: z.boolean(),
      slots: z.array(
        z.object({ id: z.uuid(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), location: z.string(), booked: z.boolean() }),
      ),
    })
    .nullable(),
  messages: z.array(z.object({ direction: z.literal('in'), channel: z.string(), subject: z.string(), at: z.iso.datetime() })),
  survey: z.object({ answered: z.boolean() }).nullable(),
});
