import { sql, type Kysely } from 'kysely';

/**
 * Scheduled report mail (issue 12 point 2: "any report can be scheduled to arrive by e-mail; the
 * mail holds figures and a link, never names"). A staff member subscribes to a report with its
 * filter (the dashboard URL's query: granularity, process, fact filters) and a frequency; the
 * report mailer (jobs/reportMailer.ts) claims the due rows from the next_run_on index with SKIP
 * LOCKED and a lease (claimed_until), computes the last complete period's figures as that user and
 * writes one outbox row in the transaction that moves next_run_on on. A user who lost the
 * permission or was deactivated gets no mail: the row is paused with the reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table report_subscription (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references staff_user(id) on delete cascade,
      report text not null check (report in ('dashboard', 'periodic')),
      -- The report's filter as validated by the API: string values only, no period (the frequency sets it).
      filter jsonb not null default '{}',
      frequency text not null check (frequency in ('weekly', 'monthly', 'quarterly')),
      -- The language the subscriber used the app in when subscribing: the mail's language.
      language text not null default 'nl' check (language in ('nl', 'en')),
      next_run_on date not null,
      claimed_until timestamptz,
      last_sent_at timestamptz,
      last_period_from date,
      paused_at timestamptz,
      paused_reason text check (paused_reason in ('byUser', 'noPermission', 'inactive', 'invalidFilter')),
      created_at timestamptz not null,
      check ((paused_at is null) = (paused_reason is null))
    );
    -- The mailer's claim: active rows by the day they are due.
    create index report_subscription_due on report_subscription (next_run_on) where paused_at is null;
    -- A user's own list.
    create index report_subscription_user on report_subscription (user_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table report_subscription;`.execute(db);
}
