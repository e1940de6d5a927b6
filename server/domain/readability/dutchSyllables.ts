import { DOTTED_LETTERS, lookupAbbreviation } from './abbreviations.ts';

/**
 * Syllable counter for Dutch, by vowel groups (legal-requirements.md §8, TAAL-02: "a vowel-group
 * fallback"). We do not use hyphenation patterns: no such package is installed, and patterns skip
 * splits near word edges anyway, so they undercount syllables for readability purposes.
 *
 * Every syllable has exactly one vowel nucleus, so we count nuclei:
 * - a nucleus is one of the Dutch vowel combinations below, or a single vowel;
 * - a vowel with a trema (ë, ï, ü, ä, ö) always starts a new nucleus: that is what the trema means
 *   ("ideeën" = i-dee-ën, "geïnformeerd" = ge-ïn-for-meerd);
 * - hyphenated words and compounds with apostrophes are counted per part.
 * Known limits: loanwords with a silent e ("website") are listed below; other loans and a few
 * non-trema vowel clashes ("reactie" is right, "team" needs the list) are approximations.
 */

/** Longest first, so "ooi" wins over "oo" + "i". "ĳ" is the folded "ij". */
const NUCLEI = [
  'eau',
  'ooi',
  'aai',
  'oei',
  'eeu',
  'ieu',
  'ie',
  'oe',
  'eu',
  'ui',
  'ei',
  'au',
  'ou',
  'aa',
  'ee',
  'oo',
  'uu',
  // loan spellings that are one sound in Dutch speech: mail, hoi, hockey, okay, cowboy
  'ai',
  'oi',
  'ay',
  'ey',
  'oy',
];
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ĳ']);
const TREMA: Record<string, string> = { ä: 'a', ë: 'e', ï: 'i', ö: 'o', ü: 'u' };
const ACCENT: Record<string, string> = {
  á: 'a',
  à: 'a',
  â: 'a',
  é: 'e',
  è: 'e',
  ê: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ú: 'u',
  ù: 'u',
  û: 'u',
};

/** Loanwords whose spelling has more vowel groups than spoken syllables (silent e, "ea" = one sound). */
const LOANS: ReadonlyArray<readonly [string, number]> = [
  ['website', 2],
  ['homepage', 2],
  ['deadline', 2],
  ['offline', 2],
  ['online', 2],
  ['update', 2],
  ['service', 2],
  ['mail', 1],
  ['team', 1],
];

/**
 * Number of syllables in one word token as produced by sentences.ts: a word, a hyphenated word,
 * a number, or an abbreviation with its full stop. Returns 0 only for tokens without letters or digits.
 */
export function countSyllables(token: string): number {
  if (/\p{N}/u.test(token)) return countWithDigits(token);
  if (token.endsWith('.')) {
    const abbr = lookupAbbreviation(token);
    // An abbreviation is read as what it stands for: the reader has to expand it.
    if (abbr) return abbr.spoken.split(' ').reduce((n, w) => n + countSyllables(w), 0);
    // Unknown "a.b.c." is spelled out letter by letter.
    if (DOTTED_LETTERS.test(token)) return token.replace(/\./g, '').length;
  }
  const parts = token.replace(/['’]/g, '').split(/[-‐./]+/);
  const total = parts.reduce((n, p) => n + countPart(p), 0);
  return total === 0 && /\p{L}/u.test(token) ? 1 : total;
}

/**
 * A numeral is read at a glance, so each run of digits counts as one syllable rather than its
 * (much longer) spoken form; "2024" would otherwise weigh like "tweeduizendvierentwintig".
 * Letters attached to it ("2e", "1ste") count normally.
 */
function countWithDigits(token: string): number {
  const digitRuns = token.match(/\p{N}+/gu)?.length ?? 0;
  const letters = token.split(/\P{L}+/u).reduce((n, p) => n + countPart(p), 0);
  return digitRuns + letters;
}

function countPart(part: string): number {
  if (!/\p{L}/u.test(part)) return 0;
  // Short all-capital tokens are initialisms, read letter by letter: AVG, UWV, GGD.
  if (part.length >= 2 && part.length <= 5 && /^\p{Lu}+$/u.test(part)) return part.length;
  const word = fold(part);
  for (const [stem, syllables] of LOANS) {
    if (word.includes(stem)) {
      const rest = word.split(stem);
      return rest.reduce((n, p) => n + countFolded(p), 0) + (rest.length - 1) * syllables;
    }
  }
  const n = countFolded(word);
  if (n > 0) return n;
  // No vowel at all: a clitic ("'t", "m'n" = 1) or a letter word read out ("Wkkgz").
  return part.length <= 2 ? 1 : part.length;
}

/** Lower case; "ij" → "ĳ"; "qu" → "kw"; accents dropped; a trema becomes "|" + plain vowel. */
function fold(part: string): string {
  let out = '';
  for (const ch of part.toLowerCase().normalize('NFC')) {
    if (TREMA[ch]) out += '|' + TREMA[ch];
    else out += ACCENT[ch] ?? ch;
  }
  out = out.replace(/ij/g, 'ĳ').replace(/qu/g, 'kw');
  // Initial y before a vowel is a consonant: "yoga".
  return out.replace(/^y(?=[aeiou])/, 'j');
}

function countFolded(word: string): number {
  let count = 0;
  let i = 0;
  while (i < word.length) {
    if (!VOWELS.has(word[i]!)) {
      i++;
      continue;
    }
    const unit = NUCLEI.find((u) => word.startsWith(u, i) && nucleusAllowed(u, word, i));
    i += unit ? unit.length : 1;
    count++;
  }
  // "museum", "jubileum": e-um, not the "eu" of "neus".
  if (/[^aeiou|]eums?$/.test(word)) count++;
  return count;
}

/** "ieu" is one sound before w (nieuw) or at the end (milieu); elsewhere it is i-eu (serieus). */
function nucleusAllowed(unit: string, word: string, at: number): boolean {
  if (unit !== 'ieu') return true;
  const next = word[at + unit.length];
  return next === undefined || next === 'w';
}
