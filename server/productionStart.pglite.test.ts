import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ensureBuilt, startCompiled, stopCompiled } from '../scripts/compiledServer.ts';

/**
 * Production runs the compiled JavaScript (`npm start`: node dist/server/main.js), no TypeScript at
 * run time. Everything found by path must be found from dist/ too: the demo organisation and process
 * presets in config/, the migrations, the portal's assets in node_modules and web/portal, the
 * letter fonts. test.sh builds before the suites; this reuses that build when it is current.
 */
let dataDir: string;
let server: Awaited<ReturnType<typeof startCompiled>>;

before(async () => {
  ensureBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-compiled-'));
  // Production mode refuses to start without SMTP; nothing here sends mail.
  server = await startCompiled({ dataDir, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: '9', NODE_OPTIONS: '' } });
});

after(async () => {
  if (server) await stopCompiled(server.child);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('node dist/server/main.js starts on a fresh data directory and serves what it finds by path', async () => {
  const base = `http://127.0.0.1:${server.port}`;
  const health = await fetch(`${base}/api/v1/health`);
  assert.deepEqual(await health.json(), { status: 'ok' });
  // No TypeScript loader in the process: the build runs as plain Node.
  assert.doesNotMatch(server.output(), /tsx/);

  const form = await fetch(`${base}/klacht`);
  assert.equal(form.status, 200, 'the portal form (texts, organisation configuration)');
  assert.match(await form.text(), /<form/);
  for (const asset of ['portal.css', 'utrecht/page-header.css', 'fonts/noto-sans/400.css']) {
    const res = await fetch(`${base}/portal-assets/${asset}`);
    assert.equal(res.status, 200, `${asset} from web/portal and node_modules`);
    await res.arrayBuffer();
  }
  const spec = await fetch(`${base}/api/v1/docs/json`);
  assert.equal(spec.status, 200);
  await spec.arrayBuffer();
});

test('SIGTERM closes the embedded database cleanly and releases the data directory', async () => {
  assert.equal(await stopCompiled(server.child), 0);
  assert.equal(fs.existsSync(path.join(dataDir, 'klachtflow.lock')), false);
  // The same directory starts again: migrations found as already applied, no second seeding.
  server = await startCompiled({ dataDir, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: '9' } });
  const health = await fetch(`http://127.0.0.1:${server.port}/api/v1/health`);
  assert.equal(health.status, 200);
  await health.arrayBuffer();
});

test("the demo's first start (npm run demo) seeds in a process of its own, and serves the demo once ready", async () => {
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-compiled-demo-'));
  const demo = await startCompiled({ dataDir: demoDir, env: { DEMO: '1', NODE_OPTIONS: '' } });
  try {
    assert.match(demo.output(), /Demodata aangemaakt: \d+ gebruikers, \d+ meldingen/);
    // The seeding process has ended: only the server holds the data directory.
    const options = await fetch(`http://127.0.0.1:${demo.port}/api/v1/login-options`);
    assert.equal(options.status, 200);
    assert.ok(((await options.json()) as { demoUsers: unknown[] }).demoUsers.length > 5, 'the demo users are there');
  } finally {
    await stopCompiled(demo.child);
    fs.rmSync(demoDir, { recursive: true, force: true });
  }
});
