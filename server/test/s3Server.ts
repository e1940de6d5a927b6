import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Config } from '../storage/s3Storage.ts';

/**
 * s3rver (3.7) encrypts its ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 18+)
 * no longer offers: every listing longer than one page failed with an internal error. The token only
 * has to come back to the same server, so DES is stood in for by AES-CTR with the key and IV padded.
 */
for (const name of ['createCipheriv', 'createDecipheriv'] as const) {
  const original = crypto[name] as (algorithm: string, key: Buffer, iv: Buffer) => crypto.Cipher;
  (crypto as Record<string, unknown>)[name] = (algorithm: string, key: Buffer, iv: Buffer, ...rest: unknown[]) =>
    algorithm === 'des'
      ? original('aes-128-ctr', Buffer.concat([key, key]), Buffer.concat([iv, iv]))
      : (original as (...a: unknown[]) => unknown)(algorithm, key, iv, ...rest);
}

/**
 * Tests only: a real S3-compatible server (s3rver) on a free port with a temporary directory, and
 * the configuration that reaches it. s3rver accepts its fixed development credentials.
 */
export async function startTestS3() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-s3-'));
  const bucket = 'klachtflow-test';
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  const config: S3Config = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  };
  return {
    config,
    clientConfig: { endpoint: config.endpoint, region: config.region, credentials: config.credentials, forcePathStyle: true },
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
