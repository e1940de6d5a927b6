import type { Organisation } from '../config/organisation.ts';
import type { ProcessDefinition } from '../domain/process/definition.ts';
import type { StepPlan } from '../letters/compose.ts';
import type { MailLanguage } from '../mail/render.ts';

/**
 * The step plan on paper, in the complainant's language: the process definition's citizen steps
 * (the same ones the tracking page shows), the answer date, and how to follow the complaint.
 */
const TEXTS = {
  nl: {
    title: 'Zo behandelen we uw klacht',
    intro: (reference: string, deadline: string) =>
      `Uw nummer is ${reference}. Dit zijn de stappen. U krijgt uiterlijk ${deadline} een antwoord. Bewaar dit blad.`,
    followTitle: 'Zo volgt u uw klacht',
    phone: (phone: string) => `Bel ons op ${phone}. Noem uw nummer.`,
    link: 'Of ga naar deze link. U kunt ook de QR-code scannen met uw telefoon:',
    alt: (url: string) => `QR-code met de link naar uw klacht: ${url}`,
  },
  en: {
    title: 'How we handle your complaint',
    intro: (reference: string, deadline: string) =>
      `Your reference is ${reference}. These are the steps. You will get an answer by ${deadline} at the latest. Keep this page.`,
    followTitle: 'How to follow your complaint',
    phone: (phone: string) => `Call us on ${phone}. Give your reference.`,
    link: 'Or go to this link. You can also scan the QR code with your phone:',
    alt: (url: string) => `QR code with the link to your complaint: ${url}`,
  },
} as const;

export function stepPlanFor(
  org: Organisation,
  def: Pick<ProcessDefinition, 'citizenSteps'> | undefined,
  m: { language: MailLanguage; reference: string; shortUrl: string; deadline: string },
): StepPlan {
  const t = TEXTS[m.language];
  const phone = org.letterhead?.phone ?? org.contact.phone;
  return {
    title: t.title,
    intro: t.intro(m.reference, m.deadline),
    steps: (def?.citizenSteps ?? []).map((s) => (m.language === 'en' ? (s.label.en ?? s.label.nl) : s.label.nl)),
    followTitle: t.followTitle,
    followLines: [...(phone ? [t.phone(phone)] : []), t.link, m.shortUrl],
    qr: { text: m.shortUrl, alt: t.alt(m.shortUrl) },
  };
}
