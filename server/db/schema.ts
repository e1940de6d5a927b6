import type { LetterKind } from '../domain/process/vocabulary.ts';
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MeasureTables } from './measureSchema.ts';
import type { ImportTables } from './importSchema.ts';
import type { AnalysisTables } from './analysisSchema.ts';
import type { AnalysisReportTable } from './reportSchema.ts';
import type { ReportSubscriptionTable } from './reportSubscriptionSchema.ts';
import type { AdminTables, Origin } from './adminSchema.ts';
import type { RetentionTables } from './retentionSchema.ts';
import type { AuditTables } from './auditSchema.ts';
import type { SubjectRequestTables } from './subjectRequestSchema.ts';
import type { ApiClientTables } from './apiClientSchema.ts';
import type { ZgwTables } from './zgwSchema.ts';
import type { EventTables } from './eventSchema.ts';

/** Kysely's view of the tables in migrations/. Keep in step with every migration. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in when the insert leaves it out. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface OrgUnitTable {
  id: Generated<string>;
  key: string;
  name: string;
  parent_id: string | null;
  /** From the organisation's configuration file, or made on the administration screens (030). */
  origin: Generated<Origin>;
}
export interface TeamTable {
  id: Generated<string>;
  key: string;
  name: string;
  org_unit_id: string | null;
  /** From the organisation's configuration file, or made on the administration screens (030). */
  origin: Generated<Origin>;
}
export interface StaffUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  roles: string[];
  org_unit_id: string | null;
  oidc_subject: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  /** Named to the complainant with the handler's name (seed 003), and under a letter's signature. */
  job_title: Generated<string | null>;
  /** A direct number the complainant can call back; without it they get the organisation's. */
  phone: Generated<string | null>;
  /** Roles and teams come from the OpenID provider's groups at every login (migration 031). */
  managed_by_provider: Generated<boolean>;
  /** Set when the provider's groups stopped giving a role and the login deactivated the account. */
  provider_withdrawn_at: Generated<Date | null>;
}
export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}
export interface OidcLoginTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  expires_at: Timestamp;
}
export interface PersonTable {
  id: Generated<string>;
  kind: 'person' | 'organisation';
  name: string;
  organisation_name: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  created_at: DefaultTimestamp;
  /** Set when staff merged this record into another (014); such a record is never suggested. */
  merged_into_id: Generated<string | null>;
  /** Set when the person was erased on request (AVG art. 17, 034): the row stays, nothing in it identifies. */
  erased_at: Generated<Date | null>;
}
/** The row ids one merge re-pointed from the duplicate to the survivor. */
export type MovedByMerge = {
  complainantCases: string[];
  representativeCases: string[];
  surveys: string[];
  /** Mandates (021) in which the duplicate was the represented person or the representative; absent in older merges. */
  representedMandates?: string[];
  representativeMandates?: string[];
};
/** A representative's mandate (machtiging, 021): recorded once, reused until it expires or is revoked. */
export interface MandateTable {
  id: Generated<string>;
  represented_id: string;
  representative_id: string;
  scope: 'complaints';
  verification: 'writtenAuthorisation' | 'phoneWithRepresentedPresent' | 'legalRepresentative';
  valid_from: ColumnType<string, string, string>;
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
}
/** One merge of a duplicate person record into another, with what it moved, so it can be undone. */
export interface PersonMergeTable {
  id: Generated<string>;
  survivor_id: string;
  duplicate_id: string;
  moved: Json<MovedByMerge>;
  merged_at: Timestamp;
  merged_by: string | null;
  merged_by_name: string;
  undone_at: Timestamp | null;
  undone_by: string | null;
  undone_by_name: string | null;
}
export interface ReferenceCounterTable {
  prefix: string;
  year: number;
  last_value: number;
}
export interface CasesTable {
  id: Generated<string>;
  reference: string;
  process_key: string;
  case_type: string;
  status: string;
  status_changed_at: Timestamp;
  version: Generated<number>;
  subject: string;
  description: Generated<string>;
  channel: string;
  complainant_id: string;
  representative_id: string | null;
  representative_relation: string | null;
  /** The mandate the representative acts on (021); mandate_check_pending: a portal case whose mandate staff still check. */
  mandate_id: Generated<string | null>;
  mandate_check_pending: Generated<boolean>;
  assignee_user_id: string | null;
  assignee_team_id: string | null;
  data: Json<Record<string, unknown>>;
  received_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  created_by: string | null;
  search_text: Generated<string>;
  search: ColumnType<string, never, never>;
  regime: Generated<string>;
  /** The version of the process definition the case started with (process_version.version). */
  process_version: Generated<number>;
  clock_facts: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** Standard facts (domain/process/vocabulary.ts), keyed by fact name. */
  facts: ColumnType<Record<string, unknown>, string | undefined, string>;
  handling_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  deadline_warned_for: ColumnType<string | null, string | null | undefined, string | null>;
  handling_warn_from: ColumnType<string | null, string | null | undefined, string | null>;
  /** The service norm's deadline and warning day (seed 001: 7 days), where the organisation has one (017). */
  norm_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  norm_warn_from: ColumnType<string | null, string | null | undefined, string | null>;
  norm_warned_for: ColumnType<string | null, string | null | undefined, string | null>;
  /** The earliest of the statutory and service-norm deadline (and warning day): generated (017). */
  first_deadline: ColumnType<string | null, never, never>;
  first_warn_from: ColumnType<string | null, never, never>;
  contact_preference: ColumnType<
    'email' | 'phone' | 'letter' | null,
    'email' | 'phone' | 'letter' | null | undefined,
    'email' | 'phone' | 'letter' | null
  >;
  /** Agreed to e-mail at intake; null on cases from before it was asked (mail to a given address). */
  email_consent: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  /** The complainant's language: everything sent to them (mail, letters on paper) is in it. */
  language: ColumnType<CaseLanguage, CaseLanguage | undefined, CaseLanguage>;
  /** Set on a case imported from an existing register (026): the batch it came in with. */
  imported_batch_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export type CaseLanguage = 'nl' | 'en';
export interface ActivityTable {
  id: Generated<string>;
  kind: 'intake' | 'task';
  channel: string;
  status: string;
  subject: string;
  body: Generated<string>;
  contact: Json<ContactDetails>;
  case_id: string | null;
  case_type: string | null;
  task_key: string | null;
  assignee_user_id: string | null;
  assignee_team_id: string | null;
  version: Generated<number>;
  due_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
  created_by: string | null;
  /** The action line this task belongs to (seed 004: a task per action line). */
  parent_id: Generated<string | null>;
  /** Why an action line was completed: a value of the process's completionReasons. */
  completion_reason: Generated<string | null>;
  /** Its case's earliest open deadline (statutory or service norm), kept by triggers (017) for the queue's sort. */
  deadline: ColumnType<string | null, never, never>;
  deadline_sort: ColumnType<string, never, never>;
  /** Bulk or list mail kept as an e-mail activity (038): marked, never linked or answered by itself. */
  bulk_mail: Generated<boolean>;
}
export interface ContactDetails {
  name?: string;
  email?: string;
  phone?: string;
}
export interface DocumentTable {
  id: Generated<string>;
  case_id: string | null;
  activity_id: string | null;
  doc_type: string;
  filename: string;
  media_type: string;
  size_bytes: ColumnType<number, number, number>;
  sha256: string;
  storage_key: string;
  created_by: string | null;
  created_at: Timestamp;
}
export interface NoteTable {
  id: Generated<string>;
  case_id: string;
  author_id: string;
  body: string;
  created_at: Timestamp;
  /** Set when the note is a comment on one action line of the case. */
  activity_id: Generated<string | null>;
  /** Marked as holding data of others (034): left out of a data subject's access export (AVG art. 15(4)). */
  others_data: Generated<boolean>;
}
/** Who registered a case or took a step on it (scope.ts: they keep reading it after handing it on). */
export interface CaseHandlerTable {
  user_id: string;
  case_id: string;
  first_handled_at: Timestamp;
}

export interface TimelineEventTable {
  id: Generated<string>;
  case_id: string | null;
  activity_id: string | null;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  type: string;
  before: Json<Record<string, unknown> | null> | null;
  after: Json<Record<string, unknown> | null> | null;
  data: Json<Record<string, unknown>>;
}

export interface TimerTable {
  id: Generated<string>;
  case_id: string;
  timer_key: string;
  fires_at: Timestamp;
  status: ColumnType<'pending' | 'fired' | 'cancelled', 'pending' | 'fired' | 'cancelled' | undefined, 'pending' | 'fired' | 'cancelled'>;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  fired_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}
export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  case_id: string | null;
  /** A notice about an improvement measure (022) links to it. */
  measure_id: ColumnType<string | null, string | null | undefined, string | null>;
  kind: string;
  message: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}
export interface SavedFilterTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  query: string;
  created_at: Timestamp;
}
export interface SurveyTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  token_hash: string;
  sent_at: Timestamp;
  score: number | null;
  comment: string | null;
  answered_at: Timestamp | null;
  /** The paper invitation's short link (025_survey_short_links): the code's hash and the sealed token. */
  short_code_hash: string | null;
  sealed_token: string | null;
}

export interface ComplainedPersonTable {
  id: Generated<string>;
  case_id: string;
  user_id: string | null;
  name: string;
  job_title: string | null;
  created_at: Timestamp;
}
export interface CaseAccessTable {
  id: Generated<string>;
  case_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  /** The short code on paper (hashed) and the link's token sealed with that code. */
  short_code_hash: string | null;
  sealed_token: string | null;
}
/** A letter waiting to be posted by staff; it counts as sent on posted_at. */
export interface PostalItemTable {
  id: Generated<string>;
  case_id: string;
  document_id: string;
  letter_id: string | null;
  template_key: string;
  recipient_role: string;
  idempotency_key: string;
  created_at: Timestamp;
  created_by: string | null;
  posted_at: Timestamp | null;
  posted_by: string | null;
}
export interface HearingSlotTable {
  id: Generated<string>;
  case_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  location: string;
  offered_at: Timestamp;
  booked_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
}

export interface OutboxMessageTable {
  id: Generated<string>;
  idempotency_key: string;
  case_id: string | null;
  template_key: string;
  recipient_role: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  body_text: string;
  body_html: string;
  attachments: ColumnType<string[], string | undefined, string>;
  message_id: string;
  in_reply_to: string | null;
  status: ColumnType<'pending' | 'sent' | 'failed', 'pending' | 'sent' | 'failed' | undefined, 'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface InboundMessageTable {
  id: Generated<string>;
  source: 'smtp' | 'imap';
  source_ref: string | null;
  message_id: string | null;
  content_sha256: string;
  raw_storage_key: string;
  size_bytes: ColumnType<number, number, number>;
  received_at: Timestamp;
  from_address: string | null;
  subject: string | null;
  status: ColumnType<InboundStatus, InboundStatus | undefined, InboundStatus>;
  reason: string | null;
  duplicate_of: string | null;
  case_id: string | null;
  activity_id: string | null;
  attempts: Generated<number>;
  lease_until: Timestamp | null;
  last_error: string | null;
  processed_at: Timestamp | null;
  /** Staff let a quarantined message through (033): processed as normal despite its fault. */
  released_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  released_by: ColumnType<string | null, string | null | undefined, string | null>;
}
export type InboundStatus = 'stored' | 'linked' | 'activity' | 'ignored' | 'duplicate' | 'quarantined';
export interface MailSenderCounterTable {
  address: string;
  window_start: Timestamp;
  count: number;
}

export type { LetterKind };
export type LetterStatus = 'draft' | 'inReview' | 'approved' | 'sent';
/** One section of a letter as stored in a version: what the PDF prints under its heading. */
export type LetterSection = { key: string; heading: string; text: string };
export interface LetterTable {
  id: Generated<string>;
  case_id: string;
  kind: LetterKind;
  template_key: string;
  status: ColumnType<LetterStatus, LetterStatus | undefined, LetterStatus>;
  current_version: Generated<number>;
  signer_user_id: string | null;
  signer_name: string | null;
  signer_title: string | null;
  document_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Timestamp | null;
  version: Generated<number>;
}
export interface LetterVersionTable {
  letter_id: string;
  version: number;
  sections: Json<LetterSection[]>;
  author_id: string | null;
  author_name: string;
  created_at: Timestamp;
  readability: Json<Record<string, unknown>>;
}

export interface RateLimitHitTable {
  key: string;
  window_start: Date;
  hits: number;
}

export type ProcessVersionState = 'draft' | 'published' | 'retired';
export interface ProcessVersionTable {
  process_key: string;
  version: number;
  state: ProcessVersionState;
  definition: Json<Record<string, unknown>>;
  source: 'file' | 'upload';
  source_hash: string | null;
  created_at: Timestamp;
  created_by: string | null;
  created_by_name: string;
  published_at: Timestamp | null;
  published_by: string | null;
  published_by_name: string | null;
  retired_at: Timestamp | null;
}

export interface DB
  extends MeasureTables,
    ImportTables,
    AnalysisTables,
    RetentionTables,
    AuditTables,
    SubjectRequestTables,
    AdminTables,
    ApiClientTables,
    ZgwTables,
    EventTables {
  analysis_report: AnalysisReportTable;
  report_subscription: ReportSubscriptionTable;
  postal_item: PostalItemTable;
  process_version: ProcessVersionTable;
  rate_limit_hit: RateLimitHitTable;
  letter: LetterTable;
  letter_version: LetterVersionTable;
  inbound_message: InboundMessageTable;
  mail_sender_counter: MailSenderCounterTable;
  outbox_message: OutboxMessageTable;
  complained_person: ComplainedPersonTable;
  case_access: CaseAccessTable;
  hearing_slot: HearingSlotTable;
  timer: TimerTable;
  notification: NotificationTable;
  saved_filter: SavedFilterTable;
  survey: SurveyTable;
  org_unit: OrgUnitTable;
  team: TeamTable;
  staff_user: StaffUserTable;
  team_member: TeamMemberTable;
  session: SessionTable;
  oidc_login: OidcLoginTable;
  person: PersonTable;
  person_merge: PersonMergeTable;
  mandate: MandateTable;
  reference_counter: ReferenceCounterTable;
  cases: CasesTable;
  activity: ActivityTable;
  document: DocumentTable;
  note: NoteTable;
  timeline_event: TimelineEventTable;
  case_handler: CaseHandlerTable;
}

export type CaseRow = Selectable<CasesTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewTimelineEvent = Insertable<TimelineEventTable>;
