import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The letter fonts: Noto Sans from @fontsource, embedded (subset) in every PDF. Fontsource ships a
 * font per Unicode subset; "latin" covers Dutch, "latin-ext" covers names such as Şahin, Yılmaz or
 * Łukasz. Text is split into runs by subset so no complainant's name prints as empty boxes.
 */
const require = createRequire(import.meta.url);
const file = (subset: string, weight: 400 | 700) =>
  require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`);

export const FONT_FILES = {
  regular: file('latin', 400),
  bold: file('latin', 700),
  regularExt: file('latin-ext', 400),
  boldExt: file('latin-ext', 700),
} as const;
export type FontName = keyof typeof FONT_FILES;

type Range = [number, number];
function parseRanges(spec: string): Range[] {
  return spec.split(',').map((part) => {
    const [a, b] = part.replace(/^U\+/i, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as Range;
  });
}
const unicode = JSON.parse(fs.readFileSync(require.resolve('@fontsource/noto-sans/unicode.json'), 'utf8')) as Record<string, string>;
const LATIN = parseRanges(unicode.latin!);
const LATIN_EXT = parseRanges(unicode['latin-ext']!);
const inRanges = (cp: number, ranges: Range[]) => ranges.some(([a, b]) => cp >= a && cp <= b);

export type Run = { text: string; ext: boolean };

/** Splits text into runs for the latin font and the latin-ext font; anything else stays latin. */
export function fontRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    const ext = !inRanges(cp, LATIN) && inRanges(cp, LATIN_EXT);
    const last = runs[runs.length - 1];
    if (last && last.ext === ext) last.text += ch;
    else runs.push({ text: ch, ext });
  }
  return runs;
}
