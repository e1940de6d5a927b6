import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the zaaksysteem sync (migrations/037_zgw.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ZgwCaseTable {
  case_id: string;
  zaak_url: string | null;
  zaak_identificatie: string;
  state: Generated<'pending' | 'synced' | 'failed'>;
  changes: Generated<number>;
  synced_changes: Generated<number>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_error: string | null;
  destroyed_at: Timestamp | null;
  created_at: Timestamp;
  synced_at: Timestamp | null;
}

export interface ZgwItemTable {
  case_id: string;
  item_key: string;
  url: string | null;
  attempted_at: Timestamp | null;
  done_at: Timestamp | null;
}

export interface ZgwTables {
  zgw_case: ZgwCaseTable;
  zgw_item: ZgwItemTable;
}
