import QRCode from 'qrcode';
import type { StepPlan } from './compose.ts';
import { A4, type Doc, M, type Struct, tagged, write } from './pdf.ts';

/**
 * The step plan of the confirmation on paper (seed 003 "visueel stappenplan"): one page of its own,
 * to keep on the fridge: the steps of the procedure numbered in circles, then how to follow the
 * complaint (phone, the short link and its QR code). The QR code is drawn as vector squares, so it
 * stays sharp when printed, and is a Figure with the link as its text alternative.
 */
export function drawStepPlan(doc: Doc, root: Struct, plan: StepPlan, accent: string) {
  doc.addPage();
  const width = A4.width - M.left - M.right;
  const sect = doc.struct('Sect');
  root.add(sect);
  doc.x = M.left;
  doc.y = M.top + 24;
  doc.fillColor(accent).fontSize(17);
  tagged(doc, sect, 'H1', () => write(doc, plan.title, true, { width }));
  doc.moveDown(0.5);
  doc.fillColor('#1a1a1a').fontSize(11);
  tagged(doc, sect, 'P', () => write(doc, plan.intro, false, { width, lineGap: 3 }));
  doc.moveDown(1);
  const list = doc.struct('L');
  sect.add(list);
  plan.steps.forEach((step, i) => {
    const top = doc.y;
    doc.save();
    doc.markContent('Artifact', { type: 'Layout' });
    doc.circle(M.left + 14, top + 9, 14).fill(accent);
    doc.endMarkedContent();
    doc.restore();
    list.add(
      doc.struct('LI', {}, () => {
        doc.fillColor('#ffffff').fontSize(12);
        write(doc, String(i + 1), true, { x: M.left, y: top + 2, width: 28, align: 'center' });
        doc.fillColor('#1a1a1a').fontSize(12);
        write(doc, step, false, { x: M.left + 42, y: top + 2, width: width - 42 });
      }),
    );
    doc.x = M.left;
    doc.y = Math.max(doc.y, top + 28) + 10;
  });
  list.end();
  doc.moveDown(1);
  doc.fillColor(accent).fontSize(13);
  tagged(doc, sect, 'H2', () => write(doc, plan.followTitle, true, { x: M.left, y: doc.y, width }));
  doc.moveDown(0.4);
  const top = doc.y;
  const size = 120;
  doc.fillColor('#1a1a1a').fontSize(11);
  tagged(doc, sect, 'P', () => write(doc, plan.followLines.join('\n'), false, { x: M.left, y: top, width: width - size - 24, lineGap: 4 }));
  drawQrCode(doc, sect, plan.qr, A4.width - M.right - size, top, size);
  doc.y = Math.max(doc.y, top + size) + 8;
  sect.end();
}

/** A QR code as vector squares (sharp in print), a Figure with the link as its text alternative. */
export function drawQrCode(doc: Doc, parent: Struct, qr: { text: string; alt: string }, x0: number, top: number, size: number) {
  const code = QRCode.create(qr.text, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const cell = size / (n + 8);
  tagged(
    doc,
    parent,
    'Figure',
    () => {
      doc.save();
      doc.rect(x0, top, size, size).fill('#ffffff');
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++) if (code.modules.get(r, c)) doc.rect(x0 + (c + 4) * cell, top + (r + 4) * cell, cell, cell);
      doc.fill('#000000');
      doc.restore();
    },
    { alt: qr.alt },
  );
}
