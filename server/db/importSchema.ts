import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the register-import tables (migrations/026_register_import.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const IMPORT_STATES = ['uploaded', 'checked', 'invalid', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
/** Column header → the field it fills ('' or absent: not imported). */
export type ImportColumns = Record<string, string>;

export interface ImportBatchTable {
  id: Generated<string>;
  process_key: string;
  file_name: string;
  media_type: string;
  sha256: string;
  size_bytes: number;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_by_name: string;
  uploaded_at: Timestamp;
  state: ColumnType<ImportState, ImportState | undefined, ImportState>;
  mapping: ColumnType<ImportColumns | null, string | null | undefined, string | null>;
  total_rows: Generated<number>;
  ok_rows: Generated<number>;
  error_rows: Generated<number>;
  duplicate_rows: Generated<number>;
  processed_rows: Generated<number>;
  imported_rows: Generated<number>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
export interface ImportMappingTable {
  id: Generated<string>;
  name: string;
  process_key: string;
  columns: Json<ImportColumns>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface ImportRowKeyTable {
  process_key: string;
  row_key: string;
  batch_id: string;
  case_id: string;
}
export interface ImportTables {
  import_batch: ImportBatchTable;
  import_mapping: ImportMappingTable;
  import_row_key: ImportRowKeyTable;
}
