/**
 * Letter shapes, inferred from the server's response schemas (type-only: nothing of zod or the
 * server ends up in the bundle), so a change on the server breaks the type check, not users.
 */
import type { z } from 'zod';
import type {
  letterDetailOut,
  letterSummaryOut,
  readabilityReportOut,
  templateOut,
} from '../../../../../server/presenters/staff/letterPresenter.ts';

export type LetterSummary = z.infer<typeof letterSummaryOut>;
export type LetterDetail = z.infer<typeof letterDetailOut>;
export type LetterTemplate = z.infer<typeof templateOut>;
export type ReadabilityReport = z.infer<typeof readabilityReportOut>;
export type LetterKind = LetterSummary['kind'];
export type LetterStatus = LetterSummary['status'];
export type CaseLetters = { items: LetterSummary[]; abilities: { draftKinds: LetterKind[] } };
export type StandardResponse = { key: string; title: string; text: string; kinds: string[] };

export const letterPath = (caseId: string, letterId: string) => `/meldingen/${caseId}/brieven/${letterId}`;
