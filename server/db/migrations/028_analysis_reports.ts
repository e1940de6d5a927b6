import { sql, type Kysely } from 'kysely';

/**
 * Analysis reports (issue 12 points 3 and 4): the periodic analysis (seed 001 twice a year, seed 002 at
 * year end) and the annual complaints report (Awb 9:12a). A report is a document: its figures are
 * frozen as JSON when it is made, the analyst's conclusions and recommendations are saved with it
 * while it is a draft, and once finalised ('final', vastgesteld) the row never changes again: its PDF
 * and HTML are in blob storage (keys here) and a trigger refuses every later update or delete.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table analysis_report (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('periodic', 'annual')),
      period_from date not null,
      period_to date not null,
      title text not null,
      -- The figures as they were when the report was made (never recomputed).
      figures jsonb not null,
      conclusions text not null default '',
      recommendations text not null default '',
      state text not null default 'draft' check (state in ('draft', 'final')),
      -- Made by someone who reads every case (case:readAll): only such readers see it. Else only its maker.
      scope_all boolean not null,
      created_at timestamptz not null,
      created_by uuid not null references staff_user(id),
      created_by_name text not null,
      updated_at timestamptz not null,
      finalised_at timestamptz,
      finalised_by uuid references staff_user(id),
      finalised_by_name text,
      pdf_blob_key text,
      pdf_sha256 text,
      html_blob_key text,
      check (period_from <= period_to),
      check (state = 'draft' or (finalised_at is not null and pdf_blob_key is not null and html_blob_key is not null))
    );
    -- The list, newest first.
    create index analysis_report_created on analysis_report (created_at desc, id);

    create function analysis_report_final_is_kept() returns trigger language plpgsql as $$
      begin
        if old.state = 'final' then raise exception 'analysis_report % is final and is kept unchanged', old.id; end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$;
    create trigger analysis_report_final_is_kept before update or delete on analysis_report
      for each row execute function analysis_report_final_is_kept();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger analysis_report_final_is_kept on analysis_report;
    drop function analysis_report_final_is_kept();
    drop table analysis_report;
  `.execute(db);
}
