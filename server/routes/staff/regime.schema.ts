import { z } from 'zod';
import { REGIMES } from '../../domain/regimes.ts';

/** Request bodies of a case's regime and of what its decision does with an advisory committee's advice. */
export const regimeBody = z.object({
  regime: z.enum(REGIMES).meta({
    'x-kf-rule': 'Een klachtregeling die het proces van deze melding kent en die bij haar feiten past; anders 400.',
  }),
  expectedVersion: z.number().int().positive().optional(),
});

export const committeeAdviceBody = z.object({
  followsAdvice: z.boolean(),
  /** Required when the decision departs from the advice (Awb 9:16). */
  departureReason: z
    .string()
    .trim()
    .max(4000)
    .optional()
    .meta({ 'x-kf-rule': 'Verplicht als followsAdvice false is (Awb 9:16); anders 400.' }),
  expectedVersion: z.number().int().positive().optional(),
});
