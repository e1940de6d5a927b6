import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the data subjects' requests (migrations/034_subject_requests.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type CivilDate = ColumnType<string, string, string>;
type NullableCivilDate = ColumnType<string | null, string | null | undefined, string | null>;

export const SUBJECT_REQUEST_KINDS = ['access', 'correction', 'erasure', 'restriction'] as const;
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number];
export const SUBJECT_REQUEST_STATUSES = ['open', 'granted', 'partlyGranted', 'refused'] as const;
export type SubjectRequestStatus = (typeof SUBJECT_REQUEST_STATUSES)[number];

export interface SubjectRequestTable {
  id: Generated<string>;
  kind: SubjectRequestKind;
  person_id: string | null;
  staff_user_id: string | null;
  received_on: CivilDate;
  deadline: CivilDate;
  warn_from: CivilDate;
  deadline_warned_for: NullableCivilDate;
  extended_at: NullableTimestamp;
  extension_reason: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<SubjectRequestStatus, SubjectRequestStatus | undefined, SubjectRequestStatus>;
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
  registered_at: Timestamp;
  registered_by: string | null;
  registered_by_name: string;
  decided_at: NullableTimestamp;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_by_name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SubjectRequestEventTable {
  id: Generated<string>;
  request_id: string;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  type: string;
  data: ColumnType<Record<string, unknown>, string, string>;
}

export interface ProcessingRestrictionTable {
  id: Generated<string>;
  person_id: string | null;
  staff_user_id: string | null;
  request_id: string | null;
  placed_at: Timestamp;
  placed_by_name: string;
  lifted_at: NullableTimestamp;
  lifted_by_name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SubjectRequestTables {
  subject_request: SubjectRequestTable;
  subject_request_event: SubjectRequestEventTable;
  processing_restriction: ProcessingRestrictionTable;
}
