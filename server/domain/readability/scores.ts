/**
 * Readability formulas for Dutch. Source: /work/shared/docs/reference/legal-requirements.md,
 * table 1h and §8.
 *
 * TAAL-02, Flesch–Douma (Douma 1960):
 *   leesgemak = 206.84 − 0.77 × (lettergrepen per 100 woorden) − 0.93 × (woorden per zin)
 * which is 206.84 − 77 × (lettergrepen per woord) − 0.93 × (woorden per zin). The constant is
 * Douma's 206.84 as in the reference, not Flesch's English 206.835 (a difference of 0.005).
 *
 * TAAL-03, Brouwer Leesindex A (1963):
 *   A = 195 − (2/3) × (lettergrepen per 100 woorden) − 2 × (woorden per zin)
 * which is 195 − 66.67 × (lettergrepen per woord) − 2 × (woorden per zin). Note: the weight is
 * 200/3 ≈ 66.67, not 67.
 *
 * Both scores are left unclamped: a value above 100 or below 0 tells the writer something too.
 * Neither formula knows about B1; the threshold is a tenant setting (§8 "Thresholds").
 */
export type Counts = { words: number; sentences: number; syllables: number };

export const FLESCH_DOUMA = { base: 206.84, perSyllablePerWord: 77, perWordPerSentence: 0.93 } as const;
export const BROUWER = { base: 195, perSyllablePerWord: 200 / 3, perWordPerSentence: 2 } as const;

/** Suggested default warning level (§8: "Flesch–Douma ≥ 60 ('normaal')"); a heuristic, per tenant. */
export const DEFAULT_FLESCH_DOUMA_THRESHOLD = 60;

/** Flesch–Douma reading ease, or null when there is nothing to measure. Higher is easier. */
export function fleschDouma(c: Counts): number | null {
  if (c.words === 0 || c.sentences === 0) return null;
  const f = FLESCH_DOUMA;
  return f.base - f.perSyllablePerWord * (c.syllables / c.words) - f.perWordPerSentence * (c.words / c.sentences);
}

/** Brouwer Leesindex A, or null when there is nothing to measure. Higher is easier. */
export function brouwer(c: Counts): number | null {
  if (c.words === 0 || c.sentences === 0) return null;
  const b = BROUWER;
  return b.base - b.perSyllablePerWord * (c.syllables / c.words) - b.perWordPerSentence * (c.words / c.sentences);
}

/** Douma's own band names (TAAL-02), lower bound inclusive. */
export type DoumaBand =
  | 'zeer moeilijk'
  | 'moeilijk'
  | 'tamelijk moeilijk'
  | 'normaal'
  | 'tamelijk gemakkelijk'
  | 'gemakkelijk'
  | 'zeer gemakkelijk';

const BANDS: ReadonlyArray<readonly [number, DoumaBand]> = [
  [90, 'zeer gemakkelijk'],
  [80, 'gemakkelijk'],
  [70, 'tamelijk gemakkelijk'],
  [60, 'normaal'],
  [45, 'tamelijk moeilijk'],
  [30, 'moeilijk'],
];

/** Band for a Flesch–Douma score: 0–30 zeer moeilijk … 90–100 zeer gemakkelijk; beyond 0 or 100 the end bands. */
export function doumaBand(score: number): DoumaBand {
  for (const [from, band] of BANDS) if (score >= from) return band;
  return 'zeer moeilijk';
}
