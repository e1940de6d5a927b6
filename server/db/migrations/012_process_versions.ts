import { sql, type Kysely } from 'kysely';

/**
 * Process definitions as versions (issue part 6). Each row is one version of one process: the
 * definition as written (a shipped file with the configuration's periods, or uploaded in the app),
 * a draft until it is published, then published (the one new cases get; at most one per process)
 * and retired once a newer one is published. Published and retired versions never change: running
 * cases keep the version they started with (`cases.process_version`). `source_hash` is the hash of
 * a shipped file's content, so start-up can tell whether that file changed since it was recorded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table process_version (
      process_key text not null,
      version integer not null check (version > 0),
      state text not null check (state in ('draft', 'published', 'retired')),
      definition jsonb not null,
      source text not null check (source in ('file', 'upload')),
      source_hash text,
      created_at timestamptz not null,
      created_by uuid references staff_user (id),
      created_by_name text not null,
      published_at timestamptz,
      published_by uuid references staff_user (id),
      published_by_name text,
      retired_at timestamptz,
      primary key (process_key, version),
      check ((state = 'draft') = (published_at is null))
    );
    create unique index process_version_published on process_version (process_key) where state = 'published';
    create unique index process_version_draft on process_version (process_key) where state = 'draft';

    -- Cases made before versions existed follow version 1: the definition start-up records first.
    alter table cases add column process_version integer not null default 1;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
