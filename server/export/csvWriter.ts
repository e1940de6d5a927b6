import type { Cell } from './registerColumns.ts';
import { inert } from './inertCell.ts';

/**
 * CSV as Dutch Excel opens it with a double click: UTF-8 with a byte order mark (else Excel reads
 * Windows-1252 and "ë" breaks), `;` between fields (Dutch Excel's list separator: the comma is the
 * decimal sign), CRLF line ends, fields quoted RFC 4180-style when they hold ; " CR or LF.
 * Dates as YYYY-MM-DD, which Excel and every other tool read as dates.
 */
export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const NEEDS_QUOTES = /[;"\r\n]/;

function field(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? inert(cell) : cell.date;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(field).join(SEPARATOR)}\r\n`;
