import { z } from 'zod';
import { LETTER_KINDS } from '../../letters/templates/types.ts';

/** Request schemas of the letter routes; the letter editor uses the same ones. */
const expectedVersion = z.number().int().min(1);

export const draftLetterBody = z.object({ kind: z.enum(LETTER_KINDS), templateKey: z.string().min(1).max(100).optional() });

export const editLetterBody = z.object({
  expectedVersion,
  sections: z
    .array(z.object({ key: z.string().min(1).max(60), heading: z.string().trim().max(200).optional(), text: z.string().max(20000) }))
    .max(30)
    .default([]),
  insertStandardResponses: z
    .array(z.object({ section: z.string().min(1).max(60), responseKey: z.string().min(1).max(100) }))
    .max(10)
    .default([]),
});

export const submitLetterBody = z.object({ expectedVersion });
export const approveLetterBody = z.object({ expectedVersion, signerUserId: z.uuid().optional() });
export const sendLetterBody = z.object({ expectedVersion });
export const standardResponsesQuery = z.object({ kind: z.enum(LETTER_KINDS).optional() });
export const readabilityCheckBody = z.object({ text: z.string().max(50000) });
