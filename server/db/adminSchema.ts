import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of administration (migrations/030_administration.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CivilDate = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string | null, string | null>;

export const ADMIN_SUBJECTS = ['user', 'team', 'orgUnit'] as const;
export type AdminSubject = (typeof ADMIN_SUBJECTS)[number];
export type Origin = 'config' | 'admin';

export interface SubstitutionTable {
  id: Generated<string>;
  absent_user_id: string;
  substitute_user_id: string;
  starts_on: CivilDate;
  ends_on: CivilDate;
  created_at: Timestamp;
  created_by: string | null;
}

export interface AdminChangeTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  subject_type: AdminSubject;
  subject_id: string;
  action: string;
  before: Json<Record<string, unknown> | null>;
  after: Json<Record<string, unknown> | null>;
}

export interface AdminTables {
  substitution: SubstitutionTable;
  admin_change: AdminChangeTable;
}
