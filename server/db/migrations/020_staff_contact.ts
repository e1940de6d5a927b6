import { sql, type Kysely } from 'kysely';

/**
 * Seed 003: the complainant is told who handles the complaint, with a job title and a direct phone
 * number ("Onduidelijk wie belt en welke functie hij heeft"). Both optional: without a direct number
 * the complainant is given the organisation's, without a job title a letter names the role.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table staff_user add column job_title text`.execute(db);
  await sql`alter table staff_user add column phone text`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
