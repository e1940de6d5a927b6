import { sql, type Kysely } from 'kysely';

/**
 * Letters to the complainant (decision, not handling, referral, extension, standard response).
 * A letter is a row with its workflow state; its text lives in `letter_version`, one row per edit,
 * never updated, so the review trail shows who wrote which words. `version` is the optimistic lock
 * (it moves on every change, status included); `current_version` points at the newest text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table letter (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      kind text not null check (kind in ('decision', 'notHandling', 'referral', 'extension', 'standard')),
      template_key text not null,
      status text not null default 'draft' check (status in ('draft', 'inReview', 'approved', 'sent')),
      current_version int not null default 1,
      signer_user_id uuid references staff_user(id),
      signer_name text,
      signer_title text,
      document_id uuid references document(id),
      created_by uuid references staff_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      sent_at timestamptz,
      version int not null default 1
    );
    create index letter_case on letter (case_id, created_at);

    create table letter_version (
      letter_id uuid not null references letter(id),
      version int not null,
      sections jsonb not null,
      author_id uuid references staff_user(id),
      author_name text not null,
      created_at timestamptz not null,
      readability jsonb not null,
      primary key (letter_id, version)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
