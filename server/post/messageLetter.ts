import type { Organisation } from '../config/organisation.ts';
import { letterheadOf, type LetterPdfInput, type StepPlan } from '../letters/compose.ts';
import type { MailLanguage, RenderedMail } from '../mail/render.ts';

/**
 * A message to a complainant as a letter on paper: the same text they would have had by e-mail
 * (one source of wording), laid out on the organisation's letterhead. The mail's greeting becomes
 * the salutation and its closing the signature.
 */
const GREETING = /^(Met vriendelijke groet|Kind regards),?$/;
/** A line that only makes sense in an e-mail ("U kunt ook antwoorden op deze e-mail."): left off paper. */
const EMAIL_ONLY = /^(U kunt ook antwoorden op deze e-mail|You can also reply to this e-mail)\.?$/;

export const letterDate = (d: Date, language: MailLanguage) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(d);

export function letterFromMessage(
  org: Organisation,
  mail: RenderedMail,
  m: {
    reference: string;
    recipient: { name: string; addressLines: string[] };
    date: Date;
    language: MailLanguage;
    stepPlan?: StepPlan;
    qr?: LetterPdfInput['qr'];
  },
): LetterPdfInput {
  const paragraphs = mail.text
    .split(/\n{2,}/)
    .map((p) =>
      p
        .split('\n')
        .filter((line) => !EMAIL_ONLY.test(line.trim()))
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
  const salutation = paragraphs[0] ?? '';
  const closing = paragraphs.findIndex((p) => GREETING.test(p.split('\n')[0]!.trim()));
  const bodyParagraphs = paragraphs.slice(1, closing < 0 ? undefined : closing);
  const signatureLines = closing < 0 ? [] : paragraphs[closing]!.split('\n').map((l) => l.trim());
  const letterhead = letterheadOf(org);
  const { name, phone } = letterhead;
  const en = m.language === 'en';
  return {
    title: mail.subject,
    subject: mail.subject.replace(/\s*\([^)]*\)$/, ''),
    letterhead,
    recipient: m.recipient,
    meta: [
      { label: en ? 'Date' : 'Datum', value: letterDate(m.date, m.language) },
      { label: en ? 'Our reference' : 'Ons nummer', value: m.reference },
      ...(phone ? [{ label: en ? 'Phone' : 'Telefoon', value: phone }] : []),
    ],
    salutation,
    sections: [{ key: 'message', heading: '', text: bodyParagraphs.join('\n\n') }],
    signature: {
      greeting: signatureLines[0] ?? (en ? 'Kind regards,' : 'Met vriendelijke groet,'),
      name: signatureLines[1] ?? name,
      title: null,
      organisation: signatureLines.slice(2).join('\n'),
    },
    reference: m.reference,
    date: m.date,
    draft: false,
    language: m.language,
    stepPlan: m.stepPlan,
    qr: m.qr,
  };
}
