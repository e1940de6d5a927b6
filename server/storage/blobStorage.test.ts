import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { type BlobStorage, fileStorage, TooLargeError } from './blobStorage.ts';
import { startTestS3 } from '../test/s3Server.ts';
import { s3Storage } from './s3Storage.ts';

/** One contract, two adapters: what a caller sees must not depend on where the bytes live. */
type Adapter = { storage: BlobStorage; stored: () => Promise<number>; close: () => Promise<void> };

const adapters: Record<string, () => Promise<Adapter>> = {
  file: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-blob-'));
    return {
      storage: fileStorage(dir),
      stored: async () => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length,
      close: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
  s3: async () => {
    const s3 = await startTestS3();
    const client = new S3Client({ ...s3.clientConfig });
    return {
      // Pages of two keys: the listing has to follow continuation tokens within these few objects.
      storage: s3Storage(s3.config, { listPageSize: 2 }),
      stored: async () => (await client.send(new ListObjectsV2Command({ Bucket: s3.config.bucket }))).KeyCount ?? 0,
      close: async () => {
        client.destroy();
        await s3.close();
      },
    };
  },
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Content in several chunks, as an upload arrives. */
const chunked = (b: Buffer, size = 64 * 1024) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
    })(),
  );

for (const [name, make] of Object.entries(adapters)) {
  describe(`${name} storage`, () => {
    let a: Adapter;
    before(async () => {
      a = await make();
    });
    after(() => a.close());

    test('stores a stream, reports its sha256 and size, opens it as a stream and removes it', async () => {
      const content = Buffer.from('%PDF-1.4\n% een gescande brief\n'.repeat(5000));
      const blob = await a.storage.put(chunked(content), content.length);
      assert.equal(blob.sha256, sha256(content));
      assert.equal(blob.sizeBytes, content.length);
      assert.deepEqual(await buffer(a.storage.open(blob.key)), content);
      await a.storage.remove(blob.key);
      await assert.rejects(buffer(a.storage.open(blob.key)));
      await a.storage.remove(blob.key); // removing twice is not an error (retries after a crash)
    });

    test('refuses content past maxBytes with TooLargeError and leaves nothing stored, also past the first multipart part', async () => {
      const before = await a.stored();
      await assert.rejects(a.storage.put(chunked(Buffer.alloc(2048, 1)), 2047), TooLargeError);
      // 6 MB: on S3 the first 5 MB part is already uploaded when the limit is crossed.
      const big = Buffer.alloc(6 * 1024 * 1024, 7);
      await assert.rejects(a.storage.put(chunked(big, 1024 * 1024), big.length - 1), TooLargeError);
      assert.equal(await a.stored(), before);
      const exact = await a.storage.put(chunked(big, 1024 * 1024), big.length);
      assert.equal(exact.sha256, sha256(big));
      assert.equal((await buffer(a.storage.open(exact.key))).length, big.length);
    });

    test('lists every stored object with its size, and restores content under the key it had (backup and restore)', async () => {
      const made = [];
      for (const n of [0, 1, 2500, 70_000]) made.push(await a.storage.put(chunked(Buffer.alloc(n, 3)), n));
      const listed = new Map<string, number>();
      for await (const o of a.storage.list()) {
        assert.ok(!listed.has(o.key), `${o.key} listed twice`);
        listed.set(o.key, o.sizeBytes);
      }
      for (const b of made) assert.equal(listed.get(b.key), b.sizeBytes);
      assert.equal(listed.size, await a.stored());

      const key = randomUUID();
      const content = Buffer.from('Terug uit de back-up\n'.repeat(1000));
      await a.storage.restore(key, chunked(content, 1000));
      assert.deepEqual(await buffer(a.storage.open(key)), content);
      await assert.rejects(a.storage.restore('../etc/passwd', chunked(content)), /invalid storage key/);
    });

    test('a key that is not one of ours is refused before anything is read', () => {
      assert.throws(() => a.storage.open('../etc/passwd'), /invalid storage key/);
    });
  });
}
