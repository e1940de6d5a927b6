import path from 'node:path';
import type { Env } from '../config/env.ts';
import { type BlobStorage, fileStorage } from './blobStorage.ts';

/**
 * Where this installation keeps documents and raw mail: the S3 bucket when configured, else
 * DATA_DIR/files. The AWS SDK is loaded only then: it takes a second or two to load, and most
 * installations never need it.
 */
export async function storageFromEnv(env: Pick<Env, 's3' | 'dataDir'>): Promise<BlobStorage> {
  if (!env.s3) return fileStorage(path.join(env.dataDir, 'files'));
  const { s3Storage } = await import('./s3Storage.ts');
  return s3Storage(env.s3);
}
