import { sql, type Kysely } from 'kysely';

/**
 * Who handled a case: every staff member who registered it or took a step on it. A team lead who
 * hands a formal complaint to the quality officer (seed 002) keeps reading it; the scope asks this
 * table with one primary-key lookup per case (user first, so "is this mine" is an index probe even
 * with a million cases). Existing cases get theirs from the timeline.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_handler (
      user_id uuid not null references staff_user(id) on delete cascade,
      case_id uuid not null references cases(id) on delete cascade,
      first_handled_at timestamptz not null,
      primary key (user_id, case_id)
    )
  `.execute(db);
  await sql`create index case_handler_case on case_handler (case_id)`.execute(db);
  await sql`
    insert into case_handler (user_id, case_id, first_handled_at)
    select e.actor_id, e.case_id, min(e.occurred_at)
    from timeline_event e
    join staff_user u on u.id = e.actor_id
    where e.case_id is not null and e.type in ('caseRegistered', 'statusChanged')
    group by e.actor_id, e.case_id
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
