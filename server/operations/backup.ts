import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';
import { lockDataDir } from '../db/dataDirLock.ts';
import { EMBEDDED_START_PARAMS } from '../db/connect.ts';

/**
 * One backup file (.tar.gz) for either backend, with the documents beside the database:
 * - PostgreSQL: `database.dump`, pg_dump's custom format, taken while the server runs (one snapshot);
 * - embedded: the PGlite data directory, copied while no server holds it (its lock refuses a
 *   running one), after opening and closing it once, so the copy is checkpointed and clean;
 * - `files/`: the blob storage (documents, letters, raw mail) under DATA_DIR/files;
 * - `klachtflow-backup.json`: what the file holds, checked before anything is restored.
 * docs/operations.md describes the commands (npm run backup / restore) around these.
 */
export type BackupTarget = { databaseUrl?: string; dataDir: string };
type Manifest = { format: 'klachtflow-backup'; version: 1; database: 'postgres' | 'pglite'; createdAt: string; migrations: string[] };

const MANIFEST = 'klachtflow-backup.json';
const run = promisify(execFile);

export async function createBackup(target: BackupTarget, file: string): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-backup-'));
  try {
    const files = path.join(target.dataDir, 'files');
    fs.mkdirSync(files, { recursive: true });
    fs.symlinkSync(files, path.join(work, 'files'));
    let manifest: Manifest;
    if (target.databaseUrl) {
      manifest = await manifestOf('postgres', async () => migrationsOnPostgres(target.databaseUrl!));
      await run(pgTool('pg_dump'), [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${path.join(work, 'database.dump')}`,
        target.databaseUrl,
      ]);
      await archive(work, file, manifest, ['database.dump', 'files']);
    } else {
      const release = lockDataDir(target.dataDir);
      try {
        manifest = await manifestOf('pglite', () => checkpointEmbedded(path.join(target.dataDir, 'pglite')));
        fs.symlinkSync(path.join(target.dataDir, 'pglite'), path.join(work, 'pglite'));
        await archive(work, file, manifest, ['pglite', 'files']);
      } finally {
        release();
      }
    }
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Restores into an empty target: an embedded DATA_DIR without a database, or a PostgreSQL database
 * (pg_restore --clean replaces what the dump holds, in one transaction). Documents go to DATA_DIR/files.
 */
export async function restoreBackup(target: BackupTarget, file: string): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-restore-'));
  try {
    await tar.x({ file, cwd: work, filter: (p) => p === MANIFEST });
    const manifestFile = path.join(work, MANIFEST);
    if (!fs.existsSync(manifestFile)) throw new Error(`${file} is not a Klachtflow backup (it has no ${MANIFEST})`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const wanted = target.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.format !== 'klachtflow-backup' || manifest.version !== 1) throw new Error(`${file}: unknown backup format`);
    if (manifest.database !== wanted)
      throw new Error(
        manifest.database === 'pglite'
          ? `${file} holds an embedded database: restore it without DATABASE_URL`
          : `${file} holds a PostgreSQL dump: restore it with DATABASE_URL set`,
      );
    fs.mkdirSync(target.dataDir, { recursive: true });
    if (target.databaseUrl) {
      await tar.x({ file, cwd: work, filter: (p) => p === 'database.dump' });
      await tar.x({ file, cwd: target.dataDir, filter: (p) => p === 'files' || p.startsWith('files/') });
      await run(pgTool('pg_restore'), [
        '--no-owner',
        '--no-privileges',
        '--clean',
        '--if-exists',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${target.databaseUrl}`,
        path.join(work, 'database.dump'),
      ]);
    } else {
      const release = lockDataDir(target.dataDir);
      try {
        for (const dir of ['pglite', 'files']) {
          const at = path.join(target.dataDir, dir);
          if (fs.existsSync(at) && fs.readdirSync(at).length)
            throw new Error(`${at} is not empty: restore into a new DATA_DIR, or move the old one aside first`);
        }
        await tar.x({ file, cwd: target.dataDir, filter: (p) => p !== MANIFEST });
      } finally {
        release();
      }
    }
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function manifestOf(database: Manifest['database'], migrations: () => Promise<string[]>): Promise<Manifest> {
  return { format: 'klachtflow-backup', version: 1, database, createdAt: new Date().toISOString(), migrations: await migrations() };
}

async function archive(work: string, file: string, manifest: Manifest, entries: string[]) {
  fs.writeFileSync(path.join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  // Written beside the target and renamed: an interrupted backup never looks like a complete one.
  const partial = `${file}.partial`;
  await tar.c({ gzip: true, file: partial, cwd: work, follow: true, portable: true }, [MANIFEST, ...entries]);
  fs.renameSync(partial, file);
}

/** Opens and closes the embedded database: recovery after a crash, then a checkpoint, so its files are whole. */
async function checkpointEmbedded(dir: string): Promise<string[]> {
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`No embedded database in ${dir}`);
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const pglite = await PGlite.create({
    dataDir: dir,
    extensions: { pg_trgm, unaccent },
    startParams: EMBEDDED_START_PARAMS(PGlite.defaultStartParams),
  });
  try {
    return (await pglite.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name);
  } finally {
    await pglite.close();
  }
}

async function migrationsOnPostgres(url: string): Promise<string[]> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump and pg_restore must be at least the server's version: the newest installed
 * (/usr/lib/postgresql/<n>/bin on Debian) unless PG_BIN names a directory.
 */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', name))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin', name) : name;
}
