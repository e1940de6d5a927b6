import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Config } from '../storage/s3Storage.ts';

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
