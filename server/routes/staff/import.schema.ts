import { z } from 'zod';
import { IMPORT_STATES } from '../../db/importSchema.ts';

/** Request and response schemas of the register import (issue 12, point 6). */
const columns = z
  .record(z.string().max(200), z.string().max(60))
  .refine((c) => Object.keys(c).length <= 200, { message: 'Te veel kolommen.' })
  .meta({
    maxProperties: 200,
    'x-kf-rule': 'Kolommen van dit bestand, elk gekoppeld aan een veld dat het proces kent; anders 400 (mapping).',
  });

export const dryRunBody = z.object({ columns });
export const mappingBody = z.object({
  name: z.string().trim().min(1, 'Geef de koppeling een naam.').max(100, 'Gebruik hoogstens 100 tekens.'),
  processKey: z.string().max(100).nullish(),
  columns,
});
export const mappingsQuery = z.object({ processKey: z.string().max(100).optional() });

const label = z.object({ nl: z.string(), en: z.string() });
export const uploadOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  processKey: z.string(),
  totalRows: z.number(),
  headers: z.array(z.string()),
  preview: z.array(z.object({ rowNumber: z.number(), cells: z.array(z.string()) })),
  suggested: z.record(z.string(), z.string()),
  fields: z.array(z.object({ key: z.string(), label, required: z.boolean() })),
});
export const reportOut = z.object({
  totalRows: z.number(),
  okRows: z.number(),
  errorRows: z.number(),
  duplicateRows: z.number(),
  problems: z.array(z.object({ rowNumber: z.number(), column: z.string(), field: z.string().nullable(), message: z.string() })),
  problemsShown: z.number(),
  problemCount: z.number(),
});
export const batchOut = z.object({
  id: z.uuid(),
  processKey: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
  state: z.enum(IMPORT_STATES),
  columns: z.record(z.string(), z.string()).nullable(),
  totalRows: z.number(),
  okRows: z.number(),
  errorRows: z.number(),
  duplicateRows: z.number(),
  processedRows: z.number(),
  importedRows: z.number(),
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export const mappingOut = z.object({ id: z.uuid(), name: z.string(), columns: z.record(z.string(), z.string()), updatedAt: z.string() });
export const importedCasesOut = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      subject: z.string(),
      status: z.string(),
      receivedAt: z.string(),
      closedAt: z.string().nullable(),
    }),
  ),
});
