import { sql, type Kysely } from 'kysely';

/**
 * Administration without SQL (issue 13 points 1 and 2): users, their roles, teams and organisation
 * units are managed on the screens (and by `npm run admin` for the first administrator).
 *
 * - `origin` tells a team or unit from the organisation's configuration file (kept in step at
 *   every start-up by syncOrganisation, which marks them 'config') from one made on the screens
 *   ('admin'). Rows that exist already (made with SQL before) count as 'admin' until the next
 *   start-up finds them in the configuration.
 * - `substitution`: a colleague stands in for someone who is away, on these days (inclusive). The
 *   absent person's work shows in the substitute's queue; the case's handler stays who it was.
 * - `admin_change`: every change made in administration, who made it, when, before → after. Not
 *   complainants' data (names of colleagues, roles, teams), so a plain table; append-only, like the
 *   timeline, because it is the account of who gave whom which rights.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table team add column origin text not null default 'admin' check (origin in ('config', 'admin'));
    alter table org_unit add column origin text not null default 'admin' check (origin in ('config', 'admin'));

    create table substitution (
      id uuid primary key default gen_random_uuid(),
      absent_user_id uuid not null references staff_user(id) on delete cascade,
      substitute_user_id uuid not null references staff_user(id) on delete cascade,
      starts_on date not null,
      ends_on date not null,
      created_at timestamptz not null,
      created_by uuid references staff_user(id),
      check (ends_on >= starts_on),
      check (absent_user_id <> substitute_user_id)
    );
    -- The session's question, every few seconds per user: for whom do I stand in today?
    create index substitution_substitute on substitution (substitute_user_id, ends_on);
    create index substitution_absent on substitution (absent_user_id, starts_on);

    create table admin_change (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null,
      actor_id uuid references staff_user(id),
      actor_name text not null,
      subject_type text not null check (subject_type in ('user', 'team', 'orgUnit')),
      subject_id uuid not null,
      action text not null,
      before jsonb,
      after jsonb
    );
    create index admin_change_subject on admin_change (subject_type, subject_id, id desc);

    create function admin_change_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'admin_change is append-only' using errcode = '42501';
    end $$;
    create trigger admin_change_no_change before update or delete on admin_change
      for each row execute function admin_change_immutable();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table admin_change;
    drop function admin_change_immutable();
    drop table substitution;
    alter table team drop column origin;
    alter table org_unit drop column origin;
  `.execute(db);
}
