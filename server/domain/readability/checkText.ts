/**
 * Plain-language (B1) check for Dutch text: the entry point for the letter editor, the send step
 * and the citizen portal's texts (TAAL-01 … TAAL-03, TAAL-06; legal-requirements.md §8).
 *
 * It only reports. Nothing here throws on odd input or refuses a text: there is no statutory B1
 * rule, the formulas do not map to B1 officially, and legally required wording (e.g. the Awb 9:12
 * conclusions) must never be blocked by a readability score (§8 "Thresholds"). The organisation
 * chooses a warning threshold; `belowThreshold` is advice for the UI.
 */
import { countSyllables } from './dutchSyllables.ts';
import { findPassiveHints, type PassiveHint } from './passiveHints.ts';
import { brouwer, DEFAULT_FLESCH_DOUMA_THRESHOLD, doumaBand, fleschDouma, type DoumaBand } from './scores.ts';
import { splitSentences } from './sentences.ts';
import { stripMarkup } from './stripMarkup.ts';
import { createWordMatcher, defaultWordMatcher, type DifficultWord, type WordEntry } from './wordList.ts';

export type ReadabilityOptions = {
  /** A sentence with more words than this is reported as long. Default 20 (§8: "over 20 words"). */
  maxSentenceWords?: number;
  /** Warn when Flesch–Douma is below this. Default 60 ("normaal", §8). */
  thresholdFleschDouma?: number;
  /** Warn when the average sentence is longer than this many words (B1: 15, A2: 12). None by default. */
  maxAverageSentenceWords?: number;
  /** The organisation's own entries, added to (or replacing) the bundled word list. */
  extraWords?: readonly WordEntry[];
  /** Forms of the bundled list the organisation does not want flagged. */
  ignoreWords?: readonly string[];
};

export type LongSentence = { index: number; text: string; words: number; offset: number; length: number };

export type ReadabilityReport = {
  /** Scores are null when the text has no words; rounded to one decimal. */
  scores: { fleschDouma: number | null; brouwer: number | null; band: DoumaBand | null };
  counts: {
    sentences: number;
    words: number;
    syllables: number;
    avgWordsPerSentence: number;
    /** Share (0–1) of sentences longer than maxSentenceWords. */
    longSentenceShare: number;
  };
  longSentences: LongSentence[];
  difficultWords: DifficultWord[];
  passiveHints: PassiveHint[];
  threshold: number;
  /** The ceiling for the average sentence, or null when none was asked for. */
  maxAverageSentenceWords: number | null;
  /** Below the Flesch-Douma threshold, or sentences longer on average than the ceiling. */
  belowThreshold: boolean;
};

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Checks plain text. Offsets in the report are offsets into `text`. */
export function checkReadability(text: string, options: ReadabilityOptions = {}): ReadabilityReport {
  const input = typeof text === 'string' ? text : '';
  const maxWords = positiveOr(options.maxSentenceWords, 20);
  const threshold = finiteOr(options.thresholdFleschDouma, DEFAULT_FLESCH_DOUMA_THRESHOLD);
  const maxAverage = positiveOr(options.maxAverageSentenceWords, Number.POSITIVE_INFINITY);
  const custom = (options.extraWords?.length ?? 0) > 0 || (options.ignoreWords?.length ?? 0) > 0;
  const matcher = custom ? createWordMatcher(options.extraWords, options.ignoreWords) : defaultWordMatcher();

  const sentences = splitSentences(input);
  let words = 0;
  let syllables = 0;
  for (const s of sentences) {
    words += s.words.length;
    for (const w of s.words) syllables += countSyllables(w.text);
  }
  const counts = { words, sentences: sentences.length, syllables };
  const fd = fleschDouma(counts);
  const br = brouwer(counts);

  const longSentences = sentences
    .filter((s) => s.words.length > maxWords)
    .map((s) => ({ index: s.index, text: s.text, words: s.words.length, offset: s.start, length: s.end - s.start }));

  const average = sentences.length ? words / sentences.length : 0;
  return {
    scores: {
      fleschDouma: fd === null ? null : round1(fd),
      brouwer: br === null ? null : round1(br),
      band: fd === null ? null : doumaBand(fd),
    },
    counts: {
      ...counts,
      avgWordsPerSentence: round1(average),
      longSentenceShare: sentences.length ? round2(longSentences.length / sentences.length) : 0,
    },
    longSentences,
    difficultWords: sentences.flatMap((s) => matcher.match(s.words, input)),
    passiveHints: findPassiveHints(sentences, input),
    threshold,
    maxAverageSentenceWords: Number.isFinite(maxAverage) ? maxAverage : null,
    // Compare the unrounded figures, so 59.96 is below a threshold of 60 even though it shows as 60.0.
    belowThreshold: fd !== null && (fd < threshold || average > maxAverage),
  };
}

/**
 * Checks an HTML letter or a template: tags, entities and merge fields such as {{caseReference}}
 * are left out of the measurement. Offsets in the report point into the original `text`; the
 * quoted `text`/`word` fields show the stripped text.
 */
export function checkHtmlOrTemplate(text: string, options: ReadabilityOptions = {}): ReadabilityReport {
  const stripped = stripMarkup(typeof text === 'string' ? text : '');
  const report = checkReadability(stripped.text, options);
  const remap = <T extends { offset: number; length: number }>(item: T): T => ({
    ...item,
    ...stripped.toOriginal(item.offset, item.length),
  });
  return {
    ...report,
    longSentences: report.longSentences.map(remap),
    difficultWords: report.difficultWords.map(remap),
    passiveHints: report.passiveHints.map(remap),
  };
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
