import { Migrator, type Kysely, type Migration } from 'kysely';
import * as foundation from './migrations/001_foundation.ts';
import * as time from './migrations/002_time.ts';

/** Migrations are listed here in order, so the bundle needs no file-system scan. */
const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_time': time,
};

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
