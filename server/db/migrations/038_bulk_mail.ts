import { sql, type Kysely } from 'kysely';

/**
 * Bulk and list mail (issue 14 point 5): a newsletter or mailing-list message (Precedence: bulk or
 * list, List-Id, List-Unsubscribe) is kept as an e-mail activity, marked with this flag so staff see
 * what it is; it is never linked to a case or answered automatically (mail/inbound/classify.ts).
 * Adding a column with a constant default rewrites no rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table activity add column bulk_mail boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table activity drop column bulk_mail`.execute(db);
}
