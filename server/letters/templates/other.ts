import { factText, contactSection, introSection, ombudsmanSection } from './shared.ts';
import { bodyContact, fillIn, theBody, withLines, type LetterTemplate, type MergeData, type SectionTemplate } from './types.ts';

/**
 * The other letters a complaint may need (legal-requirements §2.6): not handling (Awb 9:8 lid 3),
 * referral to an external body, the extension notice (Awb 9:11 lid 2, Wkkgz 17 lid 2) and the
 * standard response for a non-statutory complaint (seed 000 §4.3).
 */

/**
 * One plain reason per Awb 9:8 ground (the codes of processes/shared.ts). Grounds c and d are
 * worded without "bezwaar" or "beroep" on purpose: the letter must never read as a rechtsmiddelenclausule.
 */
const NOT_HANDLING_REASON: Record<string, string> = {
  handledBefore: 'Wij hebben een klacht over hetzelfde al eerder behandeld. Daarom behandelen wij deze klacht niet opnieuw.',
  olderThanOneYear:
    'Wat u beschrijft, gebeurde meer dan een jaar voordat u uw klacht indiende. Dan hoeven wij de klacht niet te behandelen.',
  objectionPossible:
    'Uw klacht gaat over een besluit van ons. Voor een besluit is er een aparte procedure. Daarom behandelen wij dit niet als klacht.',
  appealPossible: 'Over dit onderwerp beslist de rechter. Daarom behandelen wij dit niet als klacht.',
  beforeCourt: 'Uw klacht ligt nu bij de rechter, of heeft daar gelegen. Daarom behandelen wij dit niet als klacht.',
  criminalInvestigation: 'Over wat u beschrijft loopt een onderzoek van politie of justitie. Daarom behandelen wij uw klacht nu niet.',
  insufficientWeight: `Wij vinden dat uw klacht niet zwaar genoeg weegt om haar apart te behandelen. ${fillIn('leg kort uit waarom.')}`,
};

const reason: SectionTemplate = {
  key: 'reason',
  heading: 'Waarom wij uw klacht niet behandelen',
  mandatory: true,
  draft: (m) => {
    const code = factText(m, 'notHandlingReason');
    return (code && NOT_HANDLING_REASON[code]) || fillIn('de reden. Schrijf korte zinnen.');
  },
};

const notHandlingIntro: SectionTemplate = {
  key: 'intro',
  heading: 'Uw klacht',
  draft: (m) =>
    `Op ${m.receivedDate} hebben wij uw klacht ontvangen. Uw klacht gaat over: ${m.caseSubject}. Wij behandelen deze klacht niet. Hieronder leest u waarom.`,
};

export const notHandlingAwb: LetterTemplate = {
  key: 'notHandling.awb',
  kind: 'notHandling',
  label: 'Klacht niet in behandeling (Awb 9:8)',
  subject: () => 'Wij behandelen uw klacht niet',
  sections: [
    notHandlingIntro,
    reason,
    ombudsmanSection('Bent u het niet eens met ons besluit om uw klacht niet te behandelen?'),
    contactSection,
  ],
};

export const notHandlingGeneral: LetterTemplate = {
  key: 'notHandling.general',
  kind: 'notHandling',
  label: 'Klacht niet in behandeling',
  subject: () => 'Wij behandelen uw klacht niet',
  sections: [notHandlingIntro, reason, contactSection],
};

function referralBodyOf(m: MergeData) {
  switch (factText(m, 'externalBody')) {
    case 'ombudsman':
      return m.bodies.ombudsman;
    case 'rentTribunal':
      return m.bodies.rentTribunal;
    case 'disputesBody':
      return m.bodies.disputesBody;
    default:
      return null;
  }
}

export const referral: LetterTemplate = {
  key: 'referral',
  kind: 'referral',
  label: 'Verwijzing naar een andere instantie',
  subject: () => 'Een andere instantie kan u helpen',
  sections: [
    introSection,
    {
      key: 'referral',
      heading: 'Wie kan u helpen?',
      mandatory: true,
      draft: (m) => {
        const b = referralBodyOf(m);
        if (!b) return fillIn('bij welke instantie de klager terecht kan, en hoe.');
        return withLines(
          `Uw klacht kan het beste worden behandeld door ${theBody(b)}. U kunt uw klacht daar voorleggen.`,
          b.term && `Dit moet ${b.term}.`,
          bodyContact(b) && `\n${bodyContact(b)}`,
        );
      },
      mustContain: (m) => {
        const b = referralBodyOf(m);
        return b ? [[b.name]] : [];
      },
    },
    contactSection,
  ],
};

export const extension: LetterTemplate = {
  key: 'extension',
  kind: 'extension',
  label: 'Verdaging: uw antwoord komt later',
  subject: () => 'Uw antwoord komt later',
  sections: [
    {
      key: 'extension',
      heading: 'Wij hebben meer tijd nodig',
      mandatory: true,
      draft: (m) =>
        `Wij hebben meer tijd nodig om uw klacht goed te behandelen. U krijgt uiterlijk ${m.deadline ?? fillIn('de nieuwe datum')} ons antwoord.`,
      mustContain: (m) => (m.deadline ? [[m.deadline]] : []),
    },
    { key: 'reason', heading: 'Waarom duurt het langer?', mandatory: true, draft: (m) => m.extensionReason ?? fillIn('de reden.') },
    contactSection,
  ],
};

export const standard: LetterTemplate = {
  key: 'standard',
  kind: 'standard',
  label: 'Standaard antwoord',
  subject: () => 'Ons antwoord op uw klacht',
  sections: [
    introSection,
    { key: 'answer', heading: 'Ons antwoord', mandatory: true, draft: () => fillIn('kies een standaardantwoord, of schrijf uw antwoord.') },
    contactSection,
  ],
};
