import { sql, type Kysely } from 'kysely';

/**
 * The citizen in the audit log (issue 13 point 4): what a complainant reads of their case through
 * their secret link, and what they send, is recorded like a staff member's reads and changes, with
 * the link's row id (case_access.id) as their pseudonym. Only the allowed actor kinds change; the
 * entries and their chain stay as they are.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_entry drop constraint audit_entry_actor_kind_check;
    alter table audit_entry add constraint audit_entry_actor_kind_check
      check (actor_kind in ('staff', 'client', 'system', 'citizen'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_entry drop constraint audit_entry_actor_kind_check;
    alter table audit_entry add constraint audit_entry_actor_kind_check check (actor_kind in ('staff', 'client', 'system'));
  `.execute(db);
}
