import { sql, type Kysely } from 'kysely';

/**
 * The survey invitation on paper carries a short link (/v/<code>) and its QR code, like the paper
 * confirmation (commands/shortLinks.ts): the survey row keeps only the code's hash and the survey's
 * own token sealed under a key derived from the code, so a copy of the database opens no survey.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table survey add column short_code_hash text;
    alter table survey add column sealed_token text;
    create unique index survey_short_code on survey (short_code_hash) where short_code_hash is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index survey_short_code;
    alter table survey drop column sealed_token;
    alter table survey drop column short_code_hash;
  `.execute(db);
}
