import { z } from 'zod';
import type { PostalItemRow } from '../../queries/postalItems.ts';

/** A letter in the "to post" list as the staff app shows it: what it is, for whom, where to. */
const label = z.object({ nl: z.string(), en: z.string() });
export const postalItemOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  what: label,
  recipientName: z.string(),
  /** For the representative (family carer): the complainant it is about. */
  onBehalfOf: z.string().nullable(),
  addressLines: z.array(z.string()),
  /** No street or postcode: staff must find the address (or hand the letter over) before posting. */
  addressMissing: z.boolean(),
  documentId: z.uuid(),
  filename: z.string(),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  postedBy: z.string().nullable(),
});

const WHAT: Record<string, { nl: string; en: string }> = {
  confirmation: { nl: 'Ontvangstbevestiging met stappenplan', en: 'Confirmation with step plan' },
  acknowledgment: { nl: 'Bevestiging: we behandelen de klacht', en: 'Acknowledgment: we are handling the complaint' },
  informationRequest: { nl: 'Vraag om informatie', en: 'Request for information' },
  autoClose: { nl: 'Klacht gesloten (geen informatie)', en: 'Complaint closed (no information)' },
  cancellation: { nl: 'Klacht gestopt', en: 'Complaint stopped' },
  extensionNotice: { nl: 'Uitstel van het antwoord', en: 'Answer postponed' },
  hearingInvitation: { nl: 'Uitnodiging voor een gesprek', en: 'Invitation to a hearing' },
  hearingConfirmation: { nl: 'Bevestiging van het gesprek', en: 'Hearing confirmed' },
  informalConfirmation: { nl: 'Samenvatting van het gesprek', en: 'Summary of the conversation' },
  surveyInvitation: { nl: 'Vragenlijst', en: 'Survey' },
  'letter:decision': { nl: 'Afhandelingsbrief', en: 'Decision letter' },
  'letter:notHandling': { nl: 'Brief: klacht niet in behandeling', en: 'Letter: complaint not handled' },
  'letter:referral': { nl: 'Verwijzing', en: 'Referral' },
  'letter:extension': { nl: 'Verdagingsbrief', en: 'Extension letter' },
  'letter:standard': { nl: 'Antwoordbrief', en: 'Response letter' },
};

export function presentPostalItem(r: PostalItemRow): z.infer<typeof postalItemOut> {
  const rep = r.r_name !== null;
  const street = rep ? r.r_street : r.c_street;
  const place = [rep ? r.r_postcode : r.c_postcode, rep ? r.r_city : r.c_city].filter(Boolean).join(' ');
  const key = r.letter_kind ? `letter:${r.letter_kind}` : r.template_key;
  return {
    id: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    what: WHAT[key] ?? { nl: 'Brief', en: 'Letter' },
    recipientName: rep ? r.r_name! : r.c_name,
    onBehalfOf: rep ? r.c_name : null,
    addressLines: [street, place].filter((l): l is string => !!l),
    addressMissing: !street || !place,
    documentId: r.document_id,
    filename: r.filename,
    createdAt: r.created_at.toISOString(),
    postedAt: r.posted_at?.toISOString() ?? null,
    postedBy: r.posted_by_name,
  };
}
