import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * The JavaScript a browser must load before the first screen: the entry script and the chunks
 * index.html preloads (lazy screens come later). Budget: 250 kB gzipped.
 */
test('the initial JavaScript of the staff app stays within 250 kB gzipped', () => {
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
  expect(total).toBeLessThanOrEqual(250 * 1024);
});
