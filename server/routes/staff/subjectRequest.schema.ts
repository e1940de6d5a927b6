import { z } from 'zod';
import { SUBJECT_REQUEST_KINDS } from '../../db/subjectRequestSchema.ts';
import { phoneNumber } from '../phoneField.ts';

/** Names and e-mail addresses go in the body, never in a URL. */
export const subjectLookupBody = z.object({ query: z.string().trim().min(2, 'Typ minstens twee tekens.').max(200) });

export const subjectRequestBody = z
  .object({
    kind: z.enum(SUBJECT_REQUEST_KINDS),
    personId: z.uuid().optional(),
    staffUserId: z.uuid().optional(),
    receivedOn: z.iso.date().optional().meta({ 'x-kf-rule': 'Niet in de toekomst; anders 400.' }),
  })
  .refine((b) => !!b.personId !== !!b.staffUserId, { message: 'Kies één persoon of één medewerker.', path: ['personId'] });

export const extensionBody = z.object({ reason: z.string().trim().min(1, 'Geef de reden van de verlenging.').max(2000) });

const contact = z.string().trim().max(200).nullable().optional();
export const correctionBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  email: z
    .union([z.email().max(254), z.literal('')])
    .nullable()
    .optional(),
  phone: z
    .union([phoneNumber(), z.literal('')])
    .nullable()
    .optional(),
  street: contact,
  postcode: contact,
  city: contact,
});

export const decisionBody = z.object({
  status: z.enum(['granted', 'partlyGranted', 'refused']),
  outcome: z.string().trim().min(1, 'Schrijf op wat de uitkomst is.').max(4000),
});

export const noteOthersDataBody = z.object({ othersData: z.boolean() });
