import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { Kysely, type Migration, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { readEnv } from '../config/env.ts';
import { startServer } from '../server.ts';
import { TEST_BACKEND } from '../test/database.ts';
import { fakeClock } from '../test/harness.ts';
import type { Database, OpenDatabase } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pgliteDialect.ts';
import type { DB } from './schema.ts';

/**
 * An installation of the previous release upgrades in place: its schema (the migrations up to
 * 029, the last of that release, from their own files), holding data, is migrated by this
 * release's start-up; every row is still there and the server starts on it.
 */
const PREVIOUS_RELEASE_LAST = '029_report_subscriptions';
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MIGRATIONS = path.join(import.meta.dirname, 'migrations');
const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

test('a database at the previous release (up to 029) with data upgrades to this schema intact, and the server starts on it', async () => {
  const database = await emptyDatabase();
  const previous: Record<string, Migration> = {};
  for (const f of fs.readdirSync(MIGRATIONS).sort()) {
    const name = f.replace(/\.ts$/, '');
    if (/^\d{3}_/.test(name) && name <= PREVIOUS_RELEASE_LAST) previous[name] = (await import(path.join(MIGRATIONS, f))) as Migration;
  }
  const at = await new Migrator({
    db: database.db,
    provider: { getMigrations: async () => previous },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  assert.equal(at.error, undefined);
  assert.equal(at.results?.at(-1)?.migrationName, PREVIOUS_RELEASE_LAST);

  // Rows as the previous release wrote them: a complainant, a handler, a case with its timeline, a document and a timer.
  const seededAt = new Date('2026-03-02T09:00:00Z');
  const before = await sql<{ case_id: string }>`
    with p as (insert into person (kind, name, email) values ('person', 'Ria de Vries', 'ria@example.nl') returning id),
    u as (insert into staff_user (email, name, roles) values ('anna@example.nl', 'Anna', '{firstLineAgent}') returning id),
    c as (
      insert into cases (reference, process_key, case_type, status, status_changed_at, subject, channel, complainant_id, received_at, created_at, updated_at, created_by)
      select 'KF-2026-000001', 'kcc-complaint', 'complaint', 'awaitingInformation', ${seededAt}, 'Wachttijd', 'phone', p.id, ${seededAt}, ${seededAt}, ${seededAt}, u.id
      from p, u returning id
    ),
    t as (insert into timeline_event (case_id, occurred_at, actor_name, type) select c.id, ${seededAt}, 'Anna', 'caseCreated' from c),
    d as (
      insert into document (case_id, doc_type, filename, media_type, size_bytes, sha256, storage_key, created_at)
      select c.id, 'other', 'verslag.txt', 'text/plain', 7, 'abc', 'ab/abcdef', ${seededAt} from c
    ),
    tm as (insert into timer (case_id, timer_key, fires_at, created_at) select c.id, 'informationWait', ${new Date('2026-03-16T09:00:00Z')}, ${seededAt} from c)
    select id as case_id from c`.execute(database.db);
  const caseId = before.rows[0]!.case_id;
  const snapshot = () => rowsOf(database.db, caseId);
  const old = await snapshot();

  await migrateToLatest(database.db);
  assert.deepEqual(await snapshot(), old, 'every row as it was');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-upgrade-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = readEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SMTP_HOST: '127.0.0.1', SMTP_PORT: '9' });
  const server = await startServer(env, { logger: false, database, clock: fakeClock('2026-03-03T09:00:00Z') });
  try {
    const health = await fetch(`${server.address}/api/v1/health`);
    assert.deepEqual(await health.json(), { status: 'ok' });
    assert.equal(
      (await server.services.db.selectFrom('timer').select('status').where('case_id', '=', caseId).executeTakeFirstOrThrow()).status,
      'pending',
    );
  } finally {
    await server.close();
  }
});

async function rowsOf(db: Database, caseId: string) {
  return {
    cases: await db
      .selectFrom('cases')
      .select(['id', 'reference', 'status', 'subject', 'complainant_id', 'received_at'])
      .where('id', '=', caseId)
      .execute(),
    timeline: await db.selectFrom('timeline_event').select(['type', 'actor_name', 'occurred_at']).where('case_id', '=', caseId).execute(),
    documents: await db.selectFrom('document').select(['filename', 'storage_key', 'sha256']).where('case_id', '=', caseId).execute(),
    timers: await db.selectFrom('timer').select(['timer_key', 'fires_at', 'status']).where('case_id', '=', caseId).execute(),
  };
}

/** An empty database, not migrated (openDatabase would migrate it to this release at once). */
async function emptyDatabase(): Promise<OpenDatabase> {
  if (TEST_BACKEND === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const pglite = await PGlite.create({ extensions: { pg_trgm, unaccent } });
    pglite.parsers[20] = (v: string) => Number(v);
    pglite.parsers[1082] = (v: string) => v;
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return { db, backend: 'pglite', close: () => db.destroy().then(() => pglite.close()) };
  }
  const name = `kf_upgrade_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  cleanups.push(() => admin((c) => c.query(`drop database if exists ${name} with (force)`)));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 4 }) }) });
  return { db, backend: 'postgres', close: () => db.destroy() };
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
