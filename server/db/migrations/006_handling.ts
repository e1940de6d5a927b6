import { sql, type Kysely } from 'kysely';

/**
 * The handling path: who is complained about (Awb 9:7: they may not handle the case), the secret
 * links that let a complainant follow one case, and the hearing slots offered for booking.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table complained_person (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      user_id uuid references staff_user(id),
      name text not null,
      job_title text,
      created_at timestamptz not null
    );
    create index complained_person_case on complained_person (case_id);
    create unique index complained_person_unique_user on complained_person (case_id, user_id) where user_id is not null;

    create table case_access (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      token_hash text not null unique,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      last_used_at timestamptz
    );
    create index case_access_case on case_access (case_id);

    create table hearing_slot (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      location text not null,
      offered_at timestamptz not null,
      booked_at timestamptz,
      withdrawn_at timestamptz
    );
    create index hearing_slot_case on hearing_slot (case_id, starts_at);

    alter table cases add column contact_preference text check (contact_preference in ('email', 'phone', 'letter'));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
