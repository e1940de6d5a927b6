import { sql, type Kysely } from 'kysely';

/**
 * The foundation: people and access, cases, activities, documents, notes and the immutable timeline.
 * Written as plain SQL so the same text runs on PostgreSQL 15 and on PGlite.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  await sql`
    create table org_unit (
      id uuid primary key default gen_random_uuid(),
      key text not null unique,
      name text not null,
      parent_id uuid references org_unit(id)
    );
    create table team (
      id uuid primary key default gen_random_uuid(),
      key text not null unique,
      name text not null,
      org_unit_id uuid references org_unit(id)
    );
    create table staff_user (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      roles text[] not null default '{}',
      org_unit_id uuid references org_unit(id),
      oidc_subject text unique,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create unique index staff_user_email on staff_user (lower(email));
    create table team_member (
      team_id uuid not null references team(id) on delete cascade,
      user_id uuid not null references staff_user(id) on delete cascade,
      primary key (team_id, user_id)
    );
    create index team_member_user on team_member (user_id);

    create table session (
      id text primary key,
      user_id uuid not null references staff_user(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index session_expires on session (expires_at);
    create table oidc_login (
      state text primary key,
      code_verifier text not null,
      nonce text not null,
      return_to text not null,
      expires_at timestamptz not null
    );

    create table person (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('person', 'organisation')),
      name text not null,
      organisation_name text,
      email text,
      phone text,
      street text,
      postcode text,
      city text,
      created_at timestamptz not null default now()
    );
    create index person_email on person (lower(email)) where email is not null;
    create index person_phone on person (phone) where phone is not null;
    create index person_name_trgm on person using gin (name gin_trgm_ops);

    create table reference_counter (
      prefix text not null,
      year int not null,
      last_value int not null,
      primary key (prefix, year)
    );

    create table cases (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      process_key text not null,
      case_type text not null,
      status text not null,
      status_changed_at timestamptz not null,
      version int not null default 1,
      subject text not null,
      description text not null default '',
      channel text not null,
      complainant_id uuid not null references person(id),
      representative_id uuid references person(id),
      representative_relation text,
      assignee_user_id uuid references staff_user(id),
      assignee_team_id uuid references team(id),
      data jsonb not null default '{}',
      received_at timestamptz not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      closed_at timestamptz,
      created_by uuid references staff_user(id),
      search_text text not null default '',
      search tsvector generated always as (to_tsvector('dutch', search_text)) stored
    );
    create index cases_updated on cases (updated_at desc, id desc);
    create index cases_open_status on cases (status, updated_at desc, id desc) where closed_at is null;
    create index cases_assignee_user on cases (assignee_user_id, updated_at desc) where assignee_user_id is not null;
    create index cases_assignee_team on cases (assignee_team_id, updated_at desc) where assignee_team_id is not null;
    create index cases_complainant on cases (complainant_id);
    create index cases_representative on cases (representative_id) where representative_id is not null;
    create index cases_search on cases using gin (search);
    create index cases_subject_trgm on cases using gin (subject gin_trgm_ops);

    create table activity (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('intake', 'task')),
      channel text not null,
      status text not null,
      subject text not null,
      body text not null default '',
      contact jsonb not null default '{}',
      case_id uuid references cases(id),
      case_type text,
      task_key text,
      assignee_user_id uuid references staff_user(id),
      assignee_team_id uuid references team(id),
      version int not null default 1,
      due_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      completed_at timestamptz,
      created_by uuid references staff_user(id)
    );
    -- Work queues read open work oldest first: partial indexes keep them small and ordered.
    create index activity_open_all on activity (created_at, id) where status in ('open', 'inProgress');
    create index activity_open_team on activity (assignee_team_id, created_at, id) where status in ('open', 'inProgress');
    create index activity_open_user on activity (assignee_user_id, created_at, id) where status in ('open', 'inProgress');
    create index activity_by_status on activity (status, created_at, id);
    create index activity_case on activity (case_id, created_at) where case_id is not null;

    create table document (
      id uuid primary key default gen_random_uuid(),
      case_id uuid references cases(id),
      activity_id uuid references activity(id),
      doc_type text not null,
      filename text not null,
      media_type text not null,
      size_bytes bigint not null,
      sha256 text not null,
      storage_key text not null,
      created_by uuid references staff_user(id),
      created_at timestamptz not null
    );
    create index document_case on document (case_id, created_at) where case_id is not null;
    create index document_activity on document (activity_id) where activity_id is not null;

    create table note (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      author_id uuid not null references staff_user(id),
      body text not null,
      created_at timestamptz not null
    );
    create index note_case on note (case_id, created_at);

    create table timeline_event (
      id bigint generated always as identity primary key,
      case_id uuid references cases(id),
      activity_id uuid references activity(id),
      occurred_at timestamptz not null,
      actor_id uuid references staff_user(id),
      actor_name text not null,
      type text not null,
      before jsonb,
      after jsonb,
      data jsonb not null default '{}'
    );
    create index timeline_case on timeline_event (case_id, id) where case_id is not null;
    create index timeline_activity on timeline_event (activity_id, id) where activity_id is not null;
  `.execute(db);

  // The timeline is evidence: no row is ever changed or removed once written.
  await sql`
    create function timeline_event_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'timeline_event is append-only' using errcode = '42501';
    end $$;
    create trigger timeline_event_no_change before update or delete on timeline_event
      for each row execute function timeline_event_immutable();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration is not reversible');
}
