/**
 * A small RFC 4180 reader for registers saved as CSV: a byte-order mark is dropped, the separator is
 * `;` (Dutch Excel) or `,` (counted in the header line, outside quotes), fields may be quoted with
 * doubled quotes inside and line breaks within quotes, and lines end in CRLF or LF. No library: the
 * format is small, and these rules are all the register needs (csv.test.ts).
 */
export type CsvResult = { rows: string[][]; separator: ';' | ',' } | { error: 'unclosedQuote'; line: number };

export function detectSeparator(text: string): ';' | ',' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  return semi >= comma && semi > 0 ? ';' : comma > 0 ? ',' : ';';
}

export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += ch;
  }
  if (quoted) return { error: 'unclosedQuote', line: quoteLine };
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { rows, separator };
}
