import { z } from 'zod';
import { MEASURE_SOURCES, MEASURE_STATUSES } from '../../db/measureSchema.ts';
import type { MeasureCounts, MeasureDetail, MeasureListRow } from '../../queries/measures.ts';

/** Improvement measures (seed 002) as the staff app reads them. */
export const measureOut = z.object({
  id: z.uuid(),
  description: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  dueDate: z.iso.date(),
  status: z.enum(MEASURE_STATUSES),
  overdue: z.boolean(),
  source: z.enum(MEASURE_SOURCES),
  finding: z.string().nullable(),
  ground: z.string().nullable(),
  carriedOutOn: z.iso.date().nullable(),
  createdAt: z.iso.datetime(),
  createdByName: z.string(),
});
type MeasureBase = Omit<MeasureListRow, 'case_count'>;

export const presentMeasure = (m: MeasureBase): z.infer<typeof measureOut> => ({
  id: m.id,
  description: m.description,
  owner: { id: m.owner_id, name: m.owner_name },
  dueDate: m.due_date,
  status: m.status,
  overdue: m.overdue,
  source: m.source,
  finding: m.finding,
  ground: m.ground,
  carriedOutOn: m.carried_out_on,
  createdAt: m.created_at.toISOString(),
  createdByName: m.created_by_name,
});

export const measureListItemOut = measureOut.extend({ caseCount: z.number().int() });
export const presentMeasureListItem = (m: MeasureListRow) => ({ ...presentMeasure(m), caseCount: m.case_count });

const monthCountOut = z.object({ month: z.string(), count: z.number().int(), complete: z.boolean() });
export const measureDetailOut = z.object({
  measure: measureOut,
  cases: z.array(
    z.object({ id: z.uuid(), reference: z.string(), subject: z.string(), receivedAt: z.iso.datetime(), ground: z.string().nullable() }),
  ),
  hiddenCaseCount: z.number().int(),
  history: z.array(
    z.object({ id: z.uuid(), at: z.iso.datetime(), actorName: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) }),
  ),
  /** Complaints of the measure's ground per month before it and after it was carried out; null without a ground. */
  counts: z
    .object({
      before: z.array(monthCountOut),
      after: z.array(monthCountOut).nullable(),
      monthsBefore: z.number().int(),
      monthsAfter: z.number().int(),
    })
    .nullable(),
});

export const presentMeasureDetail = (d: MeasureDetail, counts: MeasureCounts | null): z.infer<typeof measureDetailOut> => ({
  measure: presentMeasure(d.measure),
  cases: d.cases.map((c) => ({
    id: c.id,
    reference: c.reference,
    subject: c.subject,
    receivedAt: c.received_at.toISOString(),
    ground: c.ground,
  })),
  hiddenCaseCount: d.hiddenCaseCount,
  history: d.events.map((e) => ({ id: e.id, at: e.occurred_at.toISOString(), actorName: e.actor_name, type: e.type, data: e.data })),
  counts,
});
