import { z } from 'zod';
import { REPORT_KINDS, REPORT_STATES } from '../../db/reportSchema.ts';
import type { ReportDocument } from '../../analysis/reports/documentModel.ts';
import type { ReportRow } from '../../analysis/reports/reports.ts';

/** Analysis reports (issue 12 points 3 and 4) as the staff app reads them. */
export const reportOut = z.object({
  id: z.uuid(),
  kind: z.enum(REPORT_KINDS),
  period: z.object({ from: z.iso.date(), to: z.iso.date().describe('inclusive') }),
  title: z.string(),
  state: z.enum(REPORT_STATES).describe('draft, or final (vastgesteld): then it never changes'),
  scope: z.enum(['all', 'own']).describe('all: every case; own: the cases its maker may read'),
  conclusions: z.string(),
  recommendations: z.string(),
  createdAt: z.iso.datetime(),
  createdByName: z.string(),
  updatedAt: z.iso.datetime(),
  finalisedAt: z.iso.datetime().nullable(),
  finalisedByName: z.string().nullable(),
  pdfSha256: z.string().nullable().describe('SHA-256 of the stored PDF of a final report'),
});

export const presentReport = (r: Omit<ReportRow, 'figures'>): z.infer<typeof reportOut> => ({
  id: r.id,
  kind: r.kind,
  period: { from: r.period_from, to: r.period_to },
  title: r.title,
  state: r.state,
  scope: r.scope_all ? 'all' : 'own',
  conclusions: r.conclusions,
  recommendations: r.recommendations,
  createdAt: r.created_at.toISOString(),
  createdByName: r.created_by_name,
  updatedAt: r.updated_at.toISOString(),
  finalisedAt: r.finalised_at ? r.finalised_at.toISOString() : null,
  finalisedByName: r.finalised_by_name,
  pdfSha256: r.pdf_sha256,
});

const rowOut = z.object({ head: z.string(), cells: z.array(z.string()) });
const blockOut = z.discriminatedUnion('type', [
  z.object({ type: z.literal('p'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
  z.object({ type: z.literal('table'), caption: z.string(), columns: z.array(z.string()), rows: z.array(rowOut), foot: rowOut.optional() }),
  z.object({
    type: z.literal('bars'),
    title: z.string(),
    items: z.array(
      z.object({ label: z.string(), value: z.number().nullable().describe('null: not shown (a small count)'), text: z.string() }),
    ),
  }),
]);
export const documentOut = z.object({
  title: z.string(),
  subtitle: z.string(),
  draft: z.boolean(),
  sections: z.array(z.object({ heading: z.string(), blocks: z.array(blockOut) })),
});
export const presentDocument = (d: ReportDocument): z.infer<typeof documentOut> => d;

export const reportDetailOut = reportOut.extend({
  document: documentOut.describe('The report as it reads: the same headings, tables and bars as its PDF and HTML'),
  readability: z
    .object({
      fleschDouma: z.number().nullable(),
      band: z.string().nullable(),
      threshold: z.number(),
      belowThreshold: z.boolean(),
    })
    .describe("Flesch-Douma of the report's running text (its sentences and the analyst's), against the organisation's level"),
});

export const compareOut = z.object({
  report: reportOut,
  other: reportOut,
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.string().describe("this report's figure as shown"),
      other: z.string().describe("the other report's figure"),
      difference: z.number().nullable().describe('this minus the other; null where either is not a number or not shown'),
    }),
  ),
});
