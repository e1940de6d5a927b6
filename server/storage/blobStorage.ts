import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';

/**
 * Where document contents live: never in the database row. The file adapter writes under a
 * directory (shared between instances in a multi-instance deployment); other adapters (object
 * storage) implement the same interface.
 */
export type StoredBlob = { key: string; sha256: string; sizeBytes: number };

export interface BlobStorage {
  /** Streams the content in, refusing it past maxBytes (the partial file is removed). */
  put(content: Readable, maxBytes: number): Promise<StoredBlob>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
  /**
   * Every stored object, one at a time (a backup streams them out; nothing holds all keys at once).
   * The size goes into the backup's tar header before the content follows.
   */
  list(): AsyncIterable<{ key: string; sizeBytes: number }>;
  /** Writes content back under a key it had before (a restore), where nothing is stored under it yet. */
  restore(key: string, content: Readable): Promise<void>;
}

/** Keys are the UUIDs put hands out: anything else is refused before it can name a path or object. */
export const STORAGE_KEY = /^[a-f0-9-]{36}$/;

export class TooLargeError extends Error {}

export function fileStorage(root: string): BlobStorage {
  fs.mkdirSync(root, { recursive: true });
  const pathFor = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error('invalid storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(content, maxBytes) {
      const key = randomUUID();
      const target = pathFor(key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const file = fs.createWriteStream(target, { flags: 'wx' });
      try {
        await pipeline(
          content,
          async function* (source) {
            for await (const chunk of source) {
              size += chunk.length;
              if (size > maxBytes) throw new TooLargeError();
              hash.update(chunk);
              yield chunk;
            }
          },
          file,
        );
      } catch (err) {
        // A refusal can come before the file is even open; removed before it closes, the open would
        // create it again afterwards, empty and orphaned.
        await finished(file, { error: false }).catch(() => undefined);
        fs.rmSync(target, { force: true });
        throw err;
      }
      return { key, sha256: hash.digest('hex'), sizeBytes: size };
    },
    open: (key) => fs.createReadStream(pathFor(key)),
    remove: async (key) => fs.rmSync(pathFor(key), { force: true }),
    async *list() {
      for (const dir of (await fs.promises.readdir(root)).sort()) {
        if (!/^[a-f0-9-]{2}$/.test(dir)) continue;
        // opendir reads the directory in batches: no array of every name in it.
        for await (const entry of await fs.promises.opendir(path.join(root, dir))) {
          if (!entry.isFile() || !STORAGE_KEY.test(entry.name) || !entry.name.startsWith(dir)) continue;
          const { size } = await fs.promises.stat(path.join(root, dir, entry.name));
          yield { key: entry.name, sizeBytes: size };
        }
      }
    },
    async restore(key, content) {
      const target = pathFor(key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // 'wx': an object already there is never overwritten; only a file this call created is removed on failure.
      const handle = await fs.promises.open(target, 'wx');
      try {
        await pipeline(content, handle.createWriteStream());
      } catch (err) {
        await handle.close().catch(() => undefined);
        fs.rmSync(target, { force: true });
        throw err;
      }
    },
  };
}
