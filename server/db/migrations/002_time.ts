import { sql, type Kysely } from 'kysely';

/**
 * Time: durable timers (waiting periods, reminders, hearing expiry) as rows a sweeper claims; in-app
 * notifications for handlers; the survey register behind business rule 5; and each case's statutory
 * clock facts with the resulting deadline, kept on the row so queues can flag and sort by it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table timer (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      timer_key text not null,
      fires_at timestamptz not null,
      status text not null default 'pending' check (status in ('pending', 'fired', 'cancelled')),
      lease_until timestamptz,
      attempts int not null default 0,
      last_error text,
      payload jsonb not null default '{}',
      created_at timestamptz not null,
      fired_at timestamptz,
      cancelled_at timestamptz
    );
    create index timer_due on timer (fires_at) where status = 'pending';
    create index timer_case_pending on timer (case_id, timer_key) where status = 'pending';

    create table notification (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references staff_user(id),
      case_id uuid references cases(id),
      kind text not null,
      message text not null,
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index notification_user on notification (user_id, created_at desc);
    create index notification_unread on notification (user_id) where read_at is null;

    create table survey (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      person_id uuid not null references person(id),
      token_hash text not null unique,
      sent_at timestamptz not null,
      score int check (score between 1 and 5),
      comment text,
      answered_at timestamptz
    );
    create index survey_person on survey (person_id, sent_at desc);
    create unique index survey_case on survey (case_id);

    alter table cases add column regime text not null default 'awb';
    alter table cases add column clock_facts jsonb not null default '{}';
    alter table cases add column handling_deadline date;
    alter table cases add column handling_warn_from date;
    create index cases_open_deadline on cases (handling_deadline, id) where closed_at is null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
