import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the analysis reports (migrations/028_analysis_reports.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CivilDate = ColumnType<string, string, string>;

export const REPORT_KINDS = ['periodic', 'annual'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATES = ['draft', 'final'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface AnalysisReportTable {
  id: Generated<string>;
  kind: ReportKind;
  period_from: CivilDate;
  period_to: CivilDate;
  title: string;
  figures: ColumnType<Record<string, unknown>, string, string>;
  conclusions: Generated<string>;
  recommendations: Generated<string>;
  state: ColumnType<ReportState, ReportState | undefined, ReportState>;
  scope_all: boolean;
  created_at: Timestamp;
  created_by: string;
  created_by_name: string;
  updated_at: Timestamp;
  finalised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finalised_by: string | null;
  finalised_by_name: string | null;
  pdf_blob_key: string | null;
  pdf_sha256: string | null;
  html_blob_key: string | null;
}

export interface ReportTables {
  analysis_report: AnalysisReportTable;
}
