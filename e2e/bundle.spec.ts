import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { loginAs } from './support/app.ts';

/**
 * The JavaScript a browser must load before the first screen: the entry script and the chunks
 * index.html preloads (lazy screens, the login page and English come later). Budget: 100 kB gzipped
 * (issue 15: 131 kB before the split, 108 kB before each lazy section brought its own words; React
 * and react-dom alone are about 63 kB).
 */
test('the initial JavaScript of the staff app stays within 100 kB gzipped', () => {
  const dist = path.resolve(import.meta.dirname, '../web/staff/dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(files.length).toBeGreaterThan(0);
  const sizes = files.map((f) => {
    const raw = readFileSync(path.join(dist, f));
    return { file: f, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  console.log(
    `initial JS: ${(total / 1024).toFixed(1)} kB gzipped (${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} kB`).join(', ')})`,
  );
  expect(total).toBeLessThanOrEqual(100 * 1024);
});

/** The chart library's chunk: the only one that imports Chart.js (components/analysis/chartLoader.ts). */
function chartChunk(dist: string) {
  const files = readdirSync(path.join(dist, 'assets')).filter((f) => /^chartLoader-[\w-]+\.js$/.test(f));
  expect(files, 'one chunk holds Chart.js').toHaveLength(1);
  return files[0]!;
}

test('Chart.js is a chunk of its own, outside the initial JavaScript', () => {
  const dist = path.resolve(import.meta.dirname, '../web/staff/dist');
  const chunk = chartChunk(dist);
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  expect(html).not.toContain(chunk);
  const raw = readFileSync(path.join(dist, 'assets', chunk));
  const chart = gzipSync(raw, { level: 9 }).length;
  // Chart.js's own message survives minifying: no other file holds Chart.js's code.
  const marker = 'Failed to create chart';
  expect(raw.toString('utf8')).toContain(marker);
  for (const f of readdirSync(path.join(dist, 'assets')).filter((n) => n.endsWith('.js') && n !== chunk)) {
    expect(readFileSync(path.join(dist, 'assets', f), 'utf8'), `${f} holds no Chart.js`).not.toContain(marker);
  }
  console.log(`chart chunk: ${chunk} ${(raw.length / 1024).toFixed(1)} kB, ${(chart / 1024).toFixed(1)} kB gzipped`);
});

test('the start page does not load the chart library; the analysis page does', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await loginAs(page, 'Marieke Hendriks');
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => /chartLoader-/.test(s))).toEqual([]);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Analyse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analyse' })).toBeVisible();
  await expect.poll(() => scripts.filter((s) => /chartLoader-/.test(s)).length).toBe(1);
});
