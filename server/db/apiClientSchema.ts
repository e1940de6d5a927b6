import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of API clients (migrations/035_api_clients.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ApiClientTable {
  id: Generated<string>;
  name: string;
  key_hash: string;
  key_prefix: string;
  scopes: string[];
  expires_at: Timestamp | null;
  created_at: Timestamp;
  created_by: string | null;
  created_by_name: string;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
}

export interface ApiClientTables {
  api_client: ApiClientTable;
}
