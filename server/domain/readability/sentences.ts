import { DOTTED_LETTERS, lookupAbbreviation } from './abbreviations.ts';

/**
 * Splits Dutch text into sentences and words, with offsets into the input so an editor can
 * highlight what a report points at.
 *
 * Sentence ends: ".", "!", "?" or "…" followed by white space, and every line break. Line breaks
 * end a sentence because letters and portal texts put address lines, salutations, headings and
 * list items on their own line; none of those should be glued to the next sentence. A full stop
 * does not end a sentence after a known abbreviation ("bijv.", "dhr. Jansen", "art. 9:8") or an
 * initial ("J. de Vries"). Known limit: "bijlage B. Daarna" is read as one sentence.
 */
export type Word = { text: string; start: number; end: number };
export type Sentence = { index: number; text: string; start: number; end: number; words: Word[] };

/**
 * A word is one of: dotted letters ("o.a.", "d.w.z."); a number with its separators and any
 * suffix ("9:11", "12,50", "06-12345678", "2e"); letters joined by hyphens or apostrophes
 * ("e-mail", "auto's", "zo'n"). Loose punctuation, "&" and dashes are not words.
 */
const WORD_RE = /(?:\p{L}\.){2,}|\p{N}+(?:[.,:/-]\p{N}+)*\p{L}*|\p{L}[\p{L}\p{M}]*(?:['’‐-][\p{L}\p{M}\p{N}]+)*/gu;

/** Bullet or numbering at the start of a line: "- ", "• ", "1. ", "2) ", "a) ". */
const LIST_MARKER = /^[ \t]*(?:[-*•–·▪►]|\d{1,3}[.)]|\p{Ll}[.)])[ \t]+/u;

/** ".", "!", "?", "…" (repeated), then closing quotes or brackets, then white space or line end. */
const TERMINATOR = /[.!?…]+["'”’)\]]*(?=\s|$)/gu;

/** Words of `text` between `from` and `to`, with offsets into `text`. */
export function tokenizeWords(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    let end = Math.min(m.index + m[0].length, to);
    // "bijv", "dhr", "art" + "." form one token, so the stop is not read as a sentence end.
    if (text[end] === '.' && end < to && /^\p{L}+$/u.test(m[0]) && lookupAbbreviation(m[0] + '.')) {
      end++;
      re.lastIndex = end;
    }
    words.push({ text: text.slice(m.index, end), start: m.index, end });
  }
  return words;
}

/** Sentences of `text`, in order, each with its words. Sentences without words are left out. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  // Split on any line-break convention without rewriting the text, so offsets stay exact.
  for (const m of text.matchAll(/[^\r\n]*/g)) {
    if (m[0].length === 0) continue;
    const lineStart = m.index ?? 0;
    const marker = LIST_MARKER.exec(m[0]);
    splitLine(text, lineStart + (marker ? marker[0].length : 0), lineStart + m[0].length, sentences);
  }
  return sentences;
}

function splitLine(text: string, from: number, to: number, out: Sentence[]): void {
  const words = tokenizeWords(text, from, to);
  const endingAt = new Map(words.map((w) => [w.end, w]));
  const line = text.slice(from, to);
  const cursor = { start: from, word: 0 };
  for (const m of line.matchAll(TERMINATOR)) {
    const at = from + (m.index ?? 0);
    if (m[0].startsWith('.') && !fullStopEndsSentence(text, at, to, endingAt)) continue;
    pushSentence(text, cursor, at + m[0].length, words, out);
  }
  pushSentence(text, cursor, to, words, out);
}

function fullStopEndsSentence(text: string, at: number, to: number, endingAt: Map<number, Word>): boolean {
  const abbreviation = endingAt.get(at + 1);
  if (abbreviation?.text.endsWith('.')) {
    const known = lookupAbbreviation(abbreviation.text);
    if (known && !known.canEnd) return false;
    if (known || DOTTED_LETTERS.test(abbreviation.text)) return nextStartsUpperCase(text, at + 1, to);
  }
  // A single capital before the stop is an initial: "J. de Vries", "A. Jansen".
  const before = endingAt.get(at);
  if (before && /^\p{Lu}$/u.test(before.text)) return false;
  return true;
}

/** End of line counts as a capital: the abbreviation then closes the sentence. */
function nextStartsUpperCase(text: string, from: number, to: number): boolean {
  const re = /\S/gu;
  re.lastIndex = from;
  const next = re.exec(text);
  return !next || next.index >= to || /[\p{Lu}\p{N}"'“‘(]/u.test(next[0]);
}

/** Takes the words up to `end` (words are in order, so a cursor avoids rescanning the line). */
function pushSentence(text: string, cursor: { start: number; word: number }, end: number, words: Word[], out: Sentence[]): void {
  const start = cursor.start;
  const own: Word[] = [];
  while (cursor.word < words.length && words[cursor.word]!.end <= end) own.push(words[cursor.word++]!);
  cursor.start = end;
  if (own.length === 0) return;
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  out.push({ index: out.length, text: trimmed, start: start + lead, end: start + lead + trimmed.length, words: own });
}
