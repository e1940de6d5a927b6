import type { FactKey } from '../../domain/process/vocabulary.ts';
import {
  adviceSection,
  contactSection,
  disputesBodySection,
  factText,
  introSection,
  ombudsmanSection,
  rentTribunalSection,
} from './shared.ts';
import { fillIn, withLines, type LetterTemplate, type MergeData, type SectionTemplate } from './types.ts';

/**
 * The decision letter (afhandelingsbrief, Awb 9:12; Wkkgz art. 17; housing reglement). Its core is
 * the same everywhere: what we looked into (findings), what we think (judgment, with reasons) and
 * what we will do (conclusions). The closing section names the next body and differs per regime.
 */
const JUDGMENT_TEXT: Record<string, string> = {
  founded: 'Wij vinden uw klacht gegrond. Dat betekent: u heeft gelijk. Het spijt ons dat dit is gebeurd.',
  partlyFounded: 'Wij vinden uw klacht deels gegrond. Dat betekent: u heeft voor een deel gelijk. Het spijt ons dat dit deel is gebeurd.',
  unfounded: 'Wij vinden uw klacht ongegrond. Dat betekent: wij vinden niet dat wij iets verkeerd hebben gedaan.',
  noJudgment: 'Wij geven geen oordeel over uw klacht.',
};

const findings: SectionTemplate = {
  key: 'findings',
  heading: 'Wat wij hebben onderzocht',
  mandatory: true,
  draft: () => fillIn('wat u heeft onderzocht en wat u heeft gevonden. Schrijf korte zinnen.'),
};

const judgment: SectionTemplate = {
  key: 'judgment',
  heading: 'Ons oordeel',
  mandatory: true,
  draft: (m: MergeData) => {
    const code = factText(m, 'judgment');
    const reasons = factText(m, 'judgmentReasons');
    return withLines(
      (code && JUDGMENT_TEXT[code]) || fillIn('gegrond, deels gegrond, ongegrond of geen oordeel.'),
      `\nWaarom vinden wij dit? ${reasons ?? fillIn('de reden.')}`,
    );
  },
  check: {
    pattern: /\b(gegrond|ongegrond|geen oordeel)\b/i,
    reason: 'Noem het oordeel: gegrond, deels gegrond, ongegrond of geen oordeel.',
  },
};

const conclusions = (heading: string, prefillKey?: FactKey): SectionTemplate => ({
  key: 'conclusions',
  heading,
  mandatory: true,
  draft: (m) =>
    (prefillKey && factText(m, prefillKey)) ||
    fillIn('wat wij gaan doen of al hebben gedaan. Of schrijf dat er niets verandert, en waarom.'),
});

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';

/** Wkkgz art. 17 lid 1: the notice names the term within which the measures will be realised (ZORG-05). */
const measuresTerm: SectionTemplate = {
  key: 'measuresTerm',
  heading: 'Wanneer is dit klaar?',
  mandatory: true,
  draft: () => fillIn('de datum waarop de maatregelen klaar zijn. Bijvoorbeeld: Dit is klaar vóór 1 juni 2026.'),
  check: {
    pattern: new RegExp(`\\b\\d{1,2}[ -](${MONTHS}|\\d{1,2})\\b|\\b(week|weken|maand|maanden)\\b`, 'i'),
    reason: 'Noem wanneer de maatregelen klaar zijn: een datum of een termijn (Wkkgz art. 17).',
  },
};

const subject = () => 'Ons antwoord op uw klacht';

export const decisionAwb: LetterTemplate = {
  key: 'decision.awb',
  kind: 'decision',
  label: 'Afhandelingsbrief (Awb)',
  subject,
  sections: [
    introSection,
    findings,
    judgment,
    conclusions('Wat wij gaan doen'),
    ombudsmanSection('Bent u niet tevreden over hoe wij uw klacht hebben behandeld?'),
    contactSection,
  ],
};

/** Awb afd. 9.1.3: the same letter, with what the decision does with the committee's advice (Awb 9:16). */
export const decisionAwbCommittee: LetterTemplate = {
  key: 'decision.awbCommittee',
  kind: 'decision',
  label: 'Afhandelingsbrief (Awb, met klachtadviescommissie)',
  subject,
  sections: [
    introSection,
    findings,
    judgment,
    conclusions('Wat wij gaan doen'),
    adviceSection('klachtadviescommissie'),
    ombudsmanSection('Bent u niet tevreden over hoe wij uw klacht hebben behandeld?'),
    contactSection,
  ],
};

export const decisionCare: LetterTemplate = {
  key: 'decision.care',
  kind: 'decision',
  label: 'Besluit op uw klacht (Wkkgz)',
  subject,
  sections: [
    introSection,
    findings,
    judgment,
    conclusions('Wat wij hebben besloten', 'remedy'),
    measuresTerm,
    disputesBodySection,
    contactSection,
  ],
};

export const decisionHousing: LetterTemplate = {
  key: 'decision.housing',
  kind: 'decision',
  label: 'Besluit op uw klacht (woningcorporatie)',
  subject,
  // The klachtencommissie advises the board (WON-01); the board's decision says what it does with that advice.
  sections: [
    introSection,
    findings,
    judgment,
    conclusions('Wat wij gaan doen'),
    adviceSection('klachtencommissie'),
    rentTribunalSection,
    contactSection,
  ],
};
