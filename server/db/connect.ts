import fs from 'node:fs';
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
 * The embedded database runs inside this process's memory, so its buffers count towards the
 * server's own: PostgreSQL's default 128 MB of shared buffers is most of a restarted server's
 * resident memory (bench k). A small organisation's database is tens of MB and its files stay in
 * the operating system's cache, so 16 MB costs no measurable speed.
 */
const EMBEDDED_SETTINGS = ['shared_buffers=16MB'];
export const EMBEDDED_START_PARAMS = (defaults: string[]) => [...defaults, ...EMBEDDED_SETTINGS.flatMap((s) => ['-c', s])];

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
  const fresh = !!opts.dataDir && !fs.existsSync(path.join(opts.dataDir, 'pglite', 'PG_VERSION'));
  try {
    const dataDir = opts.dataDir ? path.join(opts.dataDir, 'pglite') : undefined;
    const create = () =>
      PGlite.create({
        dataDir,
        loadDataDir: opts.dataDir ? undefined : opts.snapshot,
        extensions: { pg_trgm, unaccent },
        startParams: EMBEDDED_START_PARAMS(PGlite.defaultStartParams),
      });
    let pglite = await create();
    // initdb leaves its WebAssembly memory (some 600 MB) with the instance that ran it, and that
    // memory never shrinks: on a new data directory the instance is closed and opened again, so a
    // first start does not keep it (bench k).
    if (dataDir && fresh) {
      await pglite.close();
      pglite = await create();
    }
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
