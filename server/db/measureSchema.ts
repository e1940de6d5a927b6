import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the improvement-measure tables (migrations/022_improvement_measures.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CivilDate = ColumnType<string, string, string>;
type NullableCivilDate = ColumnType<string | null, string | null | undefined, string | null>;

export const MEASURE_STATUSES = ['open', 'carriedOut', 'effective'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_SOURCES = ['complaint', 'systemReview', 'analysis'] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];

export interface ImprovementMeasureTable {
  id: Generated<string>;
  description: string;
  owner_id: string;
  due_date: CivilDate;
  status: ColumnType<MeasureStatus, MeasureStatus | undefined, MeasureStatus>;
  source: MeasureSource;
  finding: string | null;
  ground: string | null;
  carried_out_on: NullableCivilDate;
  remind_from: CivilDate;
  reminded_for: NullableCivilDate;
  created_at: Timestamp;
  created_by: string | null;
  created_by_name: string;
  updated_at: Timestamp;
}
export interface ImprovementMeasureCaseTable {
  measure_id: string;
  case_id: string;
}
export interface ImprovementMeasureEventTable {
  id: Generated<string>;
  seq: Generated<string>;
  measure_id: string;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  type: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface MeasureTables {
  improvement_measure: ImprovementMeasureTable;
  improvement_measure_case: ImprovementMeasureCaseTable;
  improvement_measure_event: ImprovementMeasureEventTable;
}
