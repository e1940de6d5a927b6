import type { ColumnType } from 'kysely';

/** Kysely's view of the analysis tables (migrations/027_case_figures.ts). */
type CivilDate = ColumnType<string, string, string>;
type NullableCivilDate = ColumnType<string | null, never, never>;
type Kept<T> = ColumnType<T, never, never>;

/** One narrow row per case, kept by a trigger on cases: the dashboard's figures and drill-down filters read it. */
export interface CaseFigureTable {
  case_id: Kept<string>;
  process_key: Kept<string>;
  received_on: Kept<string>;
  closed_on: NullableCivilDate;
  kind: Kept<string | null>;
  ground: Kept<string | null>;
  department: Kept<string | null>;
  channel: Kept<string>;
  product: Kept<string | null>;
  formality: Kept<string | null>;
  judgment: Kept<string | null>;
  outcome: Kept<string | null>;
  external_body: Kept<string | null>;
  external_outcome: Kept<string | null>;
  recommendation: Kept<string | null>;
  recommendation_due: NullableCivilDate;
  norms_breached: Kept<string[]>;
  extended: Kept<boolean>;
  consent_delay: Kept<boolean>;
  term_deadline: NullableCivilDate;
  term_on_time: Kept<boolean | null>;
  norm_deadline: NullableCivilDate;
  norm_on_time: Kept<boolean | null>;
  lead_days: Kept<number | null>;
  complainant_id: Kept<string>;
  assignee_user_id: Kept<string | null>;
  assignee_team_id: Kept<string | null>;
  terms: Kept<string[]>;
  /** year × 12 + month − 1 of received_on, closed_on. */
  received_month: Kept<number>;
  closed_month: Kept<number | null>;
}
/** Subject terms per month of receipt and process, kept by a trigger on case_figure. */
export interface TermMonthTable {
  month: number;
  process_key: string;
  /** '' for cases without a ground. */
  ground: string;
  term: string;
  cases: number;
}
export interface ContactVolumeTable {
  month: CivilDate;
  kind: 'contacts' | 'customers';
  volume: ColumnType<string, number | string, number | string>;
  entered_by: string | null;
  entered_by_name: string;
  entered_at: ColumnType<Date, Date | string, Date | string>;
}
export interface AnalysisTables {
  case_figure: CaseFigureTable;
  contact_volume: ContactVolumeTable;
  term_month: TermMonthTable;
}
