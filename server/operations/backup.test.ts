import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { after, before, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as tar from 'tar';
import { addDocument } from '../commands/caseEditor.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { openDatabase, type Database, type OpenDatabase } from '../db/connect.ts';
import { type BlobStorage, fileStorage } from '../storage/blobStorage.ts';
import { s3Storage } from '../storage/s3Storage.ts';
import { createTestDatabase, pgliteSnapshotFile, TEST_BACKEND } from '../test/database.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { startTestS3 } from '../test/s3Server.ts';
import { createBackup, restoreBackup } from './backup.ts';

/**
 * A backup made with the commands of docs/operations.md and restored into an empty target holds
 * every case, every document's contents and every timer: pg_dump/pg_restore on PostgreSQL, a copy of
 * the data directory for the embedded database (TEST_DATABASE picks which).
 */
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-backup-test-'));
const sourceDir = path.join(tmp, 'source');
const restoredDir = path.join(tmp, 'restored');
const file = path.join(tmp, 'klachtflow.tar.gz');
let source: OpenDatabase & { url?: string };
let env: TestEnv;
const emptyDatabases: string[] = [];

before(async () => {
  if (TEST_BACKEND === 'pglite') {
    // A real data directory (the server's layout), from the migrated template.
    fs.mkdirSync(path.join(sourceDir, 'pglite'), { recursive: true });
    await tar.x({ file: await pgliteSnapshotFile(), cwd: path.join(sourceDir, 'pglite') });
    source = await openDatabase({ dataDir: sourceDir });
  } else {
    source = await createTestDatabase();
  }
  env = await createTestServices({ database: source, storage: fileStorage(path.join(sourceDir, 'files')) });
});

let sourceClosed = false;
after(async () => {
  if (!sourceClosed) await env?.close();
  for (const name of emptyDatabases) await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a restored backup holds every case, document (its contents) and timer', async () => {
  const agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  const made: { id: string }[] = [];
  for (const subject of ['Wachttijd aan de telefoon', 'Brief kwijt', 'Onvriendelijke balie']) {
    const c = await asActor(env.services, agent, (ctx) =>
      registerCase(ctx, { subject, description: 'x', channel: 'phone', complainant: { kind: 'person', name: 'Ria' }, data: {} }),
    );
    made.push(c);
    await addDocument(env.services, agent, c.id, {
      filename: 'verslag.txt',
      mediaType: 'text/plain',
      docType: 'other',
      content: Readable.from(Buffer.from(`Verslag bij ${subject} ${randomBytes(4).toString('hex')}`)),
    });
  }
  // A durable timer: the information request's wait (timerSweeper.test.ts).
  await asActor(env.services, agent, (ctx) =>
    transitionCase(ctx, { caseId: made[0]!.id, transition: 'requestInformation', inputs: { informationRequested: 'Uw klantnummer' } }),
  );
  const before = await contents(env.services.db, fileStorage(path.join(sourceDir, 'files')));
  assert.equal(before.cases.length, 3);
  assert.ok(before.documents.length >= 3);
  assert.ok(before.timers.length >= 1);

  let target: { databaseUrl?: string; dataDir: string };
  if (TEST_BACKEND === 'pglite') {
    await env.close(); // the embedded backup is taken while no server holds the directory
    sourceClosed = true;
    await createBackup({ dataDir: sourceDir }, file);
    target = { dataDir: restoredDir };
  } else {
    await createBackup({ databaseUrl: source.url, dataDir: sourceDir }, file);
    const name = `kf_restore_${randomBytes(6).toString('hex')}`;
    emptyDatabases.push(name);
    await admin((c) => c.query(`create database ${name}`));
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    target = { databaseUrl: url.toString(), dataDir: restoredDir };
  }
  await restoreBackup(target, file);

  const restored = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? undefined : restoredDir });
  try {
    assert.deepEqual(await contents(restored.db, fileStorage(path.join(restoredDir, 'files'))), before);
  } finally {
    await restored.close();
  }
});

test('a backup is refused onto a data directory that already holds a database, or onto the wrong backend', async () => {
  await assert.rejects(
    restoreBackup(TEST_BACKEND === 'pglite' ? { dataDir: restoredDir } : { databaseUrl: undefined, dataDir: path.join(tmp, 'x') }, file),
    TEST_BACKEND === 'pglite' ? /is not empty/ : /PostgreSQL dump/,
  );
});

test('with S3: the backup holds every document in the bucket; restored into an empty second bucket (or into files), each reads back', async () => {
  const bucket = await startTestS3();
  const emptyBucket = await startTestS3();
  const dir = path.join(tmp, 's3-source');
  const s3File = path.join(tmp, 'klachtflow-s3.tar.gz');
  let db: OpenDatabase & { url?: string };
  if (TEST_BACKEND === 'pglite') {
    fs.mkdirSync(path.join(dir, 'pglite'), { recursive: true });
    await tar.x({ file: await pgliteSnapshotFile(), cwd: path.join(dir, 'pglite') });
    db = await openDatabase({ dataDir: dir });
  } else {
    db = await createTestDatabase();
  }
  const s3env = await createTestServices({ database: db, storage: s3Storage(bucket.config) });
  let closed = false;
  try {
    const agent = await buildStaff(s3env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
    for (const subject of ['Parkeervergunning', 'Gat in de weg', 'Afvalbak niet geleegd']) {
      const c = await asActor(s3env.services, agent, (ctx) =>
        registerCase(ctx, { subject, description: 'x', channel: 'phone', complainant: { kind: 'person', name: 'Sem' }, data: {} }),
      );
      const body = Buffer.from(`Brief over ${subject} ${randomBytes(4).toString('hex')}`);
      await addDocument(s3env.services, agent, c.id, {
        filename: 'brief.txt',
        mediaType: 'text/plain',
        docType: 'other',
        content: Readable.from(body),
      });
    }
    // One document past the 5 MB multipart threshold: streamed out of and back into the bucket in parts.
    const big = randomBytes(6 * 1024 * 1024).toString('base64');
    const [first] = await s3env.services.db.selectFrom('cases').select('id').orderBy('id').execute();
    await addDocument(s3env.services, agent, first!.id, {
      filename: 'scan.txt',
      mediaType: 'text/plain',
      docType: 'other',
      content: Readable.from(Buffer.from(big)),
    });
    // An object no document row names (raw mail is one; an empty one tests the tar's edge): kept as well.
    await s3env.services.storage.put(Readable.from([]), 10);
    const before = await contents(s3env.services.db, s3Storage(bucket.config));
    const objects = await listed(s3Storage(bucket.config));
    assert.ok(before.documents.length >= 4);
    assert.ok(objects.some((o) => o.sizeBytes === 0));
    assert.ok(before.documents.some((d) => d.content === big));

    let target: { databaseUrl?: string; dataDir: string };
    if (TEST_BACKEND === 'pglite') {
      await s3env.close();
      closed = true;
      const made = await createBackup({ dataDir: dir, s3: bucket.config }, s3File);
      assert.equal(made.documents, 's3');
      target = { dataDir: path.join(tmp, 's3-restored') };
    } else {
      await createBackup({ databaseUrl: db.url, dataDir: dir, s3: bucket.config }, s3File);
      target = { databaseUrl: await emptyDatabase(), dataDir: path.join(tmp, 's3-restored') };
    }
    // Restore into the second, empty bucket (nothing is put back into the data directory).
    await restoreBackup({ ...target, s3: emptyBucket.config }, s3File);
    assert.equal(fs.existsSync(path.join(target.dataDir, 'files')), false);
    const restored = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? undefined : target.dataDir });
    try {
      assert.deepEqual(await contents(restored.db, s3Storage(emptyBucket.config)), before);
      assert.deepEqual(await listed(s3Storage(emptyBucket.config)), objects);
    } finally {
      await restored.close();
    }

    // That bucket now holds documents: a second restore into it is refused before anything is written.
    const again = { dataDir: path.join(tmp, 's3-again'), databaseUrl: target.databaseUrl ? await emptyDatabase() : undefined };
    await assert.rejects(restoreBackup({ ...again, s3: emptyBucket.config }, s3File), /already holds documents/);

    // The same backup restored without S3 puts the documents in DATA_DIR/files.
    const toFiles = { dataDir: path.join(tmp, 's3-to-files'), databaseUrl: target.databaseUrl ? await emptyDatabase() : undefined };
    await restoreBackup(toFiles, s3File);
    const inFiles = await openDatabase({ databaseUrl: toFiles.databaseUrl, dataDir: toFiles.databaseUrl ? undefined : toFiles.dataDir });
    try {
      assert.deepEqual(await contents(inFiles.db, fileStorage(path.join(toFiles.dataDir, 'files'))), before);
      assert.deepEqual(await listed(fileStorage(path.join(toFiles.dataDir, 'files'))), objects);
    } finally {
      await inFiles.close();
    }
  } finally {
    if (!closed) await s3env.close();
    await bucket.close();
    await emptyBucket.close();
  }
});

test('a backup of DATA_DIR/files restores into an empty S3 bucket', async () => {
  const bucket = await startTestS3();
  try {
    // The backup of the first test; its restore above put the same documents in restoredDir/files.
    const target = { dataDir: path.join(tmp, 'files-to-s3'), databaseUrl: TEST_BACKEND === 'pglite' ? undefined : await emptyDatabase() };
    await restoreBackup({ ...target, s3: bucket.config }, file);
    const files = fileStorage(path.join(restoredDir, 'files'));
    const objects = await listed(files);
    assert.ok(objects.length >= 3);
    assert.deepEqual(await listed(s3Storage(bucket.config)), objects);
    for (const { key } of objects) assert.deepEqual(await buffer(s3Storage(bucket.config).open(key)), await buffer(files.open(key)));
  } finally {
    await bucket.close();
  }
});

/** Every stored object with its size, in key order. */
async function listed(storage: BlobStorage) {
  const all: { key: string; sizeBytes: number }[] = [];
  for await (const o of storage.list()) all.push(o);
  return all.sort((a, b) => a.key.localeCompare(b.key));
}

/** A new, empty PostgreSQL database to restore into (dropped after the tests). */
async function emptyDatabase() {
  const name = `kf_restore_${randomBytes(6).toString('hex')}`;
  emptyDatabases.push(name);
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Everything the backup must keep, in a stable order, with each document's stored bytes. */
async function contents(db: Database, storage: BlobStorage) {
  const cases = await db.selectFrom('cases').select(['id', 'reference', 'status', 'subject']).orderBy('id').execute();
  const docs = await db.selectFrom('document').select(['id', 'case_id', 'filename', 'storage_key']).orderBy('id').execute();
  const documents = await Promise.all(docs.map(async (d) => ({ ...d, content: await text(storage.open(d.storage_key)) })));
  const timers = await db
    .selectFrom('timer')
    .select(['case_id', 'timer_key', 'fires_at', 'status'])
    .orderBy('case_id')
    .orderBy('timer_key')
    .execute();
  const events = await db
    .selectFrom('timeline_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { cases, documents, timers, events: Number(events.n) };
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
