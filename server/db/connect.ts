import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './dataDirLock.ts';
import { migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pgliteDialect.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;
export type Backend = 'postgres' | 'pglite';
export type OpenDatabase = { db: Database; backend: Backend; close: () => Promise<void> };

// Timestamps come back as Date, bigint counts as numbers (counts never pass 2^53 here), and a
// `date` stays the civil date string it is ('2026-05-04'): turning it into a Date would shift it
// by the process's time zone.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

/**
 * PostgreSQL when a URL is given; embedded PGlite in `dataDir` (or in memory) otherwise. An in-memory
 * PGlite can start from `snapshot`, a data directory dumped by `dumpSnapshot` (the tests' migrated
 * template: starting from one skips initdb, most of a fresh database's cost).
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  snapshot?: Blob;
}): Promise<OpenDatabase & { dumpSnapshot?: () => Promise<Blob> }> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover) is replaced on next use; unhandled,
    // pg would turn it into an uncaught exception and stop the process.
    pool.on('error', (err) => console.warn(`PostgreSQL connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db);
    return { db, backend: 'postgres', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const release = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      dataDir: opts.dataDir ? path.join(opts.dataDir, 'pglite') : undefined,
      loadDataDir: opts.dataDir ? undefined : opts.snapshot,
      extensions: { pg_trgm, unaccent },
    });
    pglite.parsers[20] = (v: string) => Number(v);
    pglite.parsers[1082] = (v: string) => v;
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    await migrateToLatest(db);
    return {
      db,
      backend: 'pglite',
      dumpSnapshot: () => pglite.dumpDataDir('none'),
      close: async () => {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
