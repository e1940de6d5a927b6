import type { ColumnType } from 'kysely';

/** Kysely's view of the audit log (migrations/032_audit_log.ts). */
export const AUDIT_ACTOR_KINDS = ['staff', 'client', 'system', 'citizen'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export interface AuditEntryTable {
  seq: ColumnType<number, number, never>;
  at: ColumnType<Date, Date, never>;
  actor_kind: ColumnType<AuditActorKind, AuditActorKind, never>;
  actor_id: ColumnType<string | null, string | null, never>;
  action: ColumnType<string, string, never>;
  case_id: ColumnType<string | null, string | null, never>;
  person_ids: ColumnType<string[], string[], never>;
  object_id: ColumnType<string | null, string | null, never>;
  ip: ColumnType<string | null, string | null, never>;
  hash: ColumnType<Buffer | Uint8Array, Buffer, never>;
}

export interface AuditChainHeadTable {
  id: ColumnType<boolean, never, never>;
  seq: number;
  hash: ColumnType<Buffer | Uint8Array, Buffer, Buffer>;
}

export interface AuditTables {
  audit_entry: AuditEntryTable;
  audit_chain_head: AuditChainHeadTable;
}
