import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { DEMO_USERS } from './demo/demoContent.ts';

/**
 * Runs in the PGlite suite only (scripts/test.sh: *.pglite.test.ts): it is about the embedded
 * database as a process owns it (its directory lock, a restart), whatever TEST_DATABASE says.
 */
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
