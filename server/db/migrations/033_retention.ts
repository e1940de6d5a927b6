import { sql, type Kysely } from 'kysely';

/**
 * Retention and anonymisation (issue 13 point 5; Archiefwet, AVG). Per closed case the day its
 * personal data may be destroyed (case_retention, computed by the organisation's retention table
 * when the case closes, backfilled by the monthly proposal for cases closed before), a legal hold
 * ("bewaren") that keeps it, and when it was anonymised. Each month one destruction list is proposed
 * (unique per month, so a second run or instance adds nothing); the records manager holds exceptions
 * and approves it; the certificate (verklaring van vernietiging) is kept with the list. Every step is
 * a row of retention_event, append-only like the timeline.
 *
 * The timeline is append-only by trigger. Anonymisation needs one recorded way past it: the trigger
 * lets an UPDATE through only inside anonymise_timeline(), which sets a transaction-local flag, and
 * only when nothing but before/after/data changes and data carries the anonymised mark. Deletes stay
 * refused.
 *
 * Quarantined mail (004): released_at/by when staff let it through (processed as normal despite its fault).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_retention (
      case_id uuid primary key references cases(id),
      closed_on date not null,
      -- Null while held or kept permanently by a rule ("bewaren").
      destroy_after date,
      rule text not null,
      hold_reason text,
      hold_at timestamptz,
      hold_by uuid references staff_user(id),
      hold_by_name text,
      anonymised_at timestamptz,
      destruction_list_id uuid,
      computed_at timestamptz not null
    );
    -- The monthly proposal: due, not held, not yet anonymised.
    create index case_retention_due on case_retention (destroy_after, case_id)
      where anonymised_at is null and hold_reason is null and destroy_after is not null;

    create table destruction_list (
      id uuid primary key default gen_random_uuid(),
      -- The first day of the month it was proposed for: one list per month.
      month date not null unique check (extract(day from month) = 1),
      status text not null default 'proposed' check (status in ('proposed', 'superseded', 'destroyed')),
      proposed_at timestamptz not null,
      -- The last day a case's destroy_after could be to be on the list.
      due_on date not null,
      approved_at timestamptz,
      approved_by uuid references staff_user(id),
      approved_by_name text,
      destroyed_count integer,
      held_count integer,
      certificate jsonb
    );
    alter table case_retention add constraint case_retention_list foreign key (destruction_list_id) references destruction_list(id);

    create table destruction_list_case (
      list_id uuid not null references destruction_list(id),
      case_id uuid not null references cases(id),
      reference text not null,
      closed_on date not null,
      destroy_after date not null,
      rule text not null,
      held_reason text,
      held_at timestamptz,
      held_by_name text,
      primary key (list_id, case_id)
    );

    create table retention_event (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null,
      actor_id uuid references staff_user(id),
      actor_name text not null,
      type text not null,
      list_id uuid references destruction_list(id),
      case_id uuid references cases(id),
      data jsonb not null default '{}'
    );
    create index retention_event_list on retention_event (list_id, id) where list_id is not null;
    create function retention_event_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'retention_event is append-only' using errcode = '42501';
    end $$;
    create trigger retention_event_no_change before update or delete on retention_event
      for each row execute function retention_event_immutable();

    create or replace function timeline_event_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and current_setting('klachtflow.anonymising_timeline', true) = 'on'
        and new.id = old.id and new.case_id is not distinct from old.case_id
        and new.activity_id is not distinct from old.activity_id and new.occurred_at = old.occurred_at
        and new.actor_id is not distinct from old.actor_id and new.actor_name = old.actor_name and new.type = old.type
        and new.before is null and new.after is null and new.data ? 'anonymised' then
        return new;
      end if;
      raise exception 'timeline_event is append-only' using errcode = '42501';
    end $$;

    -- The one way past the timeline's trigger: blanks the before → after values and keeps of data
    -- only the step's key and trigger (not personal), marking the row anonymised. Returns the rows changed.
    create function anonymise_timeline(case_ids uuid[], activity_ids uuid[]) returns integer language plpgsql as $$
    declare n integer;
    begin
      perform set_config('klachtflow.anonymising_timeline', 'on', true);
      update timeline_event set before = null, after = null,
        data = jsonb_build_object('anonymised', true)
          || jsonb_strip_nulls(jsonb_build_object('transition', data->'transition', 'trigger', data->'trigger'))
        where (case_id = any(case_ids) or activity_id = any(activity_ids)) and not (data ? 'anonymised');
      get diagnostics n = row_count;
      perform set_config('klachtflow.anonymising_timeline', 'off', true);
      return n;
    end $$;

    alter table inbound_message add column released_at timestamptz, add column released_by uuid references staff_user(id);
    create index inbound_message_quarantined on inbound_message (processed_at, id) where status = 'quarantined';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index inbound_message_quarantined;
    alter table inbound_message drop column released_at, drop column released_by;
    drop function anonymise_timeline(uuid[], uuid[]);
    create or replace function timeline_event_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'timeline_event is append-only' using errcode = '42501';
    end $$;
    drop table retention_event;
    drop function retention_event_immutable();
    drop table destruction_list_case;
    alter table case_retention drop constraint case_retention_list;
    drop table destruction_list;
    drop table case_retention;
  `.execute(db);
}
