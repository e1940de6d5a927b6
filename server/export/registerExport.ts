import { Readable } from 'node:stream';
import type { Actor, Services } from '../commands/context.ts';
import type { CaseFilter } from '../queries/caseFilter.ts';
import { caseExportBatches } from '../queries/caseExport.ts';
import { CSV_BOM, csvLine } from './csvWriter.ts';
import { type Cell, type ExportLanguage, REGISTER_COLUMNS, registerHeaders, registerRows } from './registerColumns.ts';

export type ExportFormat = 'csv' | 'xlsx';
const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const NAME = { nl: 'klachtenregister', en: 'complaints-register' };

/**
 * The register of the cases the actor may read, filtered like the queues, as a stream: batches
 * are read as the client takes the bytes (memory stays flat however many cases). The first batch
 * is read before anything is sent, so a failure there is still an ordinary error answer.
 */
export async function registerExport(
  services: Services,
  actor: Actor,
  opts: { format: ExportFormat; lang: ExportLanguage; filter: CaseFilter; batchSize?: number },
) {
  const today = services.calendar.toDate(services.clock.now());
  const batches = caseExportBatches(services, actor, opts.filter, { today, batchSize: opts.batchSize });
  const first = await batches.next();
  const toCells = registerRows(services.processes, opts.lang);
  async function* cells(): AsyncGenerator<Cell[][]> {
    if (first.done) return;
    yield first.value.map(toCells);
    for await (const rows of batches) yield rows.map(toCells);
  }
  const headers = registerHeaders(opts.lang);
  const body =
    opts.format === 'csv'
      ? Readable.from(
          (async function* () {
            yield Buffer.from(CSV_BOM + csvLine(headers), 'utf8');
            for await (const rows of cells()) yield Buffer.from(rows.map(csvLine).join(''), 'utf8');
          })(),
          { objectMode: false },
        )
      : // exceljs loads on first use: a third of a second that every other process is spared.
        (await import('./xlsxWriter.ts')).xlsxStream(
          headers,
          new Set(REGISTER_COLUMNS.flatMap((c, i) => (c.date ? [i] : []))),
          opts.lang === 'nl' ? 'Klachtenregister' : 'Complaints register',
          cells(),
        );
  return { body, contentType: CONTENT_TYPE[opts.format], filename: `${NAME[opts.lang]}-${today}.${opts.format}` };
}
