import { sql, type Kysely } from 'kysely';

/**
 * Requests from data subjects (AVG art. 15-18): access, correction, erasure and restriction of
 * processing. A request is about one person record (a complainant or representative) or one staff
 * member (a colleague complained about); it runs to a deadline of one month from receipt (art. 12(3)),
 * extendable once by two months with notice to the requester, warned for like the cases' terms
 * (warn_from, deadline_warned_for). What happened is kept as events (registered, extended, exported,
 * corrected, restricted, erased, refused, decided), each with who and when; an event names fields,
 * never the personal data itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table subject_request (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('access', 'correction', 'erasure', 'restriction')),
      person_id uuid references person(id),
      staff_user_id uuid references staff_user(id),
      received_on date not null,
      deadline date not null,
      warn_from date not null,
      deadline_warned_for date,
      extended_at timestamptz,
      extension_reason text,
      status text not null default 'open' check (status in ('open', 'granted', 'partlyGranted', 'refused')),
      outcome text,
      registered_at timestamptz not null,
      registered_by uuid references staff_user(id),
      registered_by_name text not null,
      decided_at timestamptz,
      decided_by uuid references staff_user(id),
      decided_by_name text,
      check ((person_id is null) <> (staff_user_id is null)),
      check ((status = 'open') = (decided_at is null))
    );
    -- The list: open requests by deadline; the warner: open requests whose warning day came.
    create index subject_request_open on subject_request (deadline) where status = 'open';
    create index subject_request_person on subject_request (person_id) where person_id is not null;
    create index subject_request_staff on subject_request (staff_user_id) where staff_user_id is not null;

    create table subject_request_event (
      id bigint generated always as identity primary key,
      request_id uuid not null references subject_request(id),
      occurred_at timestamptz not null,
      actor_id uuid references staff_user(id),
      actor_name text not null,
      type text not null,
      data jsonb not null default '{}'
    );
    create index subject_request_event_request on subject_request_event (request_id, id);

    -- Art. 18: while a restriction is in force the person's cases are read, never changed.
    create table processing_restriction (
      id uuid primary key default gen_random_uuid(),
      person_id uuid references person(id),
      staff_user_id uuid references staff_user(id),
      request_id uuid references subject_request(id),
      placed_at timestamptz not null,
      placed_by_name text not null,
      lifted_at timestamptz,
      lifted_by_name text,
      check ((person_id is null) <> (staff_user_id is null))
    );
    create unique index processing_restriction_person on processing_restriction (person_id) where lifted_at is null and person_id is not null;
    create unique index processing_restriction_staff on processing_restriction (staff_user_id) where lifted_at is null and staff_user_id is not null;

    -- Art. 15(4): a note that holds data of others is left out of an access export.
    alter table note add column others_data boolean not null default false;

    -- A person erased under art. 17 keeps the row (cases' history may point at it) with nothing that identifies.
    alter table person add column erased_at timestamptz;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
