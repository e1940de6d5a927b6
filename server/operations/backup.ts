import { execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import * as tar from 'tar';
import { lockDataDir } from '../db/dataDirLock.ts';
import { EMBEDDED_START_PARAMS } from '../db/connect.ts';
import type { BlobStorage } from '../storage/blobStorage.ts';
import type { S3Config } from '../storage/s3Storage.ts';
import { storageFromEnv } from '../storage/storageFromEnv.ts';

/**
 * One backup file (.tar.gz) for either backend, with the documents beside the database:
 * - PostgreSQL: `database.dump`, pg_dump's custom format, taken while the server runs (one snapshot);
 * - embedded: the PGlite data directory, copied while no server holds it (its lock refuses a
 *   running one), after opening and closing it once, so the copy is checkpointed and clean;
 * - `files/<first two characters>/<key>`: the blob storage (documents, letters, raw mail), the layout
 *   of DATA_DIR/files, whether the objects came from there or from the S3 bucket (env `s3`): a backup
 *   from either restores into either;
 * - `klachtflow-backup.json`: what the file holds, checked before anything is restored.
 * docs/operations.md describes the commands (npm run backup / restore) around these.
 */
export type BackupTarget = { databaseUrl?: string; dataDir: string; s3?: S3Config };
type Manifest = {
  format: 'klachtflow-backup';
  version: 1;
  database: 'postgres' | 'pglite';
  /** Where the documents were taken from; absent in backups made before S3 was backed up ('files'). */
  documents?: 'files' | 's3';
  createdAt: string;
  migrations: string[];
};

const MANIFEST = 'klachtflow-backup.json';
const run = promisify(execFile);

export async function createBackup(target: BackupTarget, file: string): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-backup-'));
  try {
    // DATA_DIR/files is archived as a directory; a bucket is streamed object by object after the database.
    const bucket = target.s3 ? await storageFromEnv({ dataDir: target.dataDir, s3: target.s3 }) : undefined;
    const documents = bucket ? 's3' : 'files';
    const files = bucket ? [] : ['files'];
    if (!bucket) {
      fs.mkdirSync(path.join(target.dataDir, 'files'), { recursive: true });
      fs.symlinkSync(path.join(target.dataDir, 'files'), path.join(work, 'files'));
    }
    let manifest: Manifest;
    if (target.databaseUrl) {
      manifest = await manifestOf('postgres', documents, async () => migrationsOnPostgres(target.databaseUrl!));
      await run(pgTool('pg_dump'), [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${path.join(work, 'database.dump')}`,
        target.databaseUrl,
      ]);
      // The objects are read after the dump: every document the dump names is in the backup.
      await archive(work, file, manifest, ['database.dump', ...files], bucket);
    } else {
      const release = lockDataDir(target.dataDir);
      try {
        manifest = await manifestOf('pglite', documents, () => checkpointEmbedded(path.join(target.dataDir, 'pglite')));
        fs.symlinkSync(path.join(target.dataDir, 'pglite'), path.join(work, 'pglite'));
        await archive(work, file, manifest, ['pglite', ...files], bucket);
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
 * (pg_restore --clean replaces what the dump holds, in one transaction). Documents go to DATA_DIR/files,
 * or into the S3 bucket when one is configured, which must then hold no documents yet.
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
    const bucket = target.s3 ? await storageFromEnv({ dataDir: target.dataDir, s3: target.s3 }) : undefined;
    if (bucket) await refuseNonEmpty(bucket, target.s3!.bucket);
    const isFiles = (p: string) => p === 'files' || p.startsWith('files/');
    if (target.databaseUrl) {
      await tar.x({ file, cwd: work, filter: (p) => p === 'database.dump' });
      if (bucket) await restoreObjects(file, bucket);
      else await tar.x({ file, cwd: target.dataDir, filter: isFiles });
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
        for (const dir of bucket ? ['pglite'] : ['pglite', 'files']) {
          const at = path.join(target.dataDir, dir);
          if (fs.existsSync(at) && fs.readdirSync(at).length)
            throw new Error(`${at} is not empty: restore into a new DATA_DIR, or move the old one aside first`);
        }
        if (bucket) {
          await tar.x({ file, cwd: target.dataDir, filter: (p) => p !== MANIFEST && !isFiles(p) });
          await restoreObjects(file, bucket);
        } else {
          await tar.x({ file, cwd: target.dataDir, filter: (p) => p !== MANIFEST });
        }
      } finally {
        release();
      }
    }
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function manifestOf(
  database: Manifest['database'],
  documents: NonNullable<Manifest['documents']>,
  migrations: () => Promise<string[]>,
): Promise<Manifest> {
  return {
    format: 'klachtflow-backup',
    version: 1,
    database,
    documents,
    createdAt: new Date().toISOString(),
    migrations: await migrations(),
  };
}

async function archive(work: string, file: string, manifest: Manifest, entries: string[], bucket?: BlobStorage) {
  fs.writeFileSync(path.join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  // Written beside the target and renamed: an interrupted backup never looks like a complete one.
  const partial = `${file}.partial`;
  if (!bucket) {
    await tar.c({ gzip: true, file: partial, cwd: work, follow: true, portable: true }, [MANIFEST, ...entries]);
  } else {
    // Each object's entry is awaited until the pack has written it: an entry waiting in the pack's queue
    // holds one of its few job slots, and four of them (small objects behind the database's many
    // files) would leave none for the files ahead, which then never get written.
    const packed = new Map<tar.ReadEntry, () => void>();
    const pack = new tar.Pack({
      gzip: true,
      cwd: work,
      follow: true,
      portable: true,
      onWriteEntry: (w) => {
        const readEntry = (w as unknown as { readEntry?: tar.ReadEntry }).readEntry;
        const done = readEntry && packed.get(readEntry);
        if (!done) return;
        packed.delete(readEntry);
        w.on('end', done);
      },
    });
    const out = fs.createWriteStream(partial);
    const failed = new Promise<never>((_, reject) => {
      pack.on('error', reject);
      out.on('error', reject);
    });
    failed.catch(() => undefined); // awaited below; unobserved only when all went well
    // Resolves once the file is written and closed (fs streams emit close): only then is it renamed.
    const written = finished(out);
    written.catch(() => undefined); // its error is also `failed`'s
    pack.pipe(out);
    for (const entry of [MANIFEST, ...entries]) pack.add(entry);
    await Promise.race([addObjects(pack, packed, bucket, new Date(manifest.createdAt), failed), failed]);
    pack.end();
    await Promise.race([written, failed]);
  }
  fs.renameSync(partial, file);
}

/**
 * Every object of the bucket as `files/<first two characters>/<key>`, streamed one at a time: the
 * tar header needs the size, which the listing gives; an object that then reads longer or shorter
 * fails the backup rather than writing a wrong one.
 */
async function addObjects(
  pack: tar.Pack,
  packed: Map<tar.ReadEntry, () => void>,
  bucket: BlobStorage,
  mtime: Date,
  failed: Promise<never>,
) {
  for await (const { key, sizeBytes } of bucket.list()) {
    const entry = new tar.ReadEntry(new tar.Header({ path: blobPath(key), type: 'File', size: sizeBytes, mode: 0o644, mtime }));
    const written = new Promise<void>((resolve) => packed.set(entry, resolve));
    pack.add(entry);
    let read = 0;
    for await (const chunk of bucket.open(key) as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (read > sizeBytes) break;
      if (!entry.write(chunk)) await Promise.race([once(entry, 'drain'), failed]);
    }
    if (read !== sizeBytes) throw new Error(`Document ${key}: ${read} bytes read, ${sizeBytes} listed; it changed during the backup`);
    entry.end();
    await Promise.race([written, failed]);
  }
}

const blobPath = (key: string) => `files/${key.slice(0, 2)}/${key}`;

async function refuseNonEmpty(bucket: BlobStorage, name: string) {
  for await (const _ of bucket.list()) {
    throw new Error(`The bucket ${name} already holds documents: restore into an empty bucket`);
  }
}

/**
 * Writes every `files/...` entry of the backup into the bucket under its key, streaming from the
 * archive (the documents need not fit on this machine's disk) with a few uploads at a time.
 */
async function restoreObjects(file: string, bucket: BlobStorage) {
  const uploads = new Map<Promise<void>, Readable>();
  let failure: unknown;
  const parser = new tar.Parser({
    filter: (p, entry) => p.startsWith('files/') && (entry as tar.ReadEntry).type !== 'Directory',
    onReadEntry: (entry) => {
      const key = path.posix.basename(entry.path);
      if (entry.path !== blobPath(key) || entry.type !== 'File') {
        failure ??= new Error(`${entry.path} in the backup is not a document: nothing restored from it`);
        entry.resume();
        return;
      }
      const content = Readable.from(entry, { objectMode: false });
      const upload: Promise<void> = bucket
        .restore(key, content)
        .catch((err) => {
          failure ??= err;
          entry.resume(); // the archive is read on without it
        })
        .finally(() => uploads.delete(upload));
      uploads.set(upload, content);
    },
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  parsed.catch(() => undefined); // awaited below unless a failure came first
  for await (const chunk of fs.createReadStream(file)) {
    if (!parser.write(chunk)) await Promise.race([once(parser, 'drain'), parsed]);
    while (uploads.size >= 4 && !failure) await Promise.race(uploads.keys());
    if (failure) break;
  }
  if (failure) {
    // Uploads still waiting for archive bytes that will not come are cut off.
    for (const content of uploads.values()) content.destroy(new Error('restore stopped'));
  } else {
    parser.end();
    await parsed;
  }
  await Promise.allSettled(uploads.keys());
  if (failure) throw failure;
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
