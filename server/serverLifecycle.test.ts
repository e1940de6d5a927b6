import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { readEnv } from './config/env.ts';
import { startServer } from './server.ts';
import { createTestDatabase } from './test/database.ts';
import { DEMO_USERS } from './demo/demoContent.ts';

const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Klachtflow draait')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited before ready:\n${output}`));
    });
  });
  ready.catch(() => {}); // awaited by the tests that expect a start; a refused start is asserted via `exited`
  return { child, ready, exited, output: () => output };
}

const children: ChildProcess[] = [];
after(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('the embedded server as a process', () => {
  test('locks its data directory, shuts down cleanly on SIGTERM, and keeps its data over a restart', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-life-'));
    const port = await freePort();
    const first = startProcess({ DATA_DIR: dataDir, PORT: String(port), DEMO: '1' });
    children.push(first.child);
    await first.ready;
    assert.match(first.output(), new RegExp(`Demodata aangemaakt: ${DEMO_USERS.length} gebruikers, \\d+ meldingen`));
    assert.ok(fs.existsSync(path.join(dataDir, 'klachtflow.lock')));
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    assert.equal(health.status, 200);

    const second = startProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), DEMO: '1' });
    children.push(second.child);
    assert.equal(await second.exited, 1);
    assert.match(second.output(), /is in use by process \d+/);

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0, first.output());
    assert.ok(!fs.existsSync(path.join(dataDir, 'klachtflow.lock')), 'lock released');

    const again = startProcess({ DATA_DIR: dataDir, PORT: String(port), DEMO: '1' });
    children.push(again.child);
    await again.ready;
    assert.doesNotMatch(again.output(), /Demodata aangemaakt/, 'demo data is not added twice');
    const options = await (await fetch(`http://127.0.0.1:${port}/api/v1/login-options`)).json();
    assert.equal(options.demoUsers.length, DEMO_USERS.length, 'the users survived the restart');
    again.child.kill('SIGINT');
    assert.equal(await again.exited, 0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('PostgreSQL: stateless instances', () => {
  test('two instances on one database serve the same data and the same sessions', { timeout: 60_000 }, async () => {
    const database = await createTestDatabase({ backend: 'postgres' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-two-'));
    const env = readEnv({ DATABASE_URL: database.url!, DATA_DIR: dataDir, DEMO: '1', PORT: '0', LOG_LEVEL: 'silent' });
    const a = await startServer(env, { logger: false });
    const b = await startServer(env, { logger: false });
    try {
      assert.equal(a.backend, 'postgres');
      const urlA = a.address.replace('[::1]', '127.0.0.1');
      const urlB = b.address.replace('[::1]', '127.0.0.1');
      const users = (await (await fetch(`${urlB}/api/v1/login-options`)).json()).demoUsers;
      assert.equal(users.length, DEMO_USERS.length, 'seeded once, not twice');
      const agent = users.find((u: { roles: { key: string }[] }) => u.roles.some((r) => r.key === 'firstLineAgent'));
      const login = await fetch(`${urlA}/api/v1/dev-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: agent.id }),
      });
      assert.equal(login.status, 200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = await login.json();
      const created = await fetch(`${urlB}/api/v1/activities`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'counter', subject: 'Aan de balie' }),
      });
      assert.equal(created.status, 201, 'a session made on A works on B');
      const id = (await created.json()).id;
      const read = await fetch(`${urlA}/api/v1/activities/${id}`, { headers: { cookie } });
      assert.equal(read.status, 200);
      assert.equal((await read.json()).subject, 'Aan de balie');

      // Logging out on A ends the session on A at once, and on B (which holds it in its two-second
      // session cache) within those two seconds.
      assert.equal((await fetch(`${urlB}/api/v1/session`, { headers: { cookie } })).status, 200);
      assert.equal(
        (await fetch(`${urlA}/api/v1/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } })).status,
        204,
      );
      assert.equal((await fetch(`${urlA}/api/v1/session`, { headers: { cookie } })).status, 401);
      await new Promise((r) => setTimeout(r, 2_100));
      assert.equal((await fetch(`${urlB}/api/v1/session`, { headers: { cookie } })).status, 401);
    } finally {
      await a.close();
      await b.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
