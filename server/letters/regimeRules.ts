import type { Database } from '../db/connect.ts';
import type { LetterSection } from '../db/schema.ts';
import {
  type ClosingBody,
  closingBodyOf,
  COMMITTEE_ADVICE_DOC,
  committeeName,
  hasAdvisoryCommittee,
  isRegime,
  REGIME_LABELS,
} from '../domain/regimes.ts';
import type { LetterCase } from './mergeData.ts';
import { adviceSection, disputesBodySection, factText, ombudsmanSection, rentTribunalSection } from './templates/shared.ts';
import { type LetterTemplate, type MergeData, type SectionTemplate, theBody } from './templates/types.ts';
import { approvalProblems, type LetterProblem, type RequiredSection } from './validation.ts';

/**
 * What the case's regime requires of its decision letter, whatever template the letter was drafted
 * from (a process may configure another one, and a writer may pick one): the section naming the
 * next body (Awb 9:12 lid 2 the ombudsman, Wkkgz art. 18 the geschilleninstantie, the housing rules
 * the Huurcommissie), and with an advisory committee (Awb 9:15–9:16; housing WON-01) its advice on
 * the case, a section saying whether the decision follows it, and the reason when it does not.
 */
const CLOSING: Record<ClosingBody, SectionTemplate> = {
  ombudsman: ombudsmanSection('Bent u niet tevreden over hoe wij uw klacht hebben behandeld?'),
  disputesBody: disputesBodySection,
  rentTribunal: rentTribunalSection,
};
const CLOSING_BASIS: Record<ClosingBody, string> = {
  ombudsman: 'Awb 9:12 lid 2',
  disputesBody: 'Wkkgz art. 18',
  rentTribunal: 'klachtenreglement woningcorporaties',
};

const regimeName = (regime: string) => (isRegime(regime) ? REGIME_LABELS[regime].nl : regime);
const adviceBasis = (regime: string) => (regime === 'reglement' ? 'klachtenreglement' : 'Awb 9:15 en 9:16');

/** The sections a decision letter needs under this regime (none for other kinds of letter). */
export function regimeSections(regime: string, kind: string, m: MergeData): RequiredSection[] {
  if (kind !== 'decision') return [];
  const body = closingBodyOf(regime);
  const named = body === 'disputesBody' ? m.bodies.disputesBody : m.bodies[body];
  const closing: RequiredSection = {
    section: CLOSING[body],
    why: `Een besluit op een klacht onder ${regimeName(regime)} noemt ${named ? theBody(named) : 'de geschilleninstantie'} (${CLOSING_BASIS[body]}).`,
  };
  if (!hasAdvisoryCommittee(regime)) return [closing];
  const committee = committeeName(regime);
  const advice: RequiredSection = {
    section: adviceSection(committee),
    why: `Een besluit na advies van de ${committee} zegt of het dat advies volgt, en zo niet waarom (${adviceBasis(regime)}).`,
  };
  return [advice, closing];
}

/** "Wij wijken af van dat advies", "Wij volgen het advies niet", "… niet gevolgd". */
const DEPARTS = /\b(?:afwijk\w*|wijk(?:en|t)\b[^.!?]{0,60}?\baf|niet\s+(?:ge)?volg\w*|volg\w*\s+(?:\w+\s+){0,4}?niet)\b/i;

/** The committee's advice: on the case as a document, and a departure from it stated with its reason. */
export function committeeProblems(regime: string, kind: string, sections: LetterSection[], m: MergeData, hasAdvice: boolean) {
  if (kind !== 'decision' || !hasAdvisoryCommittee(regime)) return [];
  const problems: LetterProblem[] = [];
  const committee = committeeName(regime);
  const basis = adviceBasis(regime);
  if (!hasAdvice)
    problems.push({
      section: null,
      field: `documents.${COMMITTEE_ADVICE_DOC}`,
      code: 'committeeAdvice',
      reason: `Het advies van de ${committee} ontbreekt. Voeg het rapport met het advies toe bij de documenten (soort "Advies van de commissie"): het besluit volgt op dat advies, en het advies gaat met de brief mee (${basis}).`,
    });
  if (m.facts.followsAdvice === false) {
    if (!factText(m, 'adviceDepartureReason'))
      problems.push({
        section: null,
        field: 'facts.adviceDepartureReason',
        code: 'adviceDeparture',
        reason: `Het besluit wijkt af van het advies van de ${committee}, maar de reden is niet vastgelegd. Leg de reden vast bij "Advies van de commissie" (${basis}).`,
      });
    const advice = sections.find((s) => s.key === 'advice');
    if (advice?.text.trim() && !DEPARTS.test(advice.text))
      problems.push({
        section: 'advice',
        code: 'adviceDeparture',
        reason: `Het besluit wijkt af van het advies: schrijf dat in dit onderdeel, met de reden (${basis}).`,
      });
  }
  return problems;
}

/** The committee's advice documents on the case, newest first. */
export async function committeeAdviceDocuments(db: Database, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('document')
    .select('id')
    .where('case_id', '=', caseId)
    .where('doc_type', '=', COMMITTEE_ADVICE_DOC)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Everything that stops approval now: the template's rules, and the case's regime's (the case's, not
 * the template's). Shown live in the editor (queries/letters.ts) and enforced by approveLetter.
 */
export async function letterApprovalProblems(
  db: Database,
  kind: string,
  template: LetterTemplate,
  sections: LetterSection[],
  m: LetterCase,
): Promise<LetterProblem[]> {
  const needsAdvice = kind === 'decision' && hasAdvisoryCommittee(m.regime);
  const hasAdvice = needsAdvice ? (await committeeAdviceDocuments(db, m.caseId)).length > 0 : true;
  return [
    ...approvalProblems(template, sections, m, regimeSections(m.regime, kind, m)),
    ...committeeProblems(m.regime, kind, sections, m, hasAdvice),
  ];
}
