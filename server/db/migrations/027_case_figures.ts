import { sql, type Kysely } from 'kysely';

/**
 * Analysis (issue 12, part 8 point 2). Case rows are wide (description, search vector), so the
 * dashboard reads a narrow row per case instead: case_figure, kept by a trigger on every write of
 * the columns it derives from and filled for existing cases here. Every figure and every drill-down
 * filter of the case list reads the same columns (queries/caseFilter.ts), so a list holds exactly the
 * cases a figure counted. Days are Amsterdam civil days. contact_volume: the organisation's own
 * volume of contacts or customers per month, the complaint rate's denominator.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_figure (
      case_id uuid primary key references cases(id) on delete cascade,
      process_key text not null,
      received_on date not null,
      closed_on date,
      kind text,
      ground text,
      department text,
      channel text not null,
      product text,
      formality text,
      judgment text,
      outcome text,
      external_body text,
      external_outcome text,
      recommendation text,
      recommendation_due date,
      norms_breached text[] not null default '{}',
      extended boolean not null,
      consent_delay boolean not null,
      term_deadline date,
      term_on_time boolean,
      norm_deadline date,
      norm_on_time boolean,
      lead_days integer,
      complainant_id uuid not null,
      assignee_user_id uuid,
      assignee_team_id uuid,
      terms text[] not null default '{}',
      -- Months as one number (year × 12 + month − 1): the buckets group by integers, not by dates.
      received_month integer not null,
      closed_month integer
    );

    create function month_number(d date) returns integer language sql immutable parallel safe
      as $$ select (extract(year from d)::int * 12 + extract(month from d)::int - 1) $$;

    -- One definition of every derived column, used by the trigger and the backfill alike.
    create function case_figure_of(c cases) returns case_figure language sql stable as $$
      select row(
        c.id,
        c.process_key,
        (c.received_at at time zone 'Europe/Amsterdam')::date,
        (c.closed_at at time zone 'Europe/Amsterdam')::date,
        nullif(c.facts->>'kind', ''),
        nullif(c.facts->>'ground', ''),
        nullif(c.facts->>'department', ''),
        c.channel,
        nullif(c.facts->>'product', ''),
        nullif(c.facts->>'formality', ''),
        nullif(c.facts->>'judgment', ''),
        nullif(c.facts->>'outcome', ''),
        nullif(c.facts->>'externalBody', ''),
        nullif(c.facts->>'externalOutcome', ''),
        nullif(c.facts->>'externalRecommendation', ''),
        case when c.facts->>'recommendationResponseDue' ~ '^\\d{4}-\\d{2}-\\d{2}'
          then left(c.facts->>'recommendationResponseDue', 10)::date end,
        case when jsonb_typeof(c.facts->'normsBreached') = 'array'
          then array(select jsonb_array_elements_text(c.facts->'normsBreached')) else '{}'::text[] end,
        coalesce(c.facts->>'extended' = 'true', false) or coalesce(c.clock_facts ? 'extension', false),
        coalesce(c.clock_facts ? 'consentDelay', false),
        c.handling_deadline,
        -- Counted against the Awb term only with a term; the clock's own verdict (handledOnTime) first.
        case when c.closed_at is not null and c.handling_deadline is not null then coalesce(
          case when c.facts->>'handledOnTime' in ('true', 'false') then (c.facts->>'handledOnTime')::boolean end,
          (c.closed_at at time zone 'Europe/Amsterdam')::date <= c.handling_deadline) end,
        c.norm_deadline,
        case when c.closed_at is not null and c.norm_deadline is not null
          then (c.closed_at at time zone 'Europe/Amsterdam')::date <= c.norm_deadline end,
        (c.closed_at at time zone 'Europe/Amsterdam')::date - (c.received_at at time zone 'Europe/Amsterdam')::date,
        c.complainant_id,
        c.assignee_user_id,
        c.assignee_team_id,
        -- The subject's Dutch word stems, once each: the terms of rising themes.
        array(select distinct t.lexeme from unnest(to_tsvector('dutch', c.subject)) t where length(t.lexeme) > 2),
        month_number((c.received_at at time zone 'Europe/Amsterdam')::date),
        month_number((c.closed_at at time zone 'Europe/Amsterdam')::date)
      )::case_figure
    $$;

    create function case_figure_keep() returns trigger language plpgsql as $$
    begin
      insert into case_figure select f.* from case_figure_of(new) f
        on conflict (case_id) do update set
          process_key = excluded.process_key, received_on = excluded.received_on, closed_on = excluded.closed_on,
          kind = excluded.kind, ground = excluded.ground, department = excluded.department, channel = excluded.channel,
          product = excluded.product, formality = excluded.formality, judgment = excluded.judgment, outcome = excluded.outcome,
          external_body = excluded.external_body, external_outcome = excluded.external_outcome,
          recommendation = excluded.recommendation, recommendation_due = excluded.recommendation_due,
          norms_breached = excluded.norms_breached, extended = excluded.extended, consent_delay = excluded.consent_delay,
          term_deadline = excluded.term_deadline, term_on_time = excluded.term_on_time,
          norm_deadline = excluded.norm_deadline, norm_on_time = excluded.norm_on_time, lead_days = excluded.lead_days,
          complainant_id = excluded.complainant_id, assignee_user_id = excluded.assignee_user_id,
          assignee_team_id = excluded.assignee_team_id, terms = excluded.terms,
          received_month = excluded.received_month, closed_month = excluded.closed_month;
      return null;
    end $$;
    create trigger case_figure_on_insert after insert on cases for each row execute function case_figure_keep();
    create trigger case_figure_on_update after update of process_key, received_at, closed_at, status, facts, clock_facts,
      handling_deadline, norm_deadline, channel, subject, complainant_id, assignee_user_id, assignee_team_id on cases
      for each row execute function case_figure_keep();

    -- Subject terms per month of receipt, process and ground ('' for none): rising terms for a whole-month period
    -- read these few rows instead of unnesting every case's terms (a year at a million cases is 300,000 cases).
    create table term_month (
      month integer not null,
      process_key text not null,
      ground text not null,
      term text not null,
      cases integer not null,
      primary key (month, process_key, ground, term)
    );
    create function term_month_keep() returns trigger language plpgsql as $$
    declare
      moved boolean := tg_op = 'DELETE';
    begin
      if tg_op = 'UPDATE' then
        moved := old.terms is distinct from new.terms or old.received_month <> new.received_month or old.process_key <> new.process_key
          or old.ground is distinct from new.ground;
      end if;
      if tg_op = 'DELETE' or (tg_op = 'UPDATE' and moved) then
        update term_month t set cases = t.cases - 1
          where t.month = old.received_month and t.process_key = old.process_key and t.ground = coalesce(old.ground, '')
            and t.term = any(old.terms);
      end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and moved) then
        -- In term order, so concurrent writers lock the same rows in the same order.
        insert into term_month (month, process_key, ground, term, cases)
          select new.received_month, new.process_key, coalesce(new.ground, ''), t.term, 1 from unnest(new.terms) t(term) order by t.term
          on conflict (month, process_key, ground, term) do update set cases = term_month.cases + 1;
      end if;
      return null;
    end $$;
    create trigger term_month_on_write after insert or update or delete on case_figure
      for each row execute function term_month_keep();

    insert into case_figure select f.* from cases c cross join lateral case_figure_of(c) f;

    -- A period's received and closed cases: range scans that answer the breakdowns from the index alone (an
    -- index-only scan reads a fifth of the pages the table's wide rows take: at a million cases 0.96 → 0.20 s).
    create index case_figure_received on case_figure (received_on) include (closed_on, process_key, complainant_id,
      received_month, kind, ground, department, channel, product, formality, judgment, outcome);
    create index case_figure_closed on case_figure (closed_on) include (received_on, process_key, closed_month, lead_days,
      term_on_time, norm_on_time, extended, consent_delay, kind, ground, department, channel, product, formality, judgment, outcome)
      where closed_on is not null;
    create index case_figure_open on case_figure (received_on) where closed_on is null;
    create index case_figure_complainant on case_figure (complainant_id, received_on);
    create index case_figure_external on case_figure (external_body) where external_body is not null;
    create index case_figure_recommendation on case_figure (recommendation_due) where recommendation is not null;

    create table contact_volume (
      month date not null check (extract(day from month) = 1),
      kind text not null check (kind in ('contacts', 'customers')),
      volume bigint not null check (volume >= 0),
      entered_by uuid references staff_user(id),
      entered_by_name text not null,
      entered_at timestamptz not null,
      primary key (month, kind)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table contact_volume;
    drop trigger term_month_on_write on case_figure;
    drop function term_month_keep();
    drop table term_month;
    drop trigger case_figure_on_update on cases;
    drop trigger case_figure_on_insert on cases;
    drop function case_figure_keep();
    drop function case_figure_of(cases);
    drop table case_figure;
    drop function month_number(date);
  `.execute(db);
}
