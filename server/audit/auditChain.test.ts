import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../db/connect.ts';
import { createTestDatabase, pgliteSnapshotFile, TEST_BACKEND } from '../test/database.ts';
import { type AuditRecord, appendAudit } from './auditChain.ts';
import { verifyChain } from './verifyChain.ts';

/**
 * The audit log's hash chain: appends number and chain every entry, two instances appending at once
 * do not fork it, the table refuses changes, and `npm run audit:check` finds an entry changed or
 * removed behind the triggers' back (as a superuser can), naming the entry, with a non-zero exit.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const CASE = '0b7d4c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
const PERSON = '1c8e5d2f-3a4b-4c6d-9e0f-1a2b3c4d5e6f';
const USER = '2d9f6e3a-4b5c-4d7e-8f1a-2b3c4d5e6f7a';
const entry = (n: number, over: Partial<AuditRecord> = {}): AuditRecord => ({
  at: new Date(Date.UTC(2026, 2, 2, 9, 0, n)),
  actorKind: 'staff',
  actorId: USER,
  action: 'case.read',
  caseId: CASE,
  personIds: [PERSON],
  objectId: null,
  ip: '192.0.2.7',
  ...over,
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
before(async () => {
  database = await createTestDatabase({ poolSize: 10 });
  db = database.db;
});
after(() => database.close());

test('appends are numbered from 1 and chained; the check recomputes the chain and finds it intact', async () => {
  await appendAudit(db, entry(1));
  await appendAudit(db, entry(2, { actorKind: 'client', action: 'POST /cases/:id/notes', personIds: [] }));
  await appendAudit(db, entry(3, { caseId: null, objectId: CASE, ip: null }));
  const rows = await db.selectFrom('audit_entry').select(['seq', 'action']).orderBy('seq').execute();
  assert.deepEqual(
    rows.map((r) => [Number(r.seq), r.action]),
    [
      [1, 'case.read'],
      [2, 'POST /cases/:id/notes'],
      [3, 'case.read'],
    ],
  );
  assert.deepEqual(await verifyChain(db), { checked: 3, headSeq: 3, breaks: [] });
});

test('the entries refuse UPDATE, DELETE and TRUNCATE', async () => {
  await assert.rejects(sql`update audit_entry set action = 'case.list' where seq = 1`.execute(db), /append-only/);
  await assert.rejects(sql`delete from audit_entry where seq = 1`.execute(db), /append-only/);
  await assert.rejects(sql`truncate audit_entry`.execute(db), /append-only/);
  await assert.rejects(sql`delete from audit_chain_head`.execute(db), /append-only/);
});

test('two instances appending at once do not fork the chain: every number once, every hash follows', async () => {
  // Two connection pools stand for two app instances (on PGlite, one process serialises them anyway).
  const second =
    TEST_BACKEND === 'postgres' && database.url
      ? await openDatabase({ databaseUrl: database.url, poolSize: 10 })
      : { db, close: async () => {} };
  try {
    const N = TEST_BACKEND === 'postgres' ? 400 : 60;
    const before = Number((await db.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow()).seq);
    await Promise.all(Array.from({ length: N }, (_, i) => appendAudit(i % 2 ? second.db : db, entry(10 + i))));
    const seqs = (await db.selectFrom('audit_entry').select('seq').where('seq', '>', before).orderBy('seq').execute()).map((r) =>
      Number(r.seq),
    );
    assert.deepEqual(
      seqs,
      Array.from({ length: N }, (_, i) => before + 1 + i),
    );
    const report = await verifyChain(db);
    assert.deepEqual(report.breaks, []);
    assert.equal(report.checked, before + N);
  } finally {
    await second.close();
  }
});

/** `npm run audit:check` against a database given the way the server is (DATABASE_URL or DATA_DIR). */
async function auditCheck(env: Record<string, string>) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli/auditCheck.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

test('audit:check names an entry changed and one removed behind the triggers, and exits non-zero', async () => {
  // PostgreSQL: this test's database by URL. PGlite: a data directory, as a stopped server leaves it
  // (it is locked while open, so the check runs after it is closed).
  let dataDir: string | undefined;
  let target = { db, env: { DATABASE_URL: database.url ?? '' } as Record<string, string>, close: async () => {} };
  if (TEST_BACKEND !== 'postgres') {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-audit-'));
    fs.mkdirSync(path.join(dataDir, 'pglite'));
    execFileSync('tar', ['-xf', await pgliteSnapshotFile(), '-C', path.join(dataDir, 'pglite')]);
    const opened = await openDatabase({ dataDir });
    target = { db: opened.db, env: { DATABASE_URL: '', DATA_DIR: dataDir }, close: opened.close };
  }
  const h = Number((await target.db.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow()).seq);
  for (let i = 1; i <= 5; i++) await appendAudit(target.db, entry(i));
  if (!dataDir) {
    const intact = await auditCheck(target.env);
    assert.equal(intact.code, 0, intact.out);
    assert.match(intact.out, /Audit log intact: \d+ entries checked/);
  }
  try {
    // A superuser switches the trigger off, rewrites entry 2's action and removes entry 4.
    await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(target.db);
    await sql`update audit_entry set action = 'case.list' where seq = ${h + 2}`.execute(target.db);
    await sql`delete from audit_entry where seq = ${h + 4}`.execute(target.db);
    await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(target.db);
    if (dataDir) await target.close();
    const broken = await auditCheck(target.env);
    assert.equal(broken.code, 1, broken.out);
    assert.match(broken.out, /Audit log BROKEN: 2 break\(s\)/);
    assert.match(broken.out, new RegExp(`entry ${h + 2}: its hash does not match its content`));
    assert.match(broken.out, new RegExp(`entry ${h + 5}: entries ${h + 4}–${h + 4} are missing`));
    assert.doesNotMatch(broken.out, new RegExp(`entry (${h + 1}|${h + 3}):`));
  } finally {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
