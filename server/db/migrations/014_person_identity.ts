import { sql, type Kysely } from 'kysely';

/**
 * One person, one record: a returning complainant is found again by normalised e-mail or phone,
 * and staff merge duplicates. A merged record stays (cases, surveys and letters may still name it
 * in their history) but is marked as merged, and each merge keeps exactly what it moved so it can
 * be undone. Existing e-mail addresses are brought into the normalised form (trimmed, lower case)
 * the lookups compare with.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update person set email = nullif(lower(btrim(email)), '') where email is not null and email <> lower(btrim(email))`.execute(db);
  await sql`
    alter table person add column merged_into_id uuid references person(id);
    -- Lookups read live records only: partial indexes on the normalised keys stay small and exact.
    create index person_email_live on person (lower(email)) where email is not null and merged_into_id is null;
    create index person_phone_live on person (phone) where phone is not null and merged_into_id is null;
    create index person_merged_into on person (merged_into_id) where merged_into_id is not null;

    create table person_merge (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references person(id),
      duplicate_id uuid not null references person(id),
      -- What moved from the duplicate to the survivor, by row id: {complainantCases, representativeCases, surveys}.
      moved jsonb not null,
      merged_at timestamptz not null,
      merged_by uuid references staff_user(id),
      merged_by_name text not null,
      undone_at timestamptz,
      undone_by uuid references staff_user(id),
      undone_by_name text
    );
    create index person_merge_survivor on person_merge (survivor_id, merged_at desc);
    create unique index person_merge_active_duplicate on person_merge (duplicate_id) where undone_at is null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
