/** The register import's API objects (server/routes/staff/import.schema.ts). */
export type ImportField = { key: string; label: { nl: string; en: string }; required: boolean };
export type Uploaded = {
  id: string;
  fileName: string;
  processKey: string;
  totalRows: number;
  headers: string[];
  preview: { rowNumber: number; cells: string[] }[];
  suggested: Record<string, string>;
  fields: ImportField[];
};
export type ImportProblem = { rowNumber: number; column: string; field: string | null; message: string };
export type ImportReport = {
  totalRows: number;
  okRows: number;
  errorRows: number;
  duplicateRows: number;
  problems: ImportProblem[];
  problemsShown: number;
  problemCount: number;
};
export type ImportBatch = {
  id: string;
  fileName: string;
  state: 'uploaded' | 'checked' | 'invalid' | 'running' | 'done' | 'failed';
  okRows: number;
  processedRows: number;
  importedRows: number;
  error: string | null;
  finishedAt: string | null;
};
export type ImportMapping = { id: string; name: string; columns: Record<string, string> };
export type ImportedCases = {
  total: number;
  items: { id: string; reference: string; subject: string; status: string; receivedAt: string; closedAt: string | null }[];
};
