import type { Sentence, Word } from './sentences.ts';

/**
 * Passive-voice hints: a form of "worden" plus a past participle in the same clause (§8 lists
 * passive markers as a useful indicator). Passive sentences hide who acts ("uw klacht wordt
 * behandeld" — by whom?), which B1 guidance advises against.
 *
 * This is a heuristic without a parser, so it is a hint, never a verdict:
 * - "zijn" + participle is left out on purpose: it is also the perfect tense of active verbs
 *   ("wij zijn begonnen"), so it would mostly produce noise;
 * - a participle is a lower-case word with "ge" inside (gestuurd, afgehandeld, geïnformeerd) or an
 *   unstressed prefix (behandeld, verzonden, ontvangen, onderzocht); capitalised words are names,
 *   and a word after an article, possessive or inflected adjective is a noun ("het besluit",
 *   "relevante bescheiden"), not a participle;
 * - the clause is the run of words between commas, semicolons, colons or brackets.
 */
export type PassiveHint = {
  sentenceIndex: number;
  auxiliary: string;
  participle: string;
  /** Span from the first to the last of the two words, as offsets into the checked text. */
  offset: number;
  length: number;
};

const AUXILIARIES = new Set(['word', 'wordt', 'worden', 'werd', 'werden']);
const L = 'a-zà-öø-ÿ';
const WITH_GE = new RegExp(`^[${L}]*ge[${L}]{2,}[dtn]$`, 'u');
const WITH_PREFIX = new RegExp(`^(?:be|ver|ont|her|er|over|onder|door|mis)[${L}]{2,}(?:d|t|en)$`, 'u');

const NOUN_MARKERS = new Set([
  'de',
  'het',
  'een',
  'uw',
  'mijn',
  'zijn',
  'haar',
  'ons',
  'onze',
  'hun',
  'deze',
  'dit',
  'die',
  'dat',
  'geen',
  'elk',
  'elke',
  'ieder',
  'iedere',
  'alle',
  'welke',
]);

const looksLikeParticiple = (words: readonly Word[], j: number): boolean => {
  const w = words[j]!;
  if (/^\p{Lu}/u.test(w.text)) return false;
  const lower = w.text.normalize('NFC').toLowerCase();
  if (!WITH_GE.test(lower) && !WITH_PREFIX.test(lower)) return false;
  const prev = words[j - 1]?.text.toLowerCase();
  return !(prev && (NOUN_MARKERS.has(prev) || (prev.length > 3 && prev.endsWith('e'))));
};

/** True when punctuation between two neighbouring words closes the clause. */
const clauseBreak = (text: string, left: Word, right: Word): boolean => /[,;:()–—]/u.test(text.slice(left.end, right.start));

export function findPassiveHints(sentences: readonly Sentence[], text: string): PassiveHint[] {
  const hints: PassiveHint[] = [];
  for (const s of sentences) {
    const words = s.words;
    words.forEach((aux, i) => {
      if (!AUXILIARIES.has(aux.text.toLowerCase())) return;
      const participle = participleAfter(words, i, text) ?? participleBefore(words, i, text);
      if (!participle) return;
      const [first, last] = participle.start < aux.start ? [participle, aux] : [aux, participle];
      hints.push({
        sentenceIndex: s.index,
        auxiliary: aux.text,
        participle: participle.text,
        offset: first.start,
        length: last.end - first.start,
      });
    });
  }
  return hints;
}

/** Main clause order puts the participle last: "wordt door ons zorgvuldig behandeld". */
function participleAfter(words: readonly Word[], aux: number, text: string): Word | undefined {
  let found: Word | undefined;
  for (let j = aux + 1; j < words.length && !clauseBreak(text, words[j - 1]!, words[j]!); j++) {
    if (AUXILIARIES.has(words[j]!.text.toLowerCase())) break;
    if (looksLikeParticiple(words, j)) found = words[j];
  }
  return found;
}

/** Subordinate clauses may put it before: "dat uw klacht behandeld wordt". */
function participleBefore(words: readonly Word[], aux: number, text: string): Word | undefined {
  for (let j = aux - 1; j >= 0 && !clauseBreak(text, words[j]!, words[j + 1]!); j--) {
    if (looksLikeParticiple(words, j)) return words[j];
  }
  return undefined;
}
