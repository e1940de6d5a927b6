import { sql, type Kysely } from 'kysely';

/**
 * Survey results for managers (seed 000 business rule 5): figures over the surveys sent in a period.
 * The period is a range of sent_at, so every breakdown (per handler, team, ground) reads one index
 * range and joins each survey's case by its key, also with a million cases; the surveys behind a
 * figure are a keyset page of the same index, newest first. The included columns answer the counts
 * without visiting the table for surveys the scope does not narrow.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index survey_sent on survey (sent_at, id) include (case_id, score, answered_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index survey_sent`.execute(db);
}
