import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalCdf, risingThemes, twoProportionTest } from './risingThemes.ts';
import { bucketKey, bucketsOf, previousPeriod, yearBefore } from './periods.ts';

/** A seeded generator (mulberry32): the same "random" noise on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const binomial = (rnd: () => number, n: number, p: number) => {
  let x = 0;
  for (let i = 0; i < n; i++) if (rnd() < p) x++;
  return x;
};

test('the normal distribution function and the two-proportion test match known values', () => {
  assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
  assert.ok(Math.abs(normalCdf(1.959964) - 0.975) < 1e-6);
  assert.ok(Math.abs(normalCdf(-1.644854) - 0.05) < 1e-6);
  // 30/200 against 15/200: pooled 0.1125, se 0.031598, z 2.3736, one-sided p 0.0088.
  const t = twoProportionTest(30, 200, 15, 200);
  assert.ok(Math.abs(t.z - 2.3736) < 0.0001, String(t.z));
  assert.ok(Math.abs(t.p - 0.0088) < 0.0001, String(t.p));
  assert.deepEqual(twoProportionTest(0, 100, 0, 100), { z: 0, p: 1 });
  assert.deepEqual(twoProportionTest(5, 0, 1, 10), { z: 0, p: 1 });
});

test('one planted rising theme among 200 noisy ones is found, and none of the noise is', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const rnd = seeded(seed);
    const n = 4000;
    const counts = Array.from({ length: 200 }, (_, i) => {
      const p = 0.005 + rnd() * 0.03;
      return { key: `noise${i}`, current: binomial(rnd, n, p), previous: binomial(rnd, n, p) };
    });
    // The planted theme: 1% of the complaints before, 2.5% now.
    counts.push({ key: 'wachttijd', current: binomial(rnd, n, 0.025), previous: binomial(rnd, n, 0.01) });
    const found = risingThemes(counts, { current: n, previous: n });
    assert.deepEqual(
      found.map((t) => t.key),
      ['wachttijd'],
      `seed ${seed}`,
    );
    assert.ok(found[0]!.p < 0.05 && found[0]!.currentShare > found[0]!.previousShare);
  }
});

test('a theme needs at least 5 complaints in the period, and a fall is never a rise', () => {
  // 4 of 100 against 0 of 1000 is a large rise, but below the minimum count.
  assert.deepEqual(risingThemes([{ key: 'x', current: 4, previous: 0 }], { current: 100, previous: 1000 }), []);
  assert.equal(risingThemes([{ key: 'x', current: 5, previous: 0 }], { current: 100, previous: 1000 }).length, 1);
  assert.deepEqual(risingThemes([{ key: 'y', current: 5, previous: 50 }], { current: 100, previous: 100 }), []);
  // Without a previous period nothing can rise.
  assert.deepEqual(risingThemes([{ key: 'z', current: 50, previous: 0 }], { current: 100, previous: 0 }), []);
});

test('buckets are calendar months, quarters, half-years or years cut to the period', () => {
  assert.deepEqual(bucketsOf('2026-01-15', '2026-03-10', 'month'), [
    { key: '2026-01', from: '2026-01-15', to: '2026-02-01' },
    { key: '2026-02', from: '2026-02-01', to: '2026-03-01' },
    { key: '2026-03', from: '2026-03-01', to: '2026-03-10' },
  ]);
  assert.deepEqual(
    bucketsOf('2025-07-01', '2026-07-01', 'quarter').map((b) => b.key),
    ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'],
  );
  assert.deepEqual(bucketsOf('2025-05-01', '2026-02-01', 'halfYear'), [
    { key: '2025-H1', from: '2025-05-01', to: '2025-07-01' },
    { key: '2025-H2', from: '2025-07-01', to: '2026-01-01' },
    { key: '2026-H1', from: '2026-01-01', to: '2026-02-01' },
  ]);
  assert.deepEqual(bucketsOf('2025-01-01', '2026-01-01', 'year'), [{ key: '2025', from: '2025-01-01', to: '2026-01-01' }]);
  assert.equal(bucketKey('2026-12-31', 'quarter'), '2026-Q4');
  assert.equal(bucketsOf('2025-01-01', '2026-01-01', 'month').length, 12);
});

test('the previous period has equal length: whole months back, else as many days', () => {
  assert.deepEqual(previousPeriod('2026-01-01', '2027-01-01'), { from: '2025-01-01', to: '2026-01-01' });
  assert.deepEqual(previousPeriod('2026-03-01', '2026-06-01'), { from: '2025-12-01', to: '2026-03-01' });
  assert.deepEqual(previousPeriod('2026-03-10', '2026-03-20'), { from: '2026-02-28', to: '2026-03-10' });
  assert.equal(yearBefore('2028-02-29'), '2027-02-28');
});
