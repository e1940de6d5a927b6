/**
 * Difficult and old-fashioned (ambtelijke) words, with plainer alternatives (TAAL-06).
 *
 * The bundled list, plainWords.nl.json, is original work written for Klachtflow (EUPL-1.2, like
 * the project); it copies no other list, so there is no licence question. Organisations extend it
 * or switch entries off through configuration: `extraWords` adds entries (an entry with the same
 * form replaces the bundled one) and `ignoreWords` removes forms.
 *
 * Matching works on word tokens (sentences.ts), case-insensitively and on whole words only, so
 * "doch" does not fire inside "dochter". Inflections are handled by listing the forms in the
 * entry ("verzoeken", "verzoekt", "verzocht"): generating them automatically would produce false
 * hits, and a list is easy for an organisation to read and correct. Multi-word phrases
 * ("ten behoeve van") match as consecutive words; the longest phrase wins.
 */
import list from './plainWords.nl.json' with { type: 'json' };
import { splitSentences, tokenizeWords, type Word } from './sentences.ts';

export type WordEntry = { words: readonly string[]; alternatives: readonly string[] };

export type DifficultWord = {
  /** The words as written in the text. */
  word: string;
  /** Offset of the first character in the checked text, and the length of `word`. */
  offset: number;
  length: number;
  /** The list's headword, e.g. "verzoeken" for a hit on "verzocht". */
  term: string;
  suggestions: string[];
};

export const DEFAULT_WORD_LIST: readonly WordEntry[] = list.entries;

type Phrase = { tokens: string[]; term: string; suggestions: string[] };

export type WordMatcher = {
  /** Hits among `words`, which must be consecutive words of `text` (one sentence, say). */
  match(words: readonly Word[], text: string): DifficultWord[];
};

/** Lower case, composed accents, one kind of apostrophe: the form both sides are compared in. */
const normalize = (token: string): string => token.normalize('NFC').toLowerCase().replace(/’/g, "'");

const phraseTokens = (phrase: string): string[] => tokenizeWords(phrase).map((w) => normalize(w.text));

/**
 * Builds a matcher from the bundled list plus `extraWords`, minus `ignoreWords`. Malformed extra
 * entries are skipped rather than refused: the checker only advises and must never block.
 */
export function createWordMatcher(extraWords: readonly WordEntry[] = [], ignoreWords: readonly string[] = []): WordMatcher {
  const byKey = new Map<string, Phrase>();
  for (const entry of [...DEFAULT_WORD_LIST, ...extraWords]) {
    if (!Array.isArray(entry?.words) || !Array.isArray(entry.alternatives)) continue;
    const term = entry.words[0];
    if (typeof term !== 'string') continue;
    for (const form of entry.words) {
      const tokens = typeof form === 'string' ? phraseTokens(form) : [];
      if (tokens.length > 0) byKey.set(tokens.join(' '), { tokens, term, suggestions: [...entry.alternatives] });
    }
  }
  for (const form of ignoreWords) byKey.delete(phraseTokens(form).join(' '));

  // Index by first word; longest phrase first so "ten behoeve van" beats a shorter entry.
  const index = new Map<string, Phrase[]>();
  for (const phrase of byKey.values()) {
    const first = phrase.tokens[0]!;
    index.set(first, [...(index.get(first) ?? []), phrase]);
  }
  for (const phrases of index.values()) phrases.sort((a, b) => b.tokens.length - a.tokens.length);

  return {
    match(words, text) {
      const hits: DifficultWord[] = [];
      const norm = words.map((w) => normalize(w.text));
      for (let i = 0; i < words.length; ) {
        const phrase = index.get(norm[i]!)?.find((p) => p.tokens.every((t, k) => norm[i + k] === t));
        if (!phrase) {
          i++;
          continue;
        }
        const first = words[i]!;
        const last = words[i + phrase.tokens.length - 1]!;
        hits.push({
          word: text.slice(first.start, last.end),
          offset: first.start,
          length: last.end - first.start,
          term: phrase.term,
          suggestions: [...phrase.suggestions],
        });
        i += phrase.tokens.length;
      }
      return hits;
    },
  };
}

let defaultMatcher: WordMatcher | undefined;

/** The matcher for the bundled list only, built once. */
export function defaultWordMatcher(): WordMatcher {
  defaultMatcher ??= createWordMatcher();
  return defaultMatcher;
}

/** Convenience: hits in a whole text. Phrases never span two sentences. */
export function findDifficultWords(text: string, matcher: WordMatcher = defaultWordMatcher()): DifficultWord[] {
  return splitSentences(text).flatMap((s) => matcher.match(s.words, text));
}
