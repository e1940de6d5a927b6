import { sql, type Kysely } from 'kysely';

/**
 * Seed 004's dossier work: a task can belong to one action line of its case (parent_id), an action
 * line records why it was completed (completion_reason, a value from the process's list), and a
 * note can be a comment on one action line instead of on the whole case (activity_id).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table activity add column parent_id uuid references activity(id)`.execute(db);
  await sql`alter table activity add column completion_reason text`.execute(db);
  await sql`create index activity_parent on activity (parent_id) where parent_id is not null`.execute(db);
  await sql`alter table note add column activity_id uuid references activity(id)`.execute(db);
  await sql`create index note_activity on note (activity_id, created_at) where activity_id is not null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
