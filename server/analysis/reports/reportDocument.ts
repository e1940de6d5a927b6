import { annualDocument } from './annualDocument.ts';
import type { ReportText } from './documentModel.ts';
import { periodicDocument } from './periodicDocument.ts';
import type { ReportFigures } from './reportFigures.ts';

/** A report's document (documentModel.ts), of the kind its figures were made for. */
export const reportDocument = (f: ReportFigures, text: ReportText) =>
  f.kind === 'annual' ? annualDocument(f, text) : periodicDocument(f, text);
