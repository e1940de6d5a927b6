import { sql, type Kysely } from 'kysely';

/**
 * Deadlines in the queues. A case stores its service-norm deadline (seed 001: answered within 7
 * days) beside the statutory one, with its own warning day and "warned for", so the warner
 * treats both alike. A queue row (activity) carries its case's earliest open deadline, kept by
 * triggers whenever either side changes, so "earliest deadline first" is a keyset range scan of a
 * partial index like the created_at ones (009_queue_indexes), also on a million cases. `deadline_sort`
 * puts rows without a deadline last and keeps the keyset a plain (date, id) pair.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table cases add column norm_deadline date;
    alter table cases add column norm_warn_from date;
    alter table cases add column norm_warned_for date;
    create index cases_norm_warning_due on cases (norm_warn_from)
      where closed_at is null and norm_warn_from is not null and norm_warned_for is distinct from norm_deadline;
    -- The earliest of the two, for "my cases past or near a deadline" on the start page.
    alter table cases add column first_deadline date generated always as (least(handling_deadline, norm_deadline)) stored;
    alter table cases add column first_warn_from date generated always as (least(handling_warn_from, norm_warn_from)) stored;
    create index cases_open_first_deadline on cases (first_deadline, id) where closed_at is null and first_deadline is not null;

    alter table activity add column deadline date;
    alter table activity add column deadline_sort date generated always as (coalesce(deadline, date '9999-12-31')) stored;

    create function activity_deadline_of_case() returns trigger language plpgsql as $$
    begin
      if new.case_id is null then
        new.deadline := null;
      else
        select case when c.closed_at is null then least(c.handling_deadline, c.norm_deadline) end
          into new.deadline from cases c where c.id = new.case_id;
      end if;
      return new;
    end $$;
    create trigger activity_deadline_on_write before insert or update of case_id on activity
      for each row execute function activity_deadline_of_case();

    create function case_deadline_to_activities() returns trigger language plpgsql as $$
    declare
      d date := case when new.closed_at is null then least(new.handling_deadline, new.norm_deadline) end;
    begin
      update activity set deadline = d where case_id = new.id and deadline is distinct from d;
      return null;
    end $$;
    create trigger case_deadline_changed after update of handling_deadline, norm_deadline, closed_at on cases
      for each row when (old.handling_deadline is distinct from new.handling_deadline
        or old.norm_deadline is distinct from new.norm_deadline or old.closed_at is distinct from new.closed_at)
      execute function case_deadline_to_activities();

    update activity a set deadline = c.handling_deadline from cases c
      where a.case_id = c.id and c.closed_at is null and c.handling_deadline is not null;

    create index activity_deadline_all on activity (deadline_sort, id) where status in ('open', 'inProgress');
    create index activity_deadline_user on activity (assignee_user_id, deadline_sort, id) where status in ('open', 'inProgress');
    create index activity_deadline_team on activity (assignee_team_id, deadline_sort, id)
      where status in ('open', 'inProgress') and assignee_user_id is null;
    create index activity_deadline_team_channel on activity (assignee_team_id, channel, deadline_sort, id)
      where status in ('open', 'inProgress') and assignee_user_id is null;
    create index activity_deadline_unassigned on activity (deadline_sort, id)
      where status in ('open', 'inProgress') and assignee_team_id is null and assignee_user_id is null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
