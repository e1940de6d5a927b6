import { createHash, randomUUID } from 'node:crypto';
import { finished, PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { type BlobStorage, STORAGE_KEY, TooLargeError } from './blobStorage.ts';

export type S3Config = {
  /** Absent: Amazon S3 itself; otherwise the S3-compatible service's address (MinIO, Ceph, a cloud's). */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Absent: the SDK's own chain (instance role, AWS_* variables, shared config). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Most self-hosted services need bucket-in-path addressing instead of bucket-as-hostname. */
  forcePathStyle: boolean;
};

const keyOf = (key: string) => {
  if (!STORAGE_KEY.test(key)) throw new Error('invalid storage key');
  return key;
};

/**
 * Documents and raw mail in an S3-compatible bucket, the same contract as fileStorage: the content is
 * streamed in (multipart past 5 MB, so a large upload is never held whole in memory), counted and
 * hashed on the way, and refused past maxBytes with nothing left in the bucket.
 */
export function s3Storage(config: S3Config, opts: { listPageSize?: number } = {}): BlobStorage {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    credentials: config.credentials,
    forcePathStyle: config.forcePathStyle,
    // Checksums only where the API demands them: many S3-compatible services reject the SDK's
    // newer default (CRC32 trailers on every upload); sha256 is computed here anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = config.bucket;
  return {
    async put(content, maxBytes) {
      const key = randomUUID();
      const hash = createHash('sha256');
      let size = 0;
      let tooLarge = false;
      const counted = Readable.from(
        (async function* () {
          for await (const chunk of content as AsyncIterable<Buffer>) {
            size += chunk.length;
            if (size > maxBytes) {
              tooLarge = true;
              throw new TooLargeError();
            }
            hash.update(chunk);
            yield chunk;
          }
        })(),
        { objectMode: false },
      );
      // leavePartsOnError false: a failed multipart upload is aborted, its parts deleted.
      const upload = new Upload({ client, params: { Bucket, Key: key, Body: counted }, queueSize: 2, leavePartsOnError: false });
      try {
        await upload.done();
      } catch (err) {
        counted.destroy();
        if (tooLarge) throw new TooLargeError();
        throw err;
      }
      return { key, sha256: hash.digest('hex'), sizeBytes: size };
    },
    open(key) {
      // The interface hands back a stream at once (routes pipe it into the reply); the object's body
      // follows when S3 answers, and a missing object is an error on the stream, as a missing file is.
      const out = new PassThrough();
      client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }), { abortSignal: abortOn(out) }).then(
        (res) => pipeline(res.Body as Readable, out).catch((err) => out.destroy(err)),
        (err) => out.destroy(err),
      );
      return out;
    },
    async remove(key) {
      // S3 answers a delete of a missing object with success, as fileStorage's remove does.
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
    async *list() {
      // One page (at most 1000 keys) in memory at a time, the next asked for with its continuation token.
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken, MaxKeys: opts.listPageSize }));
        for (const o of page.Contents ?? []) if (o.Key && STORAGE_KEY.test(o.Key)) yield { key: o.Key, sizeBytes: o.Size ?? 0 };
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async restore(key, content) {
      const upload = new Upload({ client, params: { Bucket, Key: keyOf(key), Body: content }, queueSize: 2, leavePartsOnError: false });
      await upload.done();
    },
  };
}

/** A reader that goes away (a download cut off) cancels the request instead of leaving it open. */
function abortOn(stream: PassThrough) {
  const controller = new AbortController();
  finished(stream, () => controller.abort()); // after a complete read the abort changes nothing
  return controller.signal;
}
