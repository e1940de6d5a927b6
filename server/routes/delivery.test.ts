import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { createTestApp } from '../test/harness.ts';

/**
 * How pages and files travel (issue 15): text answers compressed when the browser asks, hashed files
 * cached for a year, HTML and API answers never in a shared cache, one stylesheet per portal page
 * plus the theme, robots.txt and a favicon, and a helpful 404 page for unknown paths outside the
 * staff app (which still gets its HTML for its own paths). Over HTTP through the whole app.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const BR = { 'accept-encoding': 'br, gzip' };

test('a portal page: compressed, not cached, two stylesheets (its own, hashed and cached for a year, and the theme)', async () => {
  const res = await get('/klacht', BR);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-encoding'], 'br');
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.ok(res.headers['content-security-policy'], 'security headers stay');
  const body = brotliDecompressSync(res.rawPayload).toString();
  const sheets = [...body.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!);
  assert.equal(sheets.length, 2, sheets.join(', '));
  assert.match(sheets[0]!, /^\/portal-assets\/page-[0-9a-z]+-[\w-]{12}\.css$/);
  assert.equal(sheets[1], '/theme.css');
  assert.doesNotMatch(body, /name="robots"/, 'the complaint form may be found');

  const css = await get(sheets[0]!, BR);
  assert.equal(css.statusCode, 200);
  assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(css.headers['content-encoding'], 'br');
  const text = brotliDecompressSync(css.rawPayload).toString();
  // All 36 files were 387 KiB; the page's own is a fifth of that, and 15 KiB over the wire.
  assert.ok(text.length < 80_000 && css.rawPayload.length < 15_000, `small: ${text.length} bytes, ${css.rawPayload.length} sent`);
  assert.match(text, /\.utrecht-form-field/, 'the components the page uses');
  assert.doesNotMatch(text, /\.utrecht-textarea\{background-color/, 'not those it does not (the question page has no text area)');
  assert.doesNotMatch(text, /\.utrecht-button--secondary-action/, 'nor the variants it does not use');
  assert.match(text, /@media print/, 'print rules inside');
  assert.match(text, /font-display:swap/);
  assert.match(text, /Noto Sans fallback[^}]*size-adjust/);
  // Another build's address gets today's sheet, revalidated rather than kept for a year.
  const old = await get(sheets[0]!.replace(/-[\w-]{12}\.css$/, '-AAAAAAAAAAAA.css'));
  assert.equal(old.statusCode, 200);
  assert.equal(old.headers['cache-control'], 'public, no-cache');
  assert.equal((await get('/portal-assets/page-zzzzzzzzzzzz-AAAAAAAAAAAA.css')).statusCode, 404);

  const tracking = await get('/volgen/onbekend');
  assert.equal(tracking.headers['x-robots-tag'], 'noindex');
  assert.match(tracking.body, /<meta name="robots" content="noindex">/);
});

test('API answers: compressed and never cached; a small answer is sent as it is', async () => {
  const docs = await get('/api/v1/openapi.json', BR);
  assert.equal(docs.headers['content-encoding'], 'br');
  const health = await get('/api/v1/health', BR);
  assert.equal(health.headers['cache-control'], 'no-store');
  assert.equal(health.headers['content-encoding'], undefined, 'under 1 KiB');
  const gzip = await get('/api/v1/openapi.json', { 'accept-encoding': 'gzip' });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.equal((await get('/api/v1/openapi.json')).headers['content-encoding'], undefined, 'not asked for');
});

test('robots.txt, the favicon, and 404s: a page outside the staff app, problem+json in the API', async () => {
  const robots = await get('/robots.txt');
  assert.equal(robots.statusCode, 200);
  assert.match(robots.headers['content-type'] as string, /^text\/plain/);
  assert.match(robots.body, /^Allow: \/klacht$/m);
  assert.match(robots.body, /^Disallow: \/$/m);

  const icon = await get('/favicon.svg');
  assert.equal(icon.statusCode, 200);
  assert.match(icon.headers['content-type'] as string, /^image\/svg\+xml/);
  const ico = await get('/favicon.ico');
  assert.equal(ico.statusCode, 301);
  assert.equal(ico.headers.location, '/favicon.svg');

  const PAGE = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
  for (const url of ['/wp-login.php', '/klachten', '/volgen']) {
    const res = await get(url, PAGE);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.headers['content-type'] as string, /^text\/html/, url);
    assert.match(res.body, /<h1 class="utrecht-heading-1">Deze pagina bestaat niet<\/h1>/);
    assert.match(res.body, /href="\/klacht"/);
    assert.equal(res.headers['cache-control'], 'no-store');
  }
  const english = await get('/nergens?taal=en', PAGE);
  assert.match(english.body, /This page does not exist/);
  const image = await get('/nergens.png', { accept: 'image/*' });
  assert.equal(image.statusCode, 404);
  assert.match(image.headers['content-type'] as string, /^application\/problem\+json/, 'not a page where no page is wanted');
  const api = await get('/api/v1/nergens', PAGE);
  assert.equal(api.statusCode, 404);
  assert.match(api.headers['content-type'] as string, /^application\/problem\+json/);

  // The staff app's own paths (staffAppPaths.ts) get its HTML (or, unbuilt, the note to build it): not a 404.
  for (const url of ['/', '/werkvoorraad', '/meldingen/4a7f0000-0000-4000-8000-000000000000', '/beheer/gebruikers']) {
    const res = await get(url, PAGE);
    assert.notEqual(res.statusCode, 404, url);
    assert.match(res.headers['cache-control'] as string, /no-cache|no-store/, url);
    assert.doesNotMatch(res.headers['cache-control'] as string, /public/, url);
  }
});

test('an API path no route takes (an id longer than the router reads) is a 404 problem before its body is looked at', async () => {
  // Found by the bad-input fuzzer: such a path fell through to the staff app's catch-all, whose
  // decompression answered an unknown Content-Encoding with 415 before the route said 404.
  const url = `/api/v1/imports/${'a'.repeat(250)}`;
  const variants: Record<string, string>[] = [{}, { 'content-encoding': 'garbage' }, { 'content-type': 'application/x-unknown' }];
  for (const headers of variants) {
    const res = await get(url, headers);
    assert.equal(res.statusCode, 404, `${JSON.stringify(headers)}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  }
});
