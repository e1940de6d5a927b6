import { AppError } from '../domain/errors.ts';
import { parseCsv } from './csv.ts';

/**
 * Reads an uploaded register into a header and rows of plain cells, or refuses it with a Dutch reason
 * (400, invalidParams `file`): not a spreadsheet, the old .xls format, empty, only a header, too many
 * rows, unreadable. An .xlsx is read with exceljs (loaded on first use, as the export does); a formula
 * gives its cached result, never evaluated here, and one without a cached result is refused per cell.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

/** A refused cell: the validation report names it. */
export type RefusedCell = { refused: 'formula' | 'error'; text: string };
export type Cell = string | number | boolean | Date | null | RefusedCell;
export type SheetRow = { rowNumber: number; cells: Cell[] };
export type Sheet = { kind: 'xlsx' | 'csv'; headers: string[]; rows: SheetRow[] };

export const isRefused = (c: Cell): c is RefusedCell => typeof c === 'object' && c !== null && !(c instanceof Date);

const badFile = (reason: string) =>
  new AppError('invalid', 'Dit bestand kunnen wij niet inlezen.', [{ name: 'file', code: 'unreadable', reason }]);
const NOT_A_SHEET = 'Dit is geen spreadsheet. Kies een Excel-bestand (.xlsx) of een CSV-bestand (.csv).';

export async function readSheet(content: Buffer, fileName: string): Promise<Sheet> {
  if (content.length === 0) throw badFile('Het bestand is leeg.');
  if (content.length > MAX_IMPORT_BYTES) throw badFile(`Het bestand is groter dan ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const zip = content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04;
  const ole = content[0] === 0xd0 && content[1] === 0xcf && content[2] === 0x11 && content[3] === 0xe0;
  if (ole) throw badFile('Dit is het oude Excel-formaat (.xls). Sla het bestand in Excel op als .xlsx of als CSV en kies het opnieuw.');
  const sheet = zip ? await readXlsx(content) : readCsv(content, fileName);
  return finish(sheet);
}

function finish(sheet: { kind: 'xlsx' | 'csv'; rows: SheetRow[] }): Sheet {
  const nonEmpty = sheet.rows.filter((r) => r.cells.some((c) => c !== null && c !== ''));
  if (!nonEmpty.length) throw badFile('Het bestand is leeg: er staan geen rijen in.');
  const [head, ...rows] = nonEmpty;
  const seen = new Map<string, number>();
  const headers = head!.cells.map((c, i) => {
    let name = (isRefused(c) ? c.text : c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? '')).trim() || `Kolom ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
  if (!rows.length) throw badFile('Het bestand heeft alleen een kopregel en geen rijen met klachten.');
  if (rows.length > MAX_IMPORT_ROWS)
    throw badFile(`Het bestand heeft ${rows.length} rijen; er kunnen er ${MAX_IMPORT_ROWS} tegelijk. Splits het bestand in delen.`);
  return {
    kind: sheet.kind,
    headers,
    rows: rows.map((r) => ({ rowNumber: r.rowNumber, cells: headers.map((_, i) => r.cells[i] ?? null) })),
  };
}

function readCsv(content: Buffer, fileName: string): { kind: 'csv'; rows: SheetRow[] } {
  // Text or not: NUL bytes or many control characters mean a binary file (an image, a PDF, random bytes).
  const sample = content.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13)) control++;
  if (sample.includes(0) || control > sample.length / 100) throw badFile(NOT_A_SHEET);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Excel on Windows saves "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252.
    text = new TextDecoder('windows-1252').decode(content);
  }
  if (/^\s*(%PDF|<\?xml|<!doctype|<html|\{|\[)/i.test(text)) throw badFile(NOT_A_SHEET);
  const parsed = parseCsv(text);
  if ('error' in parsed)
    throw badFile(`Regel ${parsed.line} opent een aanhalingsteken (") dat niet wordt gesloten. Controleer het bestand.`);
  const widths = parsed.rows.filter((r) => r.length > 1).length;
  if (!widths && !/\.csv$/i.test(fileName) && parsed.rows.length > 1) throw badFile(NOT_A_SHEET);
  return {
    kind: 'csv',
    rows: parsed.rows.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) })),
  };
}

type XlsxValue = unknown;
function xlsxCell(v: XlsxValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      // The value Excel saved with the formula; without one, the cell is refused, never computed here.
      if (o.result === undefined || o.result === null) return { refused: 'formula', text: `=${String(o.formula ?? o.sharedFormula)}` };
      return xlsxCell(o.result);
    }
    if ('error' in o) return { refused: 'error', text: String(o.error) };
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((p) => p.text).join('');
    if ('text' in o) return xlsxCell(o.text);
  }
  return String(v);
}

async function readXlsx(content: Buffer): Promise<{ kind: 'xlsx'; rows: SheetRow[] }> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badFile('Dit Excel-bestand is beschadigd of geen echt .xlsx-bestand. Open het in Excel en sla het opnieuw op.');
  }
  const ws = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw badFile('Het bestand is leeg: er staan geen rijen in.');
  if (ws.rowCount > MAX_IMPORT_ROWS + 1)
    throw badFile(
      `Het bestand heeft meer dan ${MAX_IMPORT_ROWS} rijen; er kunnen er ${MAX_IMPORT_ROWS} tegelijk. Splits het bestand in delen.`,
    );
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as XlsxValue[]; // 1-based
    rows.push({ rowNumber, cells: values.slice(1).map(xlsxCell) });
  });
  return { kind: 'xlsx', rows };
}
