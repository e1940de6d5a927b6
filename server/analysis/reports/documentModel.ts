/**
 * A report as a document: headings, paragraphs, tables and bar charts, built once from the frozen
 * figures and the analyst's text (periodicDocument.ts, annualDocument.ts), then drawn as HTML
 * (reportHtml.ts) and as a tagged PDF (reportPdf.ts), so both say exactly the same. The periodic
 * analysis is for the organisation itself; the annual complaints report (Awb 9:12a) is public: it
 * names no one and shows every count of 1 to 4 as "< 5" (suppress.ts), and its texts are plain
 * Dutch (Flesch-Douma ≥ 60, tested).
 */
export type Row = { head: string; cells: string[] };
export type Bar = { label: string; value: number | null; text: string };
export type Block =
  | { type: 'p'; text: string }
  | { type: 'table'; caption: string; columns: string[]; rows: Row[]; foot?: Row }
  | { type: 'bars'; title: string; items: Bar[] }
  | { type: 'list'; items: string[] };
export type Section = { heading: string; blocks: Block[] };
export type ReportDocument = { title: string; subtitle: string; sections: Section[]; draft: boolean };

/** A cell that holds a number (or a hidden one): set right-aligned in tables. */
export const isNumeric = (s: string) => /^(\d[\d.,]*%?|< 5|verborgen|–)$/.test(s.trim());

export type ReportText = {
  title: string;
  conclusions: string;
  recommendations: string;
  state: 'draft' | 'final';
  finalisedOn: string | null;
};

/** Every sentence of a document's running text (for the readability check). */
export function documentText(doc: ReportDocument): string {
  return doc.sections
    .flatMap((s) => s.blocks)
    .filter((b): b is Extract<Block, { type: 'p' }> => b.type === 'p')
    .map((b) => b.text)
    .join('\n\n');
}
