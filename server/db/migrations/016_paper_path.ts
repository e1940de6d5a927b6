import { sql, type Kysely } from 'kysely';

/**
 * The paper path: whether the complainant agreed to e-mail (null on cases from before: they keep
 * getting mail at the address they gave), the language everything sent to them is in, the letters
 * staff still have to post (a letter counts as sent on the day it is marked posted), and a short
 * code for the tracking link on paper (hashed; it seals the 256-bit link, so a leaked table opens
 * nothing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cases add column email_consent boolean`.execute(db);
  await sql`alter table cases add column language text not null default 'nl' check (language in ('nl', 'en'))`.execute(db);
  await sql`
    create table postal_item (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      document_id uuid not null references document(id),
      letter_id uuid references letter(id),
      template_key text not null,
      recipient_role text not null,
      idempotency_key text not null unique,
      created_at timestamptz not null,
      created_by uuid references staff_user(id),
      posted_at timestamptz,
      posted_by uuid references staff_user(id)
    )
  `.execute(db);
  await sql`create index postal_item_to_post on postal_item (created_at) where posted_at is null`.execute(db);
  await sql`create index postal_item_case on postal_item (case_id)`.execute(db);
  await sql`alter table case_access add column short_code_hash text unique`.execute(db);
  await sql`alter table case_access add column sealed_token text`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
