import { z } from 'zod';

export const listCaseParams = z.object({ id: z.uuid(), caseId: z.uuid() });
/** A legal hold names why the case is kept (shown on the list and the certificate). */
export const holdBody = z.object({
  reason: z
    .string('Geef een reden op.')
    .trim()
    .min(3, 'Geef een reden op van minstens 3 tekens.')
    .max(500, 'Houd de reden korter dan 500 tekens.')
    .refine((s) => !s.includes('\u0000'), 'De reden bevat een ongeldig teken.'),
});
