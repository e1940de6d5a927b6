import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../db/connect.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a throwaway PostgreSQL
 * database when TEST_DATABASE=postgres (CI runs the suites both ways). Dropped on close.
 *
 * Both start from a migrated template, made once per schema: a PGlite data directory dumped to the
 * temp folder, a PostgreSQL template database. A fresh PGlite runs initdb inside WebAssembly and
 * then every migration (seconds each time, for some 160 databases a run); loading a dump or
 * copying a template takes a fraction of that. The template's name holds a hash of the migrations,
 * so a changed or added migration makes a new one and a test never sees a stale schema.
 */
export const TEST_BACKEND = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaKey = (() => {
  const hash = createHash('sha256');
  const migrations = path.join(here, '../db/migrations');
  for (const file of fs.readdirSync(migrations).sort()) hash.update(file).update(fs.readFileSync(path.join(migrations, file)));
  hash.update(fs.readFileSync(path.join(here, '../db/migrate.ts')));
  const pglite = path.join(here, '../../node_modules/@electric-sql/pglite/package.json');
  hash.update(fs.existsSync(pglite) ? JSON.parse(fs.readFileSync(pglite, 'utf8')).version : '');
  return hash.digest('hex').slice(0, 16);
})();

export async function createTestDatabase(
  opts: { poolSize?: number; backend?: 'postgres' | 'pglite' } = {},
): Promise<OpenDatabase & { url?: string }> {
  if ((opts.backend ?? TEST_BACKEND) === 'pglite') return openDatabase({ snapshot: await pgliteSnapshot() });
  const name = `kf_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    const template = await postgresTemplate(admin);
    await copyDatabase(admin, name, template);
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: opts.poolSize });
  return {
    ...db,
    url: url.toString(),
    close: async () => {
      await db.close();
      await withAdmin((a) => a.query(`drop database if exists ${name} with (force)`));
    },
  };
}

let snapshot: Promise<Blob> | undefined;
/** The migrated PGlite data directory, read once per process. */
function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= pgliteSnapshotFile().then((file) => new Blob([fs.readFileSync(file)]));
  return snapshot;
}

/**
 * The migrated PGlite data directory as a tar file in the temp folder, made now when missing. The
 * browser journeys' servers unpack it into their fresh data directory (e2e/support/server.ts).
 */
export async function pgliteSnapshotFile(): Promise<string> {
  const file = path.join(os.tmpdir(), `klachtflow-test-pglite-${schemaKey}.tar`);
  if (fs.existsSync(file)) return file;
  const fresh = await openDatabase({});
  const dump = await fresh.dumpSnapshot!();
  await fresh.close();
  // Written under a name of its own, then renamed: a test file starting meanwhile never reads half a dump.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
  // Dumps of earlier schemas (42 MB each) go once they are an hour old.
  for (const old of fs.readdirSync(os.tmpdir())) {
    const at = path.join(os.tmpdir(), old);
    if (old.startsWith('klachtflow-test-pglite-') && at !== file && Date.now() - fs.statSync(at).mtimeMs > 3_600_000) {
      fs.rmSync(at, { force: true });
    }
  }
  return file;
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** The migrated template database, made once per schema; test files starting together wait on a lock. */
async function postgresTemplate(admin: pg.Client): Promise<string> {
  const template = `kf_template_${schemaKey}`;
  const exists = async () => (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount === 1;
  if (await exists()) return template;
  await admin.query('select pg_advisory_lock(hashtext($1))', ['klachtflow-test-template']);
  try {
    if (await exists()) return template;
    const building = `${template}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${building}`;
    const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await db.close();
    await admin.query(`alter database ${building} rename to ${template}`);
    // Templates of earlier schemas are no use any more; one still being copied refuses the drop and stays.
    const stale = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'kf\\_template\\_%' and datname <> $1",
      [template],
    );
    for (const { datname } of stale.rows) await admin.query(`drop database if exists ${datname}`).catch(() => {});
    return template;
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', ['klachtflow-test-template']);
  }
}

/** CREATE DATABASE … TEMPLATE refuses while another session is copying the same template: retry briefly. */
async function copyDatabase(admin: pg.Client, name: string, template: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (err) {
      if (attempt >= 50 || !/being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
    }
  }
}
