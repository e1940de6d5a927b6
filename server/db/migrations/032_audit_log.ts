import { sql, type Kysely } from 'kysely';

/**
 * The audit log (issue 13 point 4, BIO/AVG): who read or changed whose personal data, when, from where.
 * Entries hold ids only (actor, case, persons, one object): never names, subjects or values, so an
 * entry reveals nothing the case did not, and erasing a person (the row stays, blanked) leaves the
 * chain intact. Each entry's hash is sha256(previous hash || seq || canonical content): rewriting,
 * removing or inserting an entry breaks every later hash (server/cli/auditCheck.ts, npm run audit:check, recomputes it).
 *
 * Appends are serialised by one chain-head row: the append updates it and inserts the entry in one
 * statement, so two instances on one database queue on that row lock instead of forking the chain.
 * Triggers refuse UPDATE, DELETE and TRUNCATE on the entries and DELETE on the head.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_entry (
      seq bigint primary key,
      at timestamptz not null,
      -- 'staff' (staff_user.id) or 'client' (an API client's id); no foreign key: the id is a
      -- pseudonym that must outlive the row it names.
      actor_kind text not null check (actor_kind in ('staff', 'client', 'system')),
      actor_id uuid,
      action text not null check (length(action) between 1 and 200),
      case_id uuid,
      person_ids uuid[] not null default '{}',
      -- The other object the request named (a document, letter, activity, task …).
      object_id uuid,
      -- The client address as the app sees it (X-Forwarded-For only behind TRUST_PROXY).
      ip text,
      hash bytea not null check (length(hash) = 32)
    );
    create index audit_entry_case on audit_entry (case_id, seq) where case_id is not null;
    create index audit_entry_actor on audit_entry (actor_id, seq);
    create index audit_entry_persons on audit_entry using gin (person_ids);
    create index audit_entry_at on audit_entry (at);

    create table audit_chain_head (
      id boolean primary key default true check (id),
      seq bigint not null,
      hash bytea not null check (length(hash) = 32)
    );
    -- The chain starts from 32 zero bytes.
    insert into audit_chain_head (id, seq, hash) values (true, 0, decode(repeat('00', 32), 'hex'));

    create function audit_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only (% on %)', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_entry_append_only before update or delete on audit_entry
      for each row execute function audit_refuse_change();
    create trigger audit_entry_no_truncate before truncate on audit_entry
      for each statement execute function audit_refuse_change();
    create trigger audit_chain_head_kept before delete on audit_chain_head
      for each row execute function audit_refuse_change();
    create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
      for each statement execute function audit_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table audit_chain_head;
    drop table audit_entry;
    drop function audit_refuse_change();
  `.execute(db);
}
