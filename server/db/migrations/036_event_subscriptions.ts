import { sql, type Kysely } from 'kysely';

/**
 * Events for other systems (issue 14 point 3): an administrator subscribes another system's endpoint
 * to event types; every event is a delivery row written in the transaction that caused it (an outbox,
 * like outbox_message), then posted as a CloudEvent by jobs/eventDeliverer.ts with retries.
 *
 * The secret signs each delivery (HMAC-SHA256, Standard Webhooks), so the server needs the secret
 * itself, not a hash of it: it is kept as-is in `secret`, a column no query of the API selects
 * (queries/eventSubscriptions.ts lists its columns). Encrypting it with a key from the same
 * environment would not protect it from whoever holds both the database and the configuration.
 *
 * A delivery holds no personal data: the CloudEvent names the case by its id and reference and
 * links to it (dataref); the receiver fetches what its API key may see.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table event_subscription (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 100),
      url text not null check (length(url) between 1 and 2000),
      event_types text[] not null check (cardinality(event_types) > 0),
      secret text not null,
      active boolean not null default true,
      created_at timestamptz not null,
      created_by uuid references staff_user(id) on delete set null,
      created_by_name text not null,
      updated_at timestamptz not null
    );
    create index event_subscription_active on event_subscription using gin (event_types) where active;

    create table event_delivery (
      id uuid primary key default gen_random_uuid(),
      subscription_id uuid not null references event_subscription(id) on delete cascade,
      -- The CloudEvent's id: the same on every attempt, so a receiver recognises a repeat.
      event_id uuid not null,
      event_type text not null,
      case_id uuid,
      -- The CloudEvent as sent (JSON text: the signed bytes are exactly these).
      payload text not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts int not null default 0,
      next_attempt_at timestamptz not null,
      lease_until timestamptz,
      last_status_code int,
      last_error text,
      created_at timestamptz not null,
      delivered_at timestamptz,
      unique (subscription_id, event_id)
    );
    create index event_delivery_due on event_delivery (next_attempt_at, id) where status = 'pending';
    create index event_delivery_recent on event_delivery (subscription_id, created_at desc, id desc);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
