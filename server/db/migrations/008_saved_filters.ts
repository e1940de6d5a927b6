import { sql, type Kysely } from 'kysely';

/**
 * Saved personal filters: a staff member names the filters of a queue view ("Te laat, e-mail") and
 * applies them again with one click. Only the query string of the view is kept, never results; a
 * row belongs to one user and is only ever read or deleted by that user.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table saved_filter (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references staff_user(id) on delete cascade,
      name text not null check (char_length(name) between 1 and 80),
      query text not null check (char_length(query) <= 1000),
      created_at timestamptz not null
    );
    create unique index saved_filter_user_name on saved_filter (user_id, lower(name));
    create index saved_filter_user on saved_filter (user_id, created_at);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
