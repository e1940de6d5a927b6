/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return before one) as
 * a formula: a subject like `=HYPERLINK("http://…")` typed by a complainant would run on the
 * analyst's machine (CSV/formula injection, OWASP). A leading apostrophe makes it plain text in
 * both formats; the rest of the text is kept as it was.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const inert = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
