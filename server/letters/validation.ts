import type { LetterSection } from '../db/schema.ts';
import { PLACEHOLDER, type LetterTemplate, type MergeData, type SectionTemplate } from './templates/types.ts';

/**
 * What approval enforces (AWB-03, AWB-15/16, ZORG-05/07, WON-02): every mandatory section has text,
 * no `[Vul in …]` placeholder is left, the required wording (the body's name, the one-year term) is
 * still there, section checks pass (the oordeel is named), and no section offers bezwaar or beroep.
 *
 * The objection/appeal check looks for a clause, not for the words: "bezwaar" and "beroep" are also
 * ordinary Dutch ("geen bezwaar", "uw beroep", "een beroep doen op"). A clause is a sentence that
 * offers or describes the remedy: making or filing bezwaar/beroep, going "in (hoger) beroep",
 * a bezwaar- or beroepschrift, a bezwaar- or beroepstermijn, a rechtsmiddel, or "bezwaar of beroep".
 */
export type LetterProblem = {
  section: string | null;
  code:
    | 'missingSection'
    | 'emptySection'
    | 'placeholder'
    | 'missingWording'
    | 'check'
    | 'objectionClause'
    | 'committeeAdvice'
    | 'adviceDeparture';
  reason: string;
  /** The field a refusal names when the problem is not in a section (the committee's advice document, a fact). */
  field?: string;
};

/**
 * A section the case's regime requires whatever template the letter was drafted from (the body
 * named after the decision, the committee's advice: regimeRules.ts), with why, for the refusal.
 */
export type RequiredSection = { section: SectionTemplate; why: string };

const CLAUSE_PATTERNS: RegExp[] = [
  /\bbezwaar\s*(?:of|en|\/)\s*(?:in\s+)?(?:hoger\s+)?beroep\b/i,
  /\b(?:bezwaar|beroep)(?:schrift|schriften|termijn|procedure)\w*/i,
  /\brechtsmiddel\w*/i,
  /\bin\s+(?:hoger\s+)?beroep\s+(?:gaan|te\s+gaan|komen|kunt|kan|bij)\b/i,
  /\b(?:kunt|kan|kunnen|mag|mogen|moet)\b[^.!?]{0,60}?\bin\s+(?:hoger\s+)?beroep\b/i,
  /\b(?:bezwaar|beroep)\s+(?:\w+\s+){0,3}?(?:maken|instellen|indienen|aantekenen|aan\s*tekenen)\b/i,
  /\b(?:maakt|maken|stelt|instellen|dient|indienen|tekent)\s+(?:u\s+)?(?:\w+\s+){0,2}?(?:bezwaar|beroep)\b(?!\s+(?:doen|gedaan)\s+op)/i,
  /\b(?:tegen|op)\s+(?:dit|deze|ons|onze)\s+(?:besluit|beslissing|oordeel|brief|uitspraak)\b[^.!?]{0,60}?\b(?:bezwaar|beroep)\b/i,
];
/** "een beroep doen op" (to call on someone) is never a clause. */
const INNOCENT = /\bberoep\s+(?:te\s+)?(?:doen|gedaan|deed)\s+op\b|\bdoen\s+(?:\w+\s+){0,3}?(?:een\s+)?beroep\s+op\b/i;

export type ClauseHit = { sentence: string };

export function findObjectionClauses(text: string): ClauseHit[] {
  const hits: ClauseHit[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const s = sentence.trim();
    if (!s || !/\b(bezwaar|beroep|rechtsmiddel)/i.test(s)) continue;
    const cleaned = s.replace(INNOCENT, ' ');
    if (CLAUSE_PATTERNS.some((p) => p.test(cleaned))) hits.push({ sentence: s });
  }
  return hits;
}

const contains = (text: string, phrase: string) => text.toLocaleLowerCase('nl').includes(phrase.toLocaleLowerCase('nl'));

/**
 * Every reason the letter may not be approved yet; empty when it may. Also shown live in the editor.
 * `required`: sections the case's regime requires; those the template lacks are checked as its own.
 */
export function approvalProblems(
  template: LetterTemplate,
  sections: LetterSection[],
  m: MergeData,
  required: readonly RequiredSection[] = [],
): LetterProblem[] {
  const problems: LetterProblem[] = [];
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const own = new Set(template.sections.map((d) => d.key));
  const defs = [
    ...template.sections.map((def) => ({ def, why: null as string | null })),
    ...required.filter((r) => !own.has(r.section.key)).map((r) => ({ def: r.section, why: r.why })),
  ];
  for (const { def, why } of defs) {
    const s = byKey.get(def.key);
    const text = s?.text.trim() ?? '';
    if (def.mandatory && !s) {
      const reason = why
        ? `Het onderdeel "${def.heading}" ontbreekt. ${why} Het sjabloon "${template.label}" heeft dit onderdeel niet: maak een nieuwe brief met het sjabloon voor deze regeling.`
        : `Het onderdeel "${def.heading}" ontbreekt.`;
      problems.push({ section: def.key, code: 'missingSection', reason });
      continue;
    }
    if (def.mandatory && !text) {
      problems.push({ section: def.key, code: 'emptySection', reason: `Het onderdeel "${s?.heading || def.heading}" is leeg.` });
      continue;
    }
    if (!text) continue;
    if (def.mustContain) {
      for (const alternatives of def.mustContain(m)) {
        if (!alternatives.some((a) => contains(text, a))) {
          problems.push({ section: def.key, code: 'missingWording', reason: `"${s!.heading}" moet "${alternatives[0]}" noemen.` });
        }
      }
    }
    if (def.check && !def.check.pattern.test(text)) problems.push({ section: def.key, code: 'check', reason: def.check.reason });
  }
  for (const s of sections) {
    if (PLACEHOLDER.test(s.text) || PLACEHOLDER.test(s.heading)) {
      problems.push({ section: s.key, code: 'placeholder', reason: `Vul "${s.heading}" eerst aan: er staat nog "[Vul in …]".` });
    }
    for (const hit of findObjectionClauses(`${s.heading}\n${s.text}`)) {
      problems.push({
        section: s.key,
        code: 'objectionClause',
        reason: `Tegen een besluit op een klacht staat geen bezwaar of beroep open (Awb 9:3). Haal deze zin weg: "${hit.sentence}"`,
      });
    }
  }
  return problems;
}
