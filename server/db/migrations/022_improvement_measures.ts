import { sql, type Kysely } from 'kysely';

/**
 * Improvement measures (seed 002 steps 3–7, the 'verbetermaatregelen database'): an owner carries a
 * measure out by its due date, the quality officer checks whether it worked; not effective sends it
 * back to the owner with a new due date. Every step is a history row (append-only, like the timeline).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table improvement_measure (
      id uuid primary key default gen_random_uuid(),
      description text not null,
      owner_id uuid not null references staff_user(id),
      due_date date not null,
      -- 'open' (to be carried out), 'carriedOut' (waiting for the check), 'effective' (checked, done).
      -- Not effective returns the measure to 'open' with a new due date.
      status text not null default 'open' check (status in ('open', 'carriedOut', 'effective')),
      -- Where it was decided: a complaint, a system review (seed 002 step 7) or an analysis.
      source text not null check (source in ('complaint', 'systemReview', 'analysis')),
      -- The analysis finding it answers: free text until analysis reports exist.
      finding text,
      -- The theme whose complaints the check counts: the standard fact 'ground' of cases.
      ground text,
      carried_out_on date,
      -- Reminders before the due date: due from remind_from, sent once per due date (reminded_for).
      remind_from date not null,
      reminded_for date,
      created_at timestamptz not null,
      created_by uuid references staff_user(id),
      created_by_name text not null,
      updated_at timestamptz not null
    );
    -- The overviews (open, overdue, checked) page by due date within a status.
    create index improvement_measure_status_due on improvement_measure (status, due_date, id);
    create index improvement_measure_owner on improvement_measure (owner_id, status, due_date);
    -- Only open measures still owed a reminder: the sweep never reads the rest.
    create index improvement_measure_reminder_due on improvement_measure (remind_from)
      where status = 'open' and reminded_for is distinct from due_date;

    create table improvement_measure_case (
      measure_id uuid not null references improvement_measure(id),
      case_id uuid not null references cases(id),
      primary key (measure_id, case_id)
    );
    -- "What was done about this complaint": the measures of one case.
    create index improvement_measure_case_case on improvement_measure_case (case_id);

    create table improvement_measure_event (
      id uuid primary key default gen_random_uuid(),
      -- Steps in one instant (recorded and carried out at once) still read in the order they were taken.
      seq bigint generated always as identity,
      measure_id uuid not null references improvement_measure(id),
      occurred_at timestamptz not null,
      actor_id uuid references staff_user(id),
      actor_name text not null,
      type text not null,
      data jsonb not null default '{}'
    );
    create index improvement_measure_event_measure on improvement_measure_event (measure_id, seq);
    create function improvement_measure_event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'improvement_measure_event is append-only'; end $$;
    create trigger improvement_measure_event_append_only before update or delete on improvement_measure_event
      for each row execute function improvement_measure_event_append_only();

    -- The check counts complaints of one ground per month around the measure: an index range per
    -- request, never a scan of all cases.
    create index cases_ground_received on cases ((facts->>'ground'), received_at);

    -- A notification about a measure links to it (one about a case links to the case).
    alter table notification add column measure_id uuid references improvement_measure(id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
