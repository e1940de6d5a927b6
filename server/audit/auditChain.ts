import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { AuditActorKind } from '../db/auditSchema.ts';

/** One audit entry as written: ids only, never names, subjects or values. */
export type AuditRecord = {
  at: Date;
  actorKind: AuditActorKind;
  actorId: string | null;
  action: string;
  caseId: string | null;
  personIds: string[];
  objectId: string | null;
  ip: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A uuid as PostgreSQL prints it (lower case), or null: the hash must match what the check reads back. */
export function auditId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.toLowerCase();
  return UUID.test(id) ? id : null;
}

/**
 * The entry's content after its sequence number, in a fixed order. The hash covers
 * `seq || this`, so the database can add the number it assigns inside the append statement.
 */
export function canonicalContent(r: AuditRecord): string {
  return `\n${JSON.stringify([r.at.toISOString(), r.actorKind, r.actorId, r.action, r.caseId, r.personIds, r.objectId, r.ip])}`;
}

/** sha256(previous hash || seq || content): the same formula the append statement computes in SQL. */
export function chainHash(previous: Uint8Array, seq: number, content: string): Buffer {
  return createHash('sha256').update(previous).update(`${seq}${content}`, 'utf8').digest();
}

/**
 * Appends one entry in a single statement: the chain-head row is updated (its row lock queues
 * concurrent appenders, on any number of instances) and the entry inserted with the new number and
 * hash, so the chain cannot fork and a failed insert leaves the head as it was.
 */
export async function appendAudit(db: Database, r: AuditRecord, opts: { durable?: boolean } = {}): Promise<void> {
  const personIds = [...new Set(r.personIds)].sort();
  const record = { ...r, personIds };
  // A read's entry need not wait for the disk (synchronous_commit off for this statement only, set
  // inside it so it stays one round trip): the WAL flush was most of its cost on a busy disk. Only a
  // crash of PostgreSQL itself within the WAL writer's delay (< 1 s) could lose such entries, never
  // part of one or a link of the chain, and the next durable commit flushes them too. A change's
  // entry (durable) waits like the change did.
  const commit = opts.durable === false ? sql`set_config('synchronous_commit', 'off', true)` : sql`null`;
  await sql`
    with cfg as (select ${commit} as setting),
    head as (
      update audit_chain_head
         set seq = seq + 1,
             hash = sha256(hash || convert_to((seq + 1)::text || ${canonicalContent(record)}, 'UTF8'))
       returning seq, hash
    )
    insert into audit_entry (seq, at, actor_kind, actor_id, action, case_id, person_ids, object_id, ip, hash)
    select head.seq, ${r.at}, ${r.actorKind}, ${r.actorId}, ${r.action}, ${r.caseId}, ${sql`${personIds}::uuid[]`},
           ${r.objectId}, ${r.ip}, head.hash
      from head, cfg
  `.execute(db);
}
