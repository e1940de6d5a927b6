import type { Organisation } from '../config/organisation.ts';
import type { LetterSection, LetterStatus } from '../db/schema.ts';
import { longDate } from './templates/shared.ts';
import type { LetterTemplate, MergeData } from './templates/types.ts';

/**
 * What the PDF shows, assembled from the organisation, the case and one version of the letter.
 * Kept apart from the drawing in pdf.ts so the content is testable without reading a PDF.
 */
export type LetterPdfInput = {
  /** The document title (PDF metadata, shown by readers): subject and reference. */
  title: string;
  subject: string;
  letterhead: {
    name: string;
    addressLines: string[];
    phone?: string;
    email?: string;
    website?: string;
    logoPath?: string;
    accentColour: string;
  };
  recipient: { name: string; addressLines: string[] };
  meta: Array<{ label: string; value: string }>;
  salutation: string;
  sections: LetterSection[];
  signature: { greeting: string; name: string; title: string | null; organisation: string };
  reference: string;
  /** The letter's date, also the PDF's creation date. */
  date: Date;
  /** A "Concept" mark on every page until the letter is approved. */
  draft: boolean;
  /** The recipient's language (page footer, document language); Dutch when absent. */
  language?: 'nl' | 'en';
  /** The confirmation on paper: a one-page step plan with how to follow the complaint (pdfStepPlan.ts). */
  stepPlan?: StepPlan;
  /** A short link on paper as a QR code under the text (the survey invitation), with its text alternative. */
  qr?: { text: string; alt: string };
};

export type StepPlan = {
  title: string;
  intro: string;
  steps: string[];
  followTitle: string;
  /** Lines under "how to follow": phone, the short link. */
  followLines: string[];
  /** The short tracking link the QR code holds, and the QR code's text alternative. */
  qr: { text: string; alt: string };
};

/** The organisation's letterhead, completed from its name and contact details: one for every letter. */
export function letterheadOf(org: Organisation): LetterPdfInput['letterhead'] {
  const lh = org.letterhead;
  return {
    name: lh?.name ?? org.name,
    addressLines: lh?.addressLines ?? [],
    phone: lh?.phone ?? org.contact.phone,
    email: lh?.email ?? org.contact.email,
    website: lh?.website ?? org.contact.website,
    logoPath: lh?.logoPath,
    accentColour: lh?.accentColour ?? '#1f4e79',
  };
}

export function composeLetter(
  org: Organisation,
  merge: MergeData,
  template: LetterTemplate,
  letter: { status: LetterStatus; signer_name: string | null; signer_title: string | null },
  sections: LetterSection[],
  opts: { date: Date; fallbackSignerName: string | null },
): LetterPdfInput {
  const letterhead = letterheadOf(org);
  const { name, phone } = letterhead;
  const signerName = letter.signer_name ?? opts.fallbackSignerName ?? 'Nog niet gekozen';
  const meta = [
    { label: 'Datum', value: longDate(opts.date) },
    { label: 'Ons nummer', value: merge.caseReference },
    { label: 'Contactpersoon', value: signerName },
    ...(phone ? [{ label: 'Telefoon', value: phone }] : []),
  ];
  return {
    title: `${template.subject(merge)} (${merge.caseReference})`,
    subject: template.subject(merge),
    letterhead,
    recipient: merge.recipient,
    meta,
    salutation: `Beste ${merge.recipient.name},`,
    sections: sections.filter((s) => s.text.trim() !== ''),
    signature: { greeting: 'Met vriendelijke groet,', name: signerName, title: letter.signer_title, organisation: name },
    reference: merge.caseReference,
    date: opts.date,
    draft: letter.status === 'draft' || letter.status === 'inReview',
  };
}
