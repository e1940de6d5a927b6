import { sql, type Kysely } from 'kysely';

/**
 * Outgoing mail: every message is a row written in the same transaction as the change that caused
 * it, then delivered by the outbox sender. The idempotency key makes a repeated cause enqueue one
 * message; the Message-ID is fixed at enqueue so a resend is recognisable as the same message.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table outbox_message (
      id uuid primary key default gen_random_uuid(),
      idempotency_key text not null unique,
      case_id uuid references cases(id),
      template_key text not null,
      recipient_role text not null,
      to_address text not null,
      to_name text,
      subject text not null,
      body_text text not null,
      body_html text not null,
      attachments jsonb not null default '[]',
      message_id text not null unique,
      in_reply_to text,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts int not null default 0,
      next_attempt_at timestamptz not null,
      lease_until timestamptz,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz
    );
    create index outbox_due on outbox_message (next_attempt_at) where status = 'pending';
    create index outbox_case on outbox_message (case_id, created_at) where case_id is not null;
    create index outbox_recent on outbox_message (created_at desc, id desc);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
