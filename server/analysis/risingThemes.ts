/**
 * Rising themes (issue 12, part 8): a ground or term whose share of the complaints grew against
 * the previous period of equal length. A theme counts only with at least `minCount` complaints in
 * the period and a rise unlikely to be chance: a one-sided two-proportion z-test, with Holm's
 * correction over all themes tested, so that among many words the noise does not pass as a finding.
 * Pure: counts in, themes out.
 */
export type ThemeCounts = { key: string; current: number; previous: number };
export type RisingTheme = ThemeCounts & {
  currentShare: number;
  previousShare: number;
  z: number;
  /** One-sided p-value of the rise. */
  p: number;
  /** Holm-adjusted over the themes tested. */
  pAdjusted: number;
};

/** The standard normal distribution function (Zelen & Severo 26.2.17, |error| < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const q = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - q : q;
}

/**
 * Two-proportion z-test of x1/n1 against x2/n2 (pooled), one-sided: is the first share larger?
 * Without a difference to test (nothing counted, or everything) z is 0 and p is 1.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } {
  if (n1 <= 0 || n2 <= 0) return { z: 0, p: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, p: 1 - normalCdf(z) };
}

export function risingThemes(
  counts: readonly ThemeCounts[],
  totals: { current: number; previous: number },
  opts: { minCount?: number; alpha?: number } = {},
): RisingTheme[] {
  const minCount = opts.minCount ?? 5;
  const alpha = opts.alpha ?? 0.05;
  const tested = counts
    .filter((c) => c.current >= minCount)
    .map((c) => {
      const { z, p } = twoProportionTest(c.current, totals.current, c.previous, totals.previous);
      return {
        ...c,
        currentShare: totals.current ? c.current / totals.current : 0,
        previousShare: totals.previous ? c.previous / totals.previous : 0,
        z,
        p,
        pAdjusted: 1,
      };
    })
    .sort((a, b) => a.p - b.p || a.key.localeCompare(b.key));
  // Holm: the i-th smallest p times (m − i), kept monotone.
  let running = 0;
  tested.forEach((t, i) => {
    running = Math.max(running, Math.min(1, t.p * (tested.length - i)));
    t.pAdjusted = running;
  });
  return tested.filter((t) => t.z > 0 && t.pAdjusted < alpha).sort((a, b) => b.z - a.z || a.key.localeCompare(b.key));
}
