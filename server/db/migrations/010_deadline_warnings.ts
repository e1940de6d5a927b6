import { sql, type Kysely } from 'kysely';

/**
 * Deadline warnings to staff: a case is warned once per deadline (`deadline_warned_for` holds the
 * deadline it was warned for, so an extension warns again). The partial index holds only open cases
 * still owed a warning, so the sweep never scans the archive.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table cases add column deadline_warned_for date;
    create index cases_deadline_warning_due on cases (handling_warn_from)
      where closed_at is null and handling_warn_from is not null and deadline_warned_for is distinct from handling_deadline;
    -- On an existing installation, cases already past their deadline count as warned: the queues
    -- mark them overdue already, and a first sweep would otherwise notify about all of them at once.
    update cases set deadline_warned_for = handling_deadline
      where closed_at is null and handling_deadline < current_date;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
