import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of retention and destruction lists (migrations/033_retention.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type CivilDate = ColumnType<string, string, string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface CaseRetentionTable {
  case_id: string;
  closed_on: CivilDate;
  destroy_after: Nullable<string>;
  rule: string;
  hold_reason: Nullable<string>;
  hold_at: NullableTimestamp;
  hold_by: Nullable<string>;
  hold_by_name: Nullable<string>;
  anonymised_at: NullableTimestamp;
  destruction_list_id: Nullable<string>;
  computed_at: Timestamp;
}
export type DestructionListStatus = 'proposed' | 'superseded' | 'destroyed';
export interface DestructionListTable {
  id: Generated<string>;
  month: CivilDate;
  status: ColumnType<DestructionListStatus, DestructionListStatus | undefined, DestructionListStatus>;
  proposed_at: Timestamp;
  due_on: CivilDate;
  approved_at: NullableTimestamp;
  approved_by: Nullable<string>;
  approved_by_name: Nullable<string>;
  destroyed_count: Nullable<number>;
  held_count: Nullable<number>;
  certificate: ColumnType<DestructionCertificate | null, string | null | undefined, string | null>;
}
export interface DestructionListCaseTable {
  list_id: string;
  case_id: string;
  reference: string;
  closed_on: CivilDate;
  destroy_after: CivilDate;
  rule: string;
  held_reason: Nullable<string>;
  held_at: NullableTimestamp;
  held_by_name: Nullable<string>;
}
export interface RetentionEventTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  type: RetentionEventType;
  list_id: string | null;
  case_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
}
export type RetentionEventType =
  | 'listProposed'
  | 'listSuperseded'
  | 'caseHeld'
  | 'holdLifted'
  | 'listApproved'
  | 'casesDestroyed'
  | 'mailReleased'
  | 'mailDeleted'
  | 'mailPurged';

/** The verklaring van vernietiging: what was destroyed, under which rule, on whose approval. */
export type DestructionCertificate = {
  listId: string;
  month: string;
  approvedBy: string;
  approvedAt: string;
  destroyedOn: string;
  count: number;
  basis: string;
  cases: { caseId: string; reference: string; closedOn: string; destroyAfter: string; rule: string; ruleLabel: string }[];
  held: { caseId: string; reference: string; reason: string }[];
};

export type RetentionTables = {
  case_retention: CaseRetentionTable;
  destruction_list: DestructionListTable;
  destruction_list_case: DestructionListCaseTable;
  retention_event: RetentionEventTable;
};
