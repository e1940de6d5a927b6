import { A4, artifact, type Doc, loadPdfKit, M, pageFooters, type Struct, tagged, write } from '../../letters/pdf.ts';
import { FONT_FILES } from '../../letters/pdfFonts.ts';
import { type Block, isNumeric, type ReportDocument } from './documentModel.ts';

/**
 * A report as a tagged PDF (PDF 1.7, lang nl-NL, title shown), made like the letters
 * (letters/pdf.ts, the same embedded Noto Sans): H1 for the title, a Sect with an H2 per section,
 * P per paragraph, pdfkit's tagged tables (TH with a scope for column and row headings) and bar
 * charts drawn with vector shapes as a Figure whose alternative text carries every number, with the
 * numbers printed next to the bars as well. Page numbers are artifacts.
 */
const INK = '#1a1a1a';
const ACCENT = '#154273';
const MUTED = '#555555';
const BAR = '#2a6ebb';
const WIDTH = A4.width - M.left - M.right;

function ensureRoom(doc: Doc, points: number) {
  if (doc.y + points > A4.height - M.bottom) doc.addPage();
}

function paragraph(doc: Doc, parent: Struct, text: string) {
  doc.fillColor(INK).fontSize(10.5);
  ensureRoom(doc, 30);
  tagged(doc, parent, 'P', () => write(doc, text, false, { x: M.left, width: WIDTH, lineGap: 2.5 }));
  doc.moveDown(0.5);
}

/**
 * A table drawn cell by cell (pdfkit's own table took 0.3 s a table): Table > TR > TH/TD structure
 * elements, TH with Scope Column (the heading row) or Row (the first column), rules as artifacts.
 * A row that does not fit starts a new page, where the heading row is drawn again as an artifact.
 */
const CELL = { padX: 4, padY: 3, size: 9 };
function table(doc: Doc, parent: Struct, b: Extract<Block, { type: 'table' }>) {
  ensureRoom(doc, 60);
  doc.fillColor(INK).fontSize(10);
  tagged(doc, parent, 'P', () => write(doc, b.caption, true, { x: M.left, width: WIDTH }));
  doc.moveDown(0.2);
  const n = b.columns.length;
  const first = n === 1 ? WIDTH : Math.min(WIDTH * 0.45, Math.max(120, WIDTH - (n - 1) * 80));
  const rest = n === 1 ? 0 : (WIDTH - first) / (n - 1);
  const widths = b.columns.map((_, i) => (i === 0 ? first : rest));
  const xs = widths.map((_, i) => M.left + widths.slice(0, i).reduce((a, w) => a + w, 0));
  const cellHeight = (text: string, i: number, bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(CELL.size);
    return doc.heightOfString(text, { width: widths[i]! - 2 * CELL.padX }) + 2 * CELL.padY;
  };
  const rowHeight = (cells: string[], boldAll: boolean) => Math.max(...cells.map((c, i) => cellHeight(c, i, boldAll || i === 0)));
  const rule = (y: number, h: number, shade: string | null) =>
    artifact(
      doc,
      () => {
        if (shade) doc.rect(M.left, y, WIDTH, h).fill(shade);
        doc.lineWidth(0.5).strokeColor('#aab7c4');
        doc.rect(M.left, y, WIDTH, h).stroke();
        for (const x of xs.slice(1))
          doc
            .moveTo(x, y)
            .lineTo(x, y + h)
            .stroke();
      },
      'Layout',
    );
  // A column of numbers is right-aligned, its heading too.
  const numericColumn = b.columns.map((_, i) => i > 0 && b.rows.every((r) => isNumeric(r.cells[i - 1] ?? '')));
  const drawCell = (text: string, i: number, y: number, bold: boolean) => {
    doc.fillColor(INK);
    doc.font(bold ? 'bold' : 'regular').fontSize(CELL.size);
    write(doc, text, bold, {
      x: xs[i]! + CELL.padX,
      y: y + CELL.padY,
      width: widths[i]! - 2 * CELL.padX,
      align: numericColumn[i] ? 'right' : 'left',
    });
  };
  const tableStruct = doc.struct('Table');
  parent.add(tableStruct);
  const headH = rowHeight(b.columns, true);
  const drawHead = (asArtifact: boolean) => {
    const y = doc.y;
    rule(y, headH, '#eef2f6');
    if (asArtifact)
      artifact(
        doc,
        () => {
          for (const [i, c] of b.columns.entries()) drawCell(c, i, y, true);
        },
        'Layout',
      );
    else {
      const tr = doc.struct('TR');
      tableStruct.add(tr);
      b.columns.forEach((c, i) => {
        tr.add(th(doc, 'Column', () => drawCell(c, i, y, true)));
      });
      tr.end();
    }
    doc.y = y + headH;
  };
  drawHead(false);
  const rows = [...b.rows.map((r) => ({ r, bold: false })), ...(b.foot ? [{ r: b.foot, bold: true }] : [])];
  for (const { r, bold } of rows) {
    const cells = [r.head, ...r.cells];
    const h = rowHeight(cells, bold);
    if (doc.y + h > A4.height - M.bottom) {
      doc.addPage();
      drawHead(true);
    }
    const y = doc.y;
    rule(y, h, bold ? '#f6f8fa' : null);
    const tr = doc.struct('TR');
    tableStruct.add(tr);
    cells.forEach((c, i) => {
      tr.add(i === 0 ? th(doc, 'Row', () => drawCell(c, i, y, true)) : doc.struct('TD', {}, () => drawCell(c, i, y, bold)));
    });
    tr.end();
    doc.y = y + h;
  }
  tableStruct.end();
  doc.x = M.left;
  doc.moveDown(0.8);
}

/** A header cell with its Scope attribute (pdfkit writes it; its typings do not know the option). */
const th = (doc: Doc, scope: 'Column' | 'Row', draw: () => void) =>
  doc.struct('TH', { scope } as unknown as Parameters<Doc['struct']>[1], draw);

function bars(doc: Doc, parent: Struct, b: Extract<Block, { type: 'bars' }>) {
  const lineH = 15;
  const height = 20 + b.items.length * lineH;
  ensureRoom(doc, Math.min(height, A4.height - M.top - M.bottom));
  const labelW = 170;
  const valueW = 50;
  const barW = WIDTH - labelW - valueW - 10;
  const max = Math.max(1, ...b.items.map((i) => i.value ?? 0));
  const alt = `${b.title}: ${b.items.map((i) => `${i.label} ${i.text}`).join('; ')}.`;
  tagged(
    doc,
    parent,
    'Figure',
    () => {
      doc.fillColor(INK).fontSize(10);
      write(doc, b.title, true, { x: M.left, width: WIDTH });
      let y = doc.y + 4;
      for (const i of b.items) {
        if (y + lineH > A4.height - M.bottom) {
          doc.addPage();
          y = doc.y;
        }
        doc.fillColor(INK).fontSize(8.5);
        write(doc, i.label, false, { x: M.left, y, width: labelW - 6, height: lineH, ellipsis: true, lineBreak: false });
        if (i.value) doc.rect(M.left + labelW, y + 1, Math.max(1, (i.value / max) * barW), lineH - 5).fill(BAR);
        doc.fillColor(INK).fontSize(8.5);
        write(doc, i.text, false, { x: M.left + labelW + barW + 6, y, width: valueW, align: 'right', lineBreak: false });
        y += lineH;
      }
      doc.x = M.left;
      doc.y = y + 6;
    },
    { alt },
  );
}

function block(doc: Doc, parent: Struct, b: Block) {
  if (b.type === 'p') paragraph(doc, parent, b.text);
  else if (b.type === 'list') for (const i of b.items) paragraph(doc, parent, `• ${i}`);
  else if (b.type === 'table') table(doc, parent, b);
  else bars(doc, parent, b);
}

function decorate(doc: Doc, d: ReportDocument) {
  pageFooters(doc, {
    left: d.subtitle,
    page: (i, n) => `Pagina ${i} van ${n}`,
    draftMark: d.draft ? 'CONCEPT – nog niet vastgesteld' : undefined,
  });
}

export async function renderReportPdf(d: ReportDocument, opts: { author: string; date: Date }): Promise<Buffer> {
  const doc = new (await loadPdfKit())({
    size: 'A4',
    margins: M,
    tagged: true,
    lang: 'nl-NL',
    pdfVersion: '1.7',
    displayTitle: true,
    bufferPages: true,
    info: { Title: d.title, Author: opts.author, Subject: d.subtitle, Creator: 'Klachtflow', CreationDate: opts.date },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  artifact(doc, () => doc.rect(0, 0, A4.width, 8).fill(ACCENT), 'Layout');
  doc.x = M.left;
  doc.y = M.top + 10;
  doc.fillColor(ACCENT).fontSize(20);
  tagged(doc, root, 'H1', () => write(doc, d.title, true, { width: WIDTH }));
  doc.moveDown(0.2);
  doc.fillColor(MUTED).fontSize(12);
  tagged(doc, root, 'P', () => write(doc, d.subtitle, false, { width: WIDTH }));
  doc.moveDown(0.8);
  for (const s of d.sections) {
    ensureRoom(doc, 80);
    const sect = doc.struct('Sect');
    root.add(sect);
    doc.moveDown(0.6);
    doc.fillColor(ACCENT).fontSize(14);
    tagged(doc, sect, 'H2', () => write(doc, s.heading, true, { x: M.left, width: WIDTH }));
    doc.moveDown(0.3);
    for (const b of s.blocks) block(doc, sect, b);
    sect.end();
  }
  root.end();
  decorate(doc, d);
  doc.end();
  return done;
}
