import type { z } from 'zod';
import type { subjectRequestDetailOut, subjectRequestOut } from '../../../../../server/presenters/staff/subjectRequestPresenter.ts';

export type SubjectRequest = z.infer<typeof subjectRequestOut>;
export type SubjectRequestDetail = z.infer<typeof subjectRequestDetailOut>;
export type SubjectLookup = {
  persons: { id: string; name: string; email: string | null; caseCount: number }[];
  staff: { id: string; name: string; email: string }[];
};
export const REQUEST_KINDS = ['access', 'correction', 'erasure', 'restriction'] as const;
/** Where the section's page lives (adminSection.tsx). */
export const BASE = '/beheer/verzoeken-betrokkenen';
