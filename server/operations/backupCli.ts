import path from 'node:path';
import { readEnv } from '../config/env.ts';
import { createBackup, restoreBackup } from './backup.ts';

/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` (docs/operations.md): the database
 * named by DATABASE_URL, else the embedded one in DATA_DIR, with the documents in the S3 bucket when
 * S3_BUCKET is set, else in DATA_DIR/files.
 */
const [command, file] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !file) {
  console.error('Gebruik: npm run backup -- <bestand.tar.gz>   of   npm run restore -- <bestand.tar.gz>');
  process.exit(2);
}
const env = readEnv();
const target = { databaseUrl: env.databaseUrl, dataDir: env.dataDir, s3: env.s3 };
const where =
  (env.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `de ingebouwde database in ${env.dataDir}`) +
  (env.s3 ? ` met de documenten in bucket ${env.s3.bucket}` : '');
try {
  if (command === 'backup') {
    const m = await createBackup(target, path.resolve(file));
    console.log(`Back-up van ${where} geschreven naar ${file} (${m.migrations.length} migraties).`);
  } else {
    const m = await restoreBackup(target, path.resolve(file));
    console.log(`Back-up van ${m.createdAt} teruggezet in ${where}. Start de server: npm start`);
  }
} catch (err) {
  console.error(`\nDe ${command === 'backup' ? 'back-up' : 'terugzetting'} is niet gelukt:\n${(err as Error).message}\n`);
  process.exit(1);
}
