import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './registerColumns.ts';
import { inert } from './inertCell.ts';

/** A civil date as Excel's date (exceljs counts days from the UTC epoch): midnight UTC of that day. */
const excelDate = (date: string) => new Date(`${date}T00:00:00.000Z`);
// An empty cell is left out (undefined): exceljs writes nothing for it, where a null is a cell object to serialise.
const value = (cell: Cell) => (cell === null ? undefined : typeof cell === 'string' ? inert(cell) : excelDate(cell.date));

/** Waits until the response has taken what was written, so rows never pile up in memory; stops when the download was stopped. */
async function roomIn(out: PassThrough) {
  await new Promise((resolve) => setImmediate(resolve)); // let the zip and zlib pass on what they hold
  while (!out.destroyed && out.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
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
      await roomIn(out);
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: Error) => out.destroy(err));
  return out;
}
