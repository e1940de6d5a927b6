import { sql, type Kysely } from 'kysely';

/**
 * Incoming mail: every message is stored (raw bytes in blob storage, this row) before anything is
 * decided about it, so a crash, a parse failure or a bug never loses a mail; the processor then
 * moves each row out of 'stored' exactly once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table inbound_message (
      id uuid primary key default gen_random_uuid(),
      source text not null check (source in ('smtp', 'imap')),
      -- Where a reader fetched it (IMAP mailbox, UIDVALIDITY and UID): reading the same item again
      -- after a crash between storing and flagging is then a no-op instead of a new arrival.
      source_ref text,
      message_id text,
      -- SHA-256 over the message without its trace headers (Received, Return-Path…), so the same
      -- mail delivered twice by different routes is recognised as one.
      content_sha256 text not null,
      raw_storage_key text not null,
      size_bytes bigint not null,
      received_at timestamptz not null,
      from_address text,
      subject text,
      status text not null default 'stored'
        check (status in ('stored', 'linked', 'activity', 'ignored', 'duplicate', 'quarantined')),
      reason text,
      -- Set at storage when an earlier row has the same Message-ID and content hash.
      duplicate_of uuid references inbound_message(id),
      case_id uuid references cases(id),
      activity_id uuid references activity(id),
      attempts int not null default 0,
      lease_until timestamptz,
      last_error text,
      processed_at timestamptz
    );
    create unique index inbound_message_source_ref on inbound_message (source_ref) where source_ref is not null;
    -- Duplicate guard on Message-ID plus content, never Message-ID alone (senders reuse IDs).
    create unique index inbound_message_original on inbound_message (coalesce(message_id, ''), content_sha256)
      where duplicate_of is null;
    create index inbound_message_pending on inbound_message (received_at, id) where status = 'stored';
    create index inbound_message_activity on inbound_message (activity_id) where activity_id is not null;
    create index inbound_message_case on inbound_message (case_id, received_at) where case_id is not null;

    -- Messages per sender per fixed window, shared by every instance (mail-loop protection).
    create table mail_sender_counter (
      address text not null,
      window_start timestamptz not null,
      count int not null,
      primary key (address, window_start)
    );
    create index mail_sender_counter_window on mail_sender_counter (window_start);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
