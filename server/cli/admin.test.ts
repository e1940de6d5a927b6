import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { staffUserForOidc } from '../auth/oidcLogins.ts';
import { openDatabase } from '../db/connect.ts';
import { createTestDatabase, pgliteSnapshotFile, TEST_BACKEND } from '../test/database.ts';
import { createTestServices } from '../test/harness.ts';

/**
 * The first start without SQL (issue 13 point 2), as an operator runs it: `npm run admin --
 * create-admin` as a process, on the embedded database in DATA_DIR or on PostgreSQL by DATABASE_URL
 * (whichever this suite runs on). It creates the first administrator, refuses a second unless
 * forced, and the account it made is the one an OpenID login with that e-mail address opens.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('npm run admin -- create-admin', () => {
  let where: Record<string, string>;
  let cleanUp: () => Promise<void>;
  let dataDir: string | undefined;
  let url: string | undefined;
  before(async () => {
    if (TEST_BACKEND === 'postgres') {
      const db = await createTestDatabase();
      await db.db.destroy();
      url = db.url!;
      where = { DATABASE_URL: url };
      cleanUp = db.close;
    } else {
      // An empty installation's data directory, from the migrated template (a fresh initdb takes long).
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-admin-cli-'));
      fs.mkdirSync(path.join(dataDir, 'pglite'));
      await run('tar', ['-xf', await pgliteSnapshotFile(), '-C', path.join(dataDir, 'pglite')]);
      where = { DATA_DIR: dataDir };
      cleanUp = async () => fs.rmSync(dataDir!, { recursive: true, force: true });
    }
  });
  after(() => cleanUp());

  async function admin(...args: string[]) {
    const { DATABASE_URL: _url, DATA_DIR: _dir, DEMO: _demo, ...env } = process.env;
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
        cwd: root,
        env: { ...env, ...where, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  test('creates the first administrator, refuses a second unless forced, and the OpenID login finds the account', {
    timeout: 120_000,
  }, async () => {
    const bad = await admin('create-admin', '--name', 'Anna Admin', '--email', 'geen-adres');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Fout: geef een geldig e-mailadres met --email/);

    const first = await admin('create-admin', '--name', 'Anna Admin', '--email', 'Anna.Admin@Organisatie.example');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Beheerder aangemaakt: Anna Admin <Anna\.Admin@Organisatie\.example> \(id [0-9a-f-]{36}\)/);
    assert.match(first.stdout, /het eerste inloggen met Anna\.Admin@Organisatie\.example koppelt het account/);

    const second = await admin('create-admin', '--name', 'Bram Beheer', '--email', 'bram@organisatie.example');
    assert.equal(second.code, 2);
    assert.match(second.stderr, /Niets gewijzigd: er is al een actieve beheerder \(Anna Admin <Anna\.Admin@Organisatie\.example>\)/);

    const forced = await admin('create-admin', '--name', 'Bram Beheer', '--email', 'bram@organisatie.example', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /^Beheerder aangemaakt: Bram Beheer/);

    // The server's view of that database: two administrators, each change recorded, and the first
    // OpenID login with the address (any case) opens Anna's account and links it.
    const env = await createTestServices({ database: await openDatabase(url ? { databaseUrl: url } : { dataDir }) });
    try {
      const db = env.services.db;
      const admins = await db.selectFrom('staff_user').select(['id', 'name', 'roles', 'active']).orderBy('name').execute();
      assert.deepEqual(
        admins.map((a) => [a.name, a.roles, a.active]),
        [
          ['Anna Admin', ['administrator'], true],
          ['Bram Beheer', ['administrator'], true],
        ],
      );
      const changes = await db.selectFrom('admin_change').select(['actor_name', 'action', 'subject_id']).orderBy('id').execute();
      assert.deepEqual(
        changes.map((c) => [c.actor_name, c.action, c.subject_id]),
        admins.map((a) => ['Beheeropdracht (npm run admin)', 'userCreated', a.id]),
      );
      const userId = await staffUserForOidc(env.services, {
        sub: 'provider-subject-1',
        email: 'anna.admin@organisatie.example',
        emailVerified: true,
        name: 'Anna Admin',
        claims: {},
      });
      assert.equal(userId, admins[0]!.id);
    } finally {
      await env.close();
    }
  });
});
