import type { Organisation } from '../config/organisation.ts';
import type { LetterSection } from '../db/schema.ts';
import { checkReadability, type ReadabilityOptions, type ReadabilityReport } from '../domain/readability/checkText.ts';
import type { LetterTemplate } from './templates/types.ts';

/**
 * Plain language for letters (TAAL-01…06, legal-requirements §8), computed for every version and
 * stored with it, so a reviewer sees how readable the text was that they approved. It only warns:
 * the organisation's Flesch-Douma level is advice, and legally required wording (the closing
 * section that names the ombudsman or another body) is left out of the warnings entirely, because
 * a writer must not be nudged into rewording what the law asks for.
 */
export type LetterWarning = {
  code: 'belowThreshold' | 'sectionBelowLevel' | 'longSentence' | 'difficultWord' | 'passive';
  section: string | null;
  message: string;
};

export type SectionReadability = {
  key: string;
  /** True for legally required sections: measured, but never warned about. */
  excluded: boolean;
  scores: ReadabilityReport['scores'];
  avgWordsPerSentence: number;
  /** This section alone misses the organisation's level (never for a legally required section). */
  belowLevel: boolean;
  longSentences: ReadabilityReport['longSentences'];
  difficultWords: ReadabilityReport['difficultWords'];
  passiveHints: ReadabilityReport['passiveHints'];
};

export type LetterReadability = {
  level: Organisation['plainLanguage']['level'];
  scores: ReadabilityReport['scores'];
  counts: ReadabilityReport['counts'];
  threshold: number;
  maxAverageSentenceWords: number | null;
  belowThreshold: boolean;
  sections: SectionReadability[];
  warnings: LetterWarning[];
};

export function readabilityOptions(org: Organisation): ReadabilityOptions {
  const p = org.plainLanguage;
  return {
    thresholdFleschDouma: p.minFleschDouma,
    maxAverageSentenceWords: p.maxAverageSentenceWords,
    maxSentenceWords: p.maxSentenceWords,
    extraWords: p.extraWords,
    ignoreWords: p.ignoreWords,
  };
}

/** The live check of the editor: one text, the organisation's settings. */
export function checkLetterText(text: string, org: Organisation): ReadabilityReport {
  return checkReadability(withoutPlaceholders(text), readabilityOptions(org));
}

// Placeholders are instructions to the writer, not letter text; they would skew the scores.
const withoutPlaceholders = (text: string) => text.replace(/\[Vul in[^\]]*\]/gi, ' ');

export function letterReadability(sections: LetterSection[], template: LetterTemplate, org: Organisation): LetterReadability {
  const options = readabilityOptions(org);
  const level = org.plainLanguage.level;
  const legal = new Set(template.sections.filter((s) => s.legal).map((s) => s.key));
  const perSection: SectionReadability[] = [];
  const warnings: LetterWarning[] = [];
  const measured: string[] = [];
  for (const s of sections) {
    const text = withoutPlaceholders(s.text);
    const r = checkReadability(text, options);
    const excluded = legal.has(s.key);
    if (excluded) {
      perSection.push({
        key: s.key,
        excluded,
        scores: r.scores,
        avgWordsPerSentence: r.counts.avgWordsPerSentence,
        belowLevel: false,
        longSentences: [],
        difficultWords: [],
        passiveHints: [],
      });
      continue;
    }
    if (text.trim()) measured.push(text);
    perSection.push({
      key: s.key,
      excluded,
      scores: r.scores,
      avgWordsPerSentence: r.counts.avgWordsPerSentence,
      belowLevel: r.belowThreshold,
      longSentences: r.longSentences,
      difficultWords: r.difficultWords,
      passiveHints: r.passiveHints,
    });
    if (r.belowThreshold)
      warnings.push({
        code: 'sectionBelowLevel',
        section: s.key,
        message: `"${s.heading}" is moeilijk te lezen voor taalniveau ${level} (Flesch-Douma ${r.scores.fleschDouma}, gemiddeld ${r.counts.avgWordsPerSentence} woorden per zin; de norm is ${r.threshold} en hoogstens ${r.maxAverageSentenceWords}).`,
      });
    for (const l of r.longSentences)
      warnings.push({
        code: 'longSentence',
        section: s.key,
        message: `Lange zin (${l.words} woorden) in "${s.heading}": maak er twee zinnen van.`,
      });
    for (const w of r.difficultWords)
      warnings.push({
        code: 'difficultWord',
        section: s.key,
        message: `"${w.word}" in "${s.heading}": schrijf liever ${w.suggestions.map((x) => `"${x}"`).join(' of ')}.`,
      });
    for (const p of r.passiveHints)
      warnings.push({
        code: 'passive',
        section: s.key,
        message: `"${p.auxiliary} … ${p.participle}" in "${s.heading}": zeg wie het doet ("wij …").`,
      });
  }
  const overall = checkReadability(measured.join('\n\n'), options);
  if (overall.belowThreshold) {
    warnings.unshift({
      code: 'belowThreshold',
      section: null,
      message: `De brief is moeilijk te lezen voor taalniveau ${level} (Flesch-Douma ${overall.scores.fleschDouma}, gemiddeld ${overall.counts.avgWordsPerSentence} woorden per zin; de norm is ${overall.threshold} en hoogstens ${overall.maxAverageSentenceWords}). Schrijf kortere zinnen en kortere woorden.`,
    });
  }
  return {
    level,
    scores: overall.scores,
    counts: overall.counts,
    threshold: overall.threshold,
    maxAverageSentenceWords: overall.maxAverageSentenceWords,
    belowThreshold: overall.belowThreshold,
    sections: perSection,
    warnings,
  };
}
