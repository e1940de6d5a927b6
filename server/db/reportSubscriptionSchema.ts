import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the scheduled report mail (migrations/029_report_subscriptions.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type CivilDate = ColumnType<string, string, string>;
type NullableCivilDate = ColumnType<string | null, string | null | undefined, string | null>;

export const SUBSCRIPTION_REPORTS = ['dashboard', 'periodic'] as const;
export type SubscriptionReport = (typeof SUBSCRIPTION_REPORTS)[number];
export const SUBSCRIPTION_FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export type SubscriptionFrequency = (typeof SUBSCRIPTION_FREQUENCIES)[number];
export const PAUSE_REASONS = ['byUser', 'noPermission', 'inactive', 'invalidFilter'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface ReportSubscriptionTable {
  id: Generated<string>;
  user_id: string;
  report: SubscriptionReport;
  filter: ColumnType<Record<string, string>, string, string>;
  frequency: SubscriptionFrequency;
  language: ColumnType<'nl' | 'en', 'nl' | 'en' | undefined, 'nl' | 'en'>;
  next_run_on: CivilDate;
  claimed_until: NullableTimestamp;
  last_sent_at: NullableTimestamp;
  last_period_from: NullableCivilDate;
  paused_at: NullableTimestamp;
  paused_reason: ColumnType<PauseReason | null, PauseReason | null | undefined, PauseReason | null>;
  created_at: Timestamp;
}

export interface ReportSubscriptionTables {
  report_subscription: ReportSubscriptionTable;
}
