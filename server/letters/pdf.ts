import type PDFDocument from 'pdfkit';
import type { LetterPdfInput } from './compose.ts';
import { FONT_FILES, fontRuns } from './pdfFonts.ts';
import { drawQrCode, drawStepPlan } from './pdfStepPlan.ts';

/**
 * Draws a letter as a tagged PDF (PDF 1.7, Dutch, title shown by readers): every piece of content
 * sits in a structure element (H1 for the subject, H2 per section heading, P per paragraph, Figure
 * with alt text for the logo), decoration and page numbers are artifacts, so a screen reader reads
 * the letter in order and nothing else. A4, Noto Sans embedded, 11 pt body text with generous line
 * spacing for readability.
 */
export type Doc = InstanceType<typeof PDFDocument>;

/**
 * pdfkit (with fontkit) is loaded when the first PDF is made, not at start-up: most requests make
 * none, and loading it was a tenth of the server's start.
 */
export const loadPdfKit = async (): Promise<typeof PDFDocument> => (await import('pdfkit')).default;
export type Struct = ReturnType<Doc['struct']>;

export const A4 = { width: 595.28, height: 841.89 };
export const M = { top: 48, bottom: 72, left: 70, right: 62 };
const COL2 = 360; // right column: sender block and letter details
const INK = '#1a1a1a';
const MUTED = '#555555';
const BODY = { size: 11, gap: 3 };

/**
 * Draws text, switching to the latin-ext font where needed. Each line ends in a space, so text
 * extraction and screen readers do not glue "Postbus 1234" to "2500 AB Den Haag".
 */
export function write(doc: Doc, text: string, bold: boolean, options: PDFKit.Mixins.TextOptions & { x?: number; y?: number } = {}) {
  const { x, y, ...rest } = options;
  const lines = text.split('\n');
  lines.forEach((line, l) => {
    const runs = fontRuns(l < lines.length - 1 ? `${line} ` : line);
    runs.forEach((run, i) => {
      doc.font(run.ext ? (bold ? 'boldExt' : 'regularExt') : bold ? 'bold' : 'regular');
      const opts = { ...rest, continued: i < runs.length - 1 };
      if (l === 0 && i === 0 && x !== undefined) doc.text(run.text, x, y, opts);
      else doc.text(run.text, opts);
    });
  });
}

/** A structure element whose content is drawn by `draw`; pdfkit marks the content for us. */
export const tagged = (doc: Doc, parent: Struct, type: string, draw: () => void, options: { alt?: string } = {}) =>
  parent.add(doc.struct(type, options, draw));

/** Drawn content a screen reader skips (decoration, page furniture). */
export function artifact(doc: Doc, draw: () => void, type: 'Pagination' | 'Layout' = 'Pagination') {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/**
 * Every page's footer (a line of text left, "Pagina i van n" right) and, on a draft, a red mark at
 * the top: page furniture, so artifacts. Drawn after the content, on the buffered pages.
 */
export function pageFooters(doc: Doc, footer: { left: string; page: (i: number, n: number) => string; draftMark?: string }) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(doc, () => {
      doc.fillColor(MUTED).fontSize(8.5);
      write(doc, footer.left, false, {
        x: M.left,
        y: A4.height - 44,
        width: A4.width - M.left - M.right - 130,
        lineBreak: false,
        ellipsis: true,
      });
      write(doc, footer.page(i + 1, range.count), false, {
        x: A4.width - M.right - 120,
        y: A4.height - 44,
        width: 120,
        align: 'right',
        lineBreak: false,
      });
      if (footer.draftMark) {
        doc.fillColor('#b00020').fontSize(10);
        write(doc, footer.draftMark, true, { x: M.left, y: 16, lineBreak: false });
      }
    });
    doc.page.margins.bottom = bottom;
  }
}

function letterhead(doc: Doc, root: Struct, input: LetterPdfInput) {
  const lh = input.letterhead;
  artifact(doc, () => doc.rect(0, 0, A4.width, 8).fill(lh.accentColour), 'Layout');
  if (lh.logoPath) {
    tagged(doc, root, 'Figure', () => doc.image(lh.logoPath!, M.left, 36, { fit: [170, 60] }), { alt: `Logo van ${lh.name}` });
  } else {
    doc.fillColor(lh.accentColour).fontSize(17);
    tagged(doc, root, 'P', () => write(doc, lh.name, true, { x: M.left, y: 40, width: COL2 - M.left - 20 }));
  }
  const lines = [...lh.addressLines, lh.phone && `Telefoon ${lh.phone}`, lh.email, lh.website].filter((l): l is string => !!l);
  const width = A4.width - COL2 - M.right;
  const sect = doc.struct('Sect');
  root.add(sect);
  // Beside a logo the sender block names the organisation; without one the name is already printed large.
  if (lh.logoPath) {
    doc.fillColor(lh.accentColour).fontSize(10);
    tagged(doc, sect, 'P', () => write(doc, lh.name, true, { x: COL2, y: 40, width }));
  } else {
    doc.x = COL2;
    doc.y = 42;
  }
  doc.fillColor(MUTED).fontSize(9);
  if (lines.length) tagged(doc, sect, 'P', () => write(doc, lines.join('\n'), false, { x: COL2, y: doc.y, width, lineGap: 1 }));
  sect.end();
}

function addressAndDetails(doc: Doc, root: Struct, input: LetterPdfInput): number {
  const top = 158;
  doc.fillColor(INK).fontSize(11);
  tagged(doc, root, 'P', () =>
    write(doc, [input.recipient.name, ...input.recipient.addressLines].join('\n'), false, {
      x: M.left,
      y: top,
      width: COL2 - M.left - 20,
      lineGap: 2,
    }),
  );
  const addressBottom = doc.y;
  const sect = doc.struct('Sect');
  root.add(sect);
  let y = top;
  for (const m of input.meta) {
    tagged(doc, sect, 'P', () => {
      doc.fillColor(MUTED).fontSize(8.5);
      write(doc, `${m.label} `, false, { x: COL2, y, width: A4.width - COL2 - M.right });
      doc.fillColor(INK).fontSize(10);
      write(doc, m.value, false, { width: A4.width - COL2 - M.right });
    });
    y = doc.y + 5;
  }
  sect.end();
  return Math.max(addressBottom, y);
}

/** Room the greeting, the space to sign and the signer's name, title and organisation take. */
const SIGNATURE_ROOM = 130;

/** The height a section will take (heading and paragraphs), measured in the body's fonts. */
function sectionHeight(doc: Doc, section: { heading: string; text: string }, width: number) {
  doc.font('bold').fontSize(12.5);
  let h = doc.heightOfString(section.heading, { width }) + 6;
  doc.font('regular').fontSize(BODY.size);
  for (const paragraph of section.text.split(/\n{2,}/)) h += doc.heightOfString(paragraph.trim(), { width, lineGap: BODY.gap }) + 8;
  return h;
}

/** Keeps a heading together with the start of its text. */
function ensureRoom(doc: Doc, points: number) {
  if (doc.y + points > A4.height - M.bottom) doc.addPage();
}

function body(doc: Doc, root: Struct, input: LetterPdfInput, startY: number) {
  const width = A4.width - M.left - M.right;
  doc.x = M.left;
  doc.y = startY + 36;
  doc.fillColor(input.letterhead.accentColour).fontSize(15);
  tagged(doc, root, 'H1', () => write(doc, input.subject, true, { width }));
  doc.moveDown(0.8);
  doc.fillColor(INK).fontSize(BODY.size);
  tagged(doc, root, 'P', () => write(doc, input.salutation, false, { width }));
  input.sections.forEach((section, index) => {
    doc.moveDown(0.9);
    // The last section starts on the page where the greeting and signature still fit after it:
    // a signature alone on a new page reads as if it belongs to nothing.
    const last = index === input.sections.length - 1;
    ensureRoom(doc, last ? Math.min(sectionHeight(doc, section, width) + SIGNATURE_ROOM, A4.height - M.top - M.bottom) : 70);
    const sect = doc.struct('Sect');
    root.add(sect);
    doc.fillColor(input.letterhead.accentColour).fontSize(12.5);
    // A letter made from a message has one untitled section: no empty heading for screen readers.
    if (section.heading) tagged(doc, sect, 'H2', () => write(doc, section.heading, true, { width }));
    doc.moveDown(0.25);
    doc.fillColor(INK).fontSize(BODY.size);
    section.text.split(/\n{2,}/).forEach((paragraph, i) => {
      if (i > 0) doc.moveDown(0.5);
      tagged(doc, sect, 'P', () => write(doc, paragraph.trim(), false, { width, lineGap: BODY.gap }));
    });
    sect.end();
  });
  if (input.qr) {
    // Under the text that names the link, left-aligned: scanned instead of typed.
    const size = 110;
    doc.moveDown(0.6);
    ensureRoom(doc, size + 10);
    const top = doc.y;
    drawQrCode(doc, root, input.qr, M.left, top, size);
    doc.x = M.left;
    doc.y = top + size;
  }
  doc.moveDown(1.2);
  ensureRoom(doc, 90);
  const s = input.signature;
  const sect = doc.struct('Sect');
  root.add(sect);
  tagged(doc, sect, 'P', () => write(doc, s.greeting, false, { width }));
  doc.moveDown(1.6);
  tagged(doc, sect, 'P', () => {
    write(doc, s.name, true, { width });
    write(doc, [s.title, s.organisation].filter(Boolean).join('\n'), false, { width, lineGap: 1 });
  });
  sect.end();
}

function pageDecorations(doc: Doc, input: LetterPdfInput) {
  const en = input.language === 'en';
  pageFooters(doc, {
    left: `${en ? 'Our reference' : 'Ons nummer'} ${input.reference}`,
    page: (i, n) => (en ? `Page ${i} of ${n}` : `Pagina ${i} van ${n}`),
    draftMark: input.draft ? 'CONCEPT – niet versturen' : undefined,
  });
}

export async function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const doc = new (await loadPdfKit())({
    size: 'A4',
    margins: M,
    tagged: true,
    lang: input.language === 'en' ? 'en-GB' : 'nl-NL',
    pdfVersion: '1.7',
    displayTitle: true,
    bufferPages: true,
    info: { Title: input.title, Author: input.letterhead.name, Subject: input.subject, Creator: 'Klachtflow', CreationDate: input.date },
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
  letterhead(doc, root, input);
  const y = addressAndDetails(doc, root, input);
  body(doc, root, input, y);
  if (input.stepPlan) drawStepPlan(doc, root, input.stepPlan, input.letterhead.accentColour);
  root.end();
  pageDecorations(doc, input);
  doc.end();
  return done;
}
