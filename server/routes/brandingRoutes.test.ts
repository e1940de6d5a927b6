import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readEnv } from '../config/env.ts';
import { DEMO_ORGANISATION_FILE, loadOrganisation } from '../config/organisation.ts';
import { MAX_LOGO_BYTES, tokenValueProblem } from '../config/theme.ts';
import { startServer } from '../server.ts';
import { createTestApp } from '../test/harness.ts';

/**
 * The organisation's look as configuration: /theme.css from `theme.tokens`, /branding/logo from
 * `theme.logoPath`, the logo in the public settings the staff app reads, and a configuration that
 * would put anything but a value into the stylesheet refused at start-up with the field named.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-theme-'));
const demo = JSON.parse(fs.readFileSync(DEMO_ORGANISATION_FILE, 'utf8')) as Record<string, unknown>;
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
fs.mkdirSync(path.join(tmp, 'beeld'));
fs.writeFileSync(path.join(tmp, 'beeld', 'logo.png'), PNG);

function writeConfig(name: string, theme: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify({ ...demo, theme }));
  return file;
}

const themedFile = writeConfig('themed.json', {
  tokens: {
    '--basis-color-accent-1-color-default': '#005a8c',
    '--utrecht-button-primary-action-background-color': 'var(--basis-color-accent-1-color-default, #005a8c)',
    '--basis-heading-font-family': '"Noto Serif", serif',
    '--kf-gap': 'calc(8px + (2 * 4px))',
  },
  logoPath: 'beeld/logo.png', // relative to the configuration file
  logoAlt: 'Logo: een blauw huis',
});

describe('a configured theme and logo', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  before(async () => {
    t = await createTestApp({ orgFile: themedFile });
  });
  after(() => t.close());

  test('/theme.css sets the configured tokens on .voorbeeld-theme, as text/css with an ETag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/theme.css' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/css/);
    assert.match(res.body, /\.voorbeeld-theme \{\n {2}--basis-color-accent-1-color-default: #005a8c;\n/);
    assert.match(res.body, /--utrecht-button-primary-action-background-color: var\(--basis-color-accent-1-color-default, #005a8c\);/);
    assert.match(res.body, /--basis-heading-font-family: "Noto Serif", serif;/);
    assert.match(res.body, /--kf-gap: calc\(8px \+ \(2 \* 4px\)\);\n\}\n$/);
    // One rule, nothing else.
    assert.equal(res.body.split('{').length, 2);
    const etag = res.headers.etag as string;
    assert.match(etag, /^"[\w-]{10,}"$/);
    assert.match(String(res.headers['cache-control']), /public/);
    const again = await t.app.inject({ method: 'GET', url: '/theme.css', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  test('/branding/logo serves the configured file with its type; the settings name it and its text alternative', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/branding/logo' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.deepEqual(res.rawPayload, PNG);
    assert.ok(res.headers.etag);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'.*sandbox/);
    const settings = (await t.app.inject({ method: 'GET', url: '/api/v1/portal/settings' })).json();
    assert.deepEqual(settings.logo, { url: '/branding/logo', alt: 'Logo: een blauw huis' });
  });

  test('the portal pages link /theme.css after the shipped stylesheets and show the logo', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/klacht' });
    assert.equal(res.statusCode, 200);
    const links = [...res.body.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    assert.equal(links.at(-1), '/theme.css');
    assert.match(links[0]!, /^\/portal-assets\/page-/, "the page's own sheet first");
    assert.match(res.body, /<img class="kf-header__logo" src="\/branding\/logo" alt="Logo: een blauw huis">/);
  });
});

describe('without a theme', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('/theme.css is an empty rule and /branding/logo is 404; no logo in settings or the portal', async () => {
    const css = await t.app.inject({ method: 'GET', url: '/theme.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.match(css.body, /\.voorbeeld-theme \{\n\}\n$/);
    const logo = await t.app.inject({ method: 'GET', url: '/branding/logo' });
    assert.equal(logo.statusCode, 404);
    assert.match(String(logo.headers['content-type']), /problem\+json/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/portal/settings' })).json().logo, null);
    const page = await t.app.inject({ method: 'GET', url: '/klacht' });
    assert.doesNotMatch(page.body, /kf-header__logo/);
    assert.match(page.body, /<link rel="stylesheet" href="\/theme.css">/);
  });
});

test('the housing corporation example has a theme and an SVG logo next to it', async () => {
  const file = path.resolve(path.dirname(DEMO_ORGANISATION_FILE), 'examples/housing-corporation.json');
  const org = loadOrganisation(file);
  assert.ok(Object.keys(org.theme!.tokens).length > 5);
  assert.equal(org.theme!.logoAlt, org.name);
  const t = await createTestApp({ orgFile: file });
  try {
    const res = await t.app.inject({ method: 'GET', url: '/branding/logo' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/svg+xml');
    assert.match(res.body, /<svg /);
  } finally {
    await t.close();
  }
});

describe('a theme that could put more than a value into the stylesheet stops start-up', () => {
  const refused: [string, Record<string, unknown>, RegExp][] = [
    [
      'a value that closes the rule',
      { tokens: { '--basis-color-accent-1-color-default': 'red; } body { background: red' } },
      /theme\.tokens\.--basis-color-accent-1-color-default: invalid token value/,
    ],
    ['url(', { tokens: { '--x': 'url(https://evil.example/x.png)' } }, /theme\.tokens\.--x: .*url\( is not allowed/],
    ['expression(', { tokens: { '--x': 'expression(alert(1))' } }, /theme\.tokens\.--x: .*expression\( is not allowed/],
    ['a function that loads something', { tokens: { '--x': 'image-set("x.png" 1x)' } }, /theme\.tokens\.--x: .*image-set\( is not allowed/],
    ['an HTML end tag', { tokens: { '--x': '</style><script>' } }, /theme\.tokens\.--x/],
    ['an escape', { tokens: { '--x': '\\75 rl(x)' } }, /theme\.tokens\.--x/],
    ['a comment', { tokens: { '--x': 'red /* x' } }, /theme\.tokens\.--x: .*comment/],
    ['a line break', { tokens: { '--x': 'red\n--y: blue' } }, /theme\.tokens\.--x/],
    ['an open quote', { tokens: { '--x': '"red' } }, /theme\.tokens\.--x: .*quotes/],
    ['an open bracket', { tokens: { '--x': 'calc((1px + 2px)' } }, /theme\.tokens\.--x: .*brackets/],
    ['a name that is not a custom property', { tokens: { color: 'red' } }, /theme\.tokens/],
    ['a name with a selector in it', { tokens: { '--x}body{--y': 'red' } }, /theme\.tokens/],
    ['an over-long value', { tokens: { '--x': 'a'.repeat(201) } }, /theme\.tokens\.--x/],
    [
      'too many tokens',
      { tokens: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`--t${i}`, 'red'])) },
      /theme\.tokens: at most 200/,
    ],
    ['an unknown key', { tokens: {}, colours: { primary: 'red' } }, /theme: .*colours/],
    ['a logo of another type', { logoPath: 'logo.gif' }, /theme\.logoPath: a \.png, \.jpg, \.jpeg or \.svg file/],
  ];
  for (const [name, theme, message] of refused) {
    test(name, () => {
      assert.throws(
        () => loadOrganisation(writeConfig('bad.json', theme)),
        (err: Error) => {
          assert.match(err.message, /^Invalid organisation configuration/);
          assert.match(err.message, message);
          return true;
        },
      );
    });
  }

  test('a missing, over-large or mislabelled logo file', () => {
    assert.throws(
      () => loadOrganisation(writeConfig('bad.json', { logoPath: 'beeld/weg.svg' })),
      /theme\.logoPath: cannot read .*weg\.svg/,
    );
    fs.writeFileSync(path.join(tmp, 'beeld', 'groot.png'), Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]));
    assert.throws(() => loadOrganisation(writeConfig('bad.json', { logoPath: 'beeld/groot.png' })), /theme\.logoPath: .* bytes; at most/);
    fs.writeFileSync(path.join(tmp, 'beeld', 'nep.png'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    assert.throws(() => loadOrganisation(writeConfig('bad.json', { logoPath: 'beeld/nep.png' })), /theme\.logoPath: .* is not a PNG image/);
    fs.writeFileSync(path.join(tmp, 'beeld', 'nep.svg'), 'not an image');
    assert.throws(() => loadOrganisation(writeConfig('bad.json', { logoPath: 'beeld/nep.svg' })), /is not a SVG image/);
  });

  test('the server does not start, and opens no database, with a malicious token', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-theme-data-'));
    const env = readEnv({
      DEMO: '1',
      DATA_DIR: dataDir,
      ORG_CONFIG: writeConfig('bad-start.json', { tokens: { '--x': 'red;}*{background:url(//evil.example)' } }),
      LOG_LEVEL: 'silent',
    });
    await assert.rejects(startServer(env, { logger: false }), /theme\.tokens\.--x: invalid token value/);
    assert.deepEqual(fs.readdirSync(dataDir), []);
  });
});

test('plain values pass', () => {
  for (const v of [
    '#005a8c',
    'var(--a, #fff)',
    '"Noto Sans", sans-serif',
    "'Noto Serif'",
    'color-mix(in srgb, #005a8c 80%, white)',
    'calc(100% - (2 * 8px))',
    '999px',
    'rgb(0 90 140 / 50%)',
    'bold',
  ]) {
    assert.equal(tokenValueProblem(v), null, v);
  }
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));
