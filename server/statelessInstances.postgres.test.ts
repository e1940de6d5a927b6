import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { readEnv } from './config/env.ts';
import { DEMO_USERS } from './demo/demoContent.ts';
import { startServer } from './server.ts';
import { createTestDatabase } from './test/database.ts';

/**
 * Runs in the PostgreSQL suite only (scripts/test.sh: *.postgres.test.ts): it is about instances
 * sharing one PostgreSQL database, which the embedded database cannot do.
 */
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
