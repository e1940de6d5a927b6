import { sql, type Kysely } from 'kysely';

/**
 * Registering cases in a zaaksysteem through the ZGW APIs (issue 14 point 4; server/zgw/).
 *
 * zgw_case is the durable job: one row per case, written in the transaction that changed the case
 * (a timeline event, the destruction), claimed by the sync worker with FOR UPDATE SKIP LOCKED and a
 * lease. `changes` counts the changes; a run that succeeded marks the row synced only when no change
 * came in meanwhile (synced_changes = changes), so nothing waits unseen. The zaak's URL is stored
 * once created: a retry never makes a second zaak.
 *
 * zgw_item: what was sent per case (a status per citizen step, a document, the result, the closing,
 * the destruction report), each with the remote object's URL. `attempted_at` without `url` is an
 * unknown outcome (the request went out, no answer was recorded): the next run looks it up first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table zgw_case (
      case_id uuid primary key references cases(id),
      zaak_url text,
      zaak_identificatie text not null,
      state text not null default 'pending' check (state in ('pending', 'synced', 'failed')),
      changes int not null default 1,
      synced_changes int not null default 0,
      attempts int not null default 0,
      next_attempt_at timestamptz not null,
      lease_until timestamptz,
      last_error text,
      destroyed_at timestamptz,
      created_at timestamptz not null,
      synced_at timestamptz
    );
    create index zgw_case_due on zgw_case (next_attempt_at) where state = 'pending';
    create index zgw_case_failed on zgw_case (next_attempt_at desc, case_id) where state = 'failed';

    create table zgw_item (
      case_id uuid not null references zgw_case(case_id),
      item_key text not null,
      url text,
      attempted_at timestamptz,
      done_at timestamptz,
      primary key (case_id, item_key)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table zgw_item; drop table zgw_case;`.execute(db);
}
