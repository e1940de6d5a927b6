import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../db/connect.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a throwaway PostgreSQL
 * database when TEST_DATABASE=postgres (CI runs the suites both ways). Dropped on close.
 */
export const TEST_BACKEND = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(
  opts: { poolSize?: number; backend?: 'postgres' | 'pglite' } = {},
): Promise<OpenDatabase & { url?: string }> {
  if ((opts.backend ?? TEST_BACKEND) === 'pglite') return openDatabase({});
  const name = `kf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: opts.poolSize });
  return {
    ...db,
    url: url.toString(),
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
