import { sql, type Kysely } from 'kysely';

/**
 * Seed 003: a family carer complains for her nephew "en iedere keer moet ze zorgen dat haar neef naast
 * haar zit". A representative's mandate (machtiging) is recorded once, between two person records,
 * and reused for every later contact it covers until it expires or is revoked. A case names the
 * mandate it relies on; a portal complaint for someone else relies on none until staff checked one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table mandate (
      id uuid primary key default gen_random_uuid(),
      represented_id uuid not null references person(id),
      representative_id uuid not null references person(id),
      -- What it covers: 'complaints' (all contacts with the complaints department).
      scope text not null,
      -- How it was verified: 'writtenAuthorisation', 'phoneWithRepresentedPresent', 'legalRepresentative'.
      verification text not null,
      valid_from date not null,
      valid_until date,
      recorded_at timestamptz not null,
      recorded_by uuid references staff_user(id),
      recorded_by_name text not null,
      revoked_at timestamptz,
      revoked_by uuid references staff_user(id),
      revoked_by_name text,
      check (represented_id <> representative_id),
      check (valid_until is null or valid_until >= valid_from)
    );
    -- Intake asks "is there a mandate between these two?"; a merge moves rows by either person.
    create index mandate_pair on mandate (represented_id, representative_id) where revoked_at is null;
    create index mandate_represented on mandate (represented_id);
    create index mandate_representative on mandate (representative_id);

    alter table cases add column mandate_id uuid references mandate(id);
    -- A portal complaint for someone else: the mandate still has to be checked by staff.
    alter table cases add column mandate_check_pending boolean not null default false;
    create index cases_mandate on cases (mandate_id) where mandate_id is not null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
