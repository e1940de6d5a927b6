import { sql, type Kysely } from 'kysely';

/**
 * Keys for other systems (issue 13 point 10): an administrator gives a system (a CRM, a website's
 * form, a reporting tool) an API key with a subset of the permissions as its scopes. The key is
 * shown once; only its sha256 is kept (key_hash, unique: the lookup of every call). A revoked or
 * expired key is refused at once (no cache). last_used_at is moved at most once a minute.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table api_client (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 100),
      key_hash text not null unique,
      -- The key's first characters ('kf_AbC…'), so an administrator can tell keys apart; not enough to guess it.
      key_prefix text not null,
      scopes text[] not null check (cardinality(scopes) > 0),
      expires_at timestamptz,
      created_at timestamptz not null,
      created_by uuid references staff_user(id) on delete set null,
      created_by_name text not null,
      revoked_at timestamptz,
      revoked_by uuid references staff_user(id) on delete set null,
      last_used_at timestamptz
    );
    create index api_client_created on api_client (created_at desc, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table api_client;`.execute(db);
}
