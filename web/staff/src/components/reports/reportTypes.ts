/** The report API's shapes (server/presenters/staff/reportPresenter.ts). */
export type ReportKind = 'periodic' | 'annual';
export type Report = {
  id: string;
  kind: ReportKind;
  period: { from: string; to: string };
  title: string;
  state: 'draft' | 'final';
  scope: 'all' | 'own';
  conclusions: string;
  recommendations: string;
  createdAt: string;
  createdByName: string;
  updatedAt: string;
  finalisedAt: string | null;
  finalisedByName: string | null;
  pdfSha256: string | null;
};
export type ReportRow = { head: string; cells: string[] };
export type ReportBlock =
  | { type: 'p'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; caption: string; columns: string[]; rows: ReportRow[]; foot?: ReportRow }
  | { type: 'bars'; title: string; items: { label: string; value: number | null; text: string }[] };
export type ReportDocument = {
  title: string;
  subtitle: string;
  draft: boolean;
  sections: { heading: string; blocks: ReportBlock[] }[];
};
export type ReportDetail = Report & {
  document: ReportDocument;
  readability: { fleschDouma: number | null; band: string | null; threshold: number; belowThreshold: boolean };
};
export type ReportComparison = {
  report: Report;
  other: Report;
  rows: { key: string; label: string; value: string; other: string; difference: number | null }[];
};
