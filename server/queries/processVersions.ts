import type { Kysely, Transaction } from 'kysely';
import type { DB, ProcessVersionState } from '../db/schema.ts';

/** The read side of process versions (migration 012). */
type Reader = Kysely<DB> | Transaction<DB>;

/** Every version that cases may follow (published and retired), without the definitions: cheap to poll. */
export function followedVersions(db: Reader) {
  return db.selectFrom('process_version').select(['process_key', 'version', 'state']).where('state', '<>', 'draft').execute();
}

/** The definitions of the given versions, as stored. */
export async function versionDefinitions(db: Reader, wanted: { key: string; version: number }[]) {
  if (!wanted.length) return [];
  return db
    .selectFrom('process_version')
    .select(['process_key', 'version', 'state', 'definition'])
    .where((eb) => eb.or(wanted.map((w) => eb.and([eb('process_key', '=', w.key), eb('version', '=', w.version)]))))
    .execute();
}

export type ProcessVersionRow = {
  process_key: string;
  version: number;
  state: ProcessVersionState;
  source: 'file' | 'upload';
  source_hash: string | null;
  definition: Record<string, unknown>;
  created_at: Date;
  created_by_name: string;
  published_at: Date | null;
  published_by_name: string | null;
  retired_at: Date | null;
};

const historyColumns = [
  'process_key',
  'version',
  'state',
  'source',
  'source_hash',
  'definition',
  'created_at',
  'created_by_name',
  'published_at',
  'published_by_name',
  'retired_at',
] as const;

/** One process's versions, newest first, with their definitions: the process owner's history. */
export function processVersionHistory(db: Reader, key: string): Promise<ProcessVersionRow[]> {
  return db.selectFrom('process_version').select(historyColumns).where('process_key', '=', key).orderBy('version', 'desc').execute();
}

/** One version of one process. */
export function processVersionRow(db: Reader, key: string, version: number): Promise<ProcessVersionRow | undefined> {
  return db
    .selectFrom('process_version')
    .select(historyColumns)
    .where('process_key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
}
