import { sql, type Kysely } from 'kysely';

/**
 * Import of an existing register (issue 12, point 6): an uploaded spreadsheet is a batch that is
 * checked (dry run) and then imported in one transaction; a named column mapping can be kept for the
 * next file; every imported row leaves its key (the register's own number, or a hash of its mapped
 * values) so importing the same file again adds nothing; imported cases point at their batch.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table import_batch (
      id uuid primary key default gen_random_uuid(),
      process_key text not null,
      file_name text not null,
      media_type text not null,
      sha256 text not null,
      size_bytes int not null,
      storage_key text not null,
      uploaded_by uuid references staff_user(id),
      uploaded_by_name text not null,
      uploaded_at timestamptz not null,
      state text not null default 'uploaded' check (state in ('uploaded', 'checked', 'invalid', 'running', 'done', 'failed')),
      mapping jsonb,
      total_rows int not null default 0,
      ok_rows int not null default 0,
      error_rows int not null default 0,
      duplicate_rows int not null default 0,
      processed_rows int not null default 0,
      imported_rows int not null default 0,
      error text,
      started_at timestamptz,
      finished_at timestamptz
    );
    create index import_batch_uploaded on import_batch (uploaded_at desc);

    create table import_mapping (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      process_key text not null,
      columns jsonb not null,
      created_by uuid references staff_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create unique index import_mapping_name on import_mapping (process_key, lower(name));

    create table import_row_key (
      process_key text not null,
      row_key text not null,
      batch_id uuid not null references import_batch(id),
      case_id uuid not null references cases(id),
      primary key (process_key, row_key)
    );

    alter table cases add column imported_batch_id uuid references import_batch(id);
    create index cases_imported_batch on cases (imported_batch_id) where imported_batch_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index cases_imported_batch;
    alter table cases drop column imported_batch_id;
    drop table import_row_key;
    drop table import_mapping;
    drop table import_batch;
  `.execute(db);
}
