import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './registerColumns.ts';
import { inert } from './inertCell.ts';

/** A civil date as Excel's date (exceljs counts days from the UTC epoch): midnight UTC of that day. */
const excelDate = (date: string) => new Date(`${date}T00:00:00.000Z`);
// An empty cell is left out (undefined): exceljs writes nothing for it, where a null is a cell object to serialise.
const value = (cell: Cell) => (cell === null ? undefined : typeof cell === 'string' ? inert(cell) : excelDate(cell.date));

type Buffered = { writableLength?: number; _writableState?: { length: number } };
const SHEET_BACKLOG = 1 << 20; // bytes of sheet XML waiting for the zip: a few thousand rows

/**
 * Waits until what was written has moved on, so rows never pile up in memory, and stops when the
 * download was stopped. exceljs passes no backpressure from its zip to the rows (its issue #734):
 * the sheet's stream writes into a PassThrough that the zip (archiver) reads only as fast as zlib
 * compresses. So we watch that buffer (the one internal we rely on; without it, only the response)
 * as well as the response, and wait, checking on each drain or every few milliseconds.
 */
async function roomIn(out: PassThrough, sheet: unknown) {
  const entry = (sheet as { stream?: { pipes?: Buffered[] } }).stream?.pipes?.[0];
  const backlog = () => entry?.writableLength ?? entry?._writableState?.length ?? 0;
  await new Promise((resolve) => setImmediate(resolve)); // let the zip and zlib take what they can
  while (!out.destroyed && (out.writableNeedDrain || backlog() > SHEET_BACKLOG)) {
    // A stopped download ends the wait within the 5 ms too (the loop checks `destroyed`).
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        out.off('drain', done);
        resolve();
      };
      const timer = setTimeout(done, 5);
      out.on('drain', done);
    });
  }
  if (out.destroyed) throw new Error('The download was stopped');
}

/**
 * One worksheet written row by row with exceljs's streaming writer (WorkbookWriter): each row is
 * committed (serialised into the zip) as it is added, no shared-string table grows, and the next
 * batch is read only when the response has room. The header row stays in view. Without a style
 * table (useStyles: false) exceljs still marks a date cell with Excel's built-in short-date format,
 * which shows in the reader's own locale (2-3-2026 in Dutch Excel); with styles on it works out a
 * style for every cell, which made writing three times slower. Compression level 1: zlib is much of
 * the remaining CPU time, and level 1 is several times faster for a slightly larger file.
 */
export function xlsxStream(
  headers: readonly string[],
  dateColumns: ReadonlySet<number>,
  sheetName: string,
  batches: AsyncIterable<Cell[][]>,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({
    header: inert(header),
    key: `c${i}`,
    width: dateColumns.has(i) ? 12 : Math.min(40, Math.max(10, header.length + 2)),
  }));
  (async () => {
    for await (const rows of batches) {
      for (const cells of rows) sheet.addRow(cells.map(value)).commit();
      await roomIn(out, sheet);
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: Error) => out.destroy(err));
  return out;
}
