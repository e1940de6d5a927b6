import { z } from 'zod';
import type { MandateView } from '../../queries/mandates.ts';

/** A representative's mandate (seed 003): who for whom, since when, how it was verified, whether revoked. */
export const mandateOut = z.object({
  id: z.uuid(),
  represented: z.object({ id: z.uuid(), name: z.string() }),
  representative: z.object({ id: z.uuid(), name: z.string() }),
  scope: z.enum(['complaints']),
  verification: z.enum(['writtenAuthorisation', 'phoneWithRepresentedPresent', 'legalRepresentative']),
  validFrom: z.iso.date(),
  validUntil: z.iso.date().nullable(),
  recordedAt: z.iso.datetime(),
  recordedByName: z.string(),
  revokedAt: z.iso.datetime().nullable(),
  revokedByName: z.string().nullable(),
});

export const presentMandate = (m: MandateView): z.infer<typeof mandateOut> => ({
  id: m.id,
  represented: { id: m.represented_id, name: m.represented_name },
  representative: { id: m.representative_id, name: m.representative_name },
  scope: m.scope,
  verification: m.verification,
  validFrom: m.valid_from,
  validUntil: m.valid_until,
  recordedAt: m.recorded_at.toISOString(),
  recordedByName: m.recorded_by_name,
  revokedAt: m.revoked_at ? m.revoked_at.toISOString() : null,
  revokedByName: m.revoked_by_name,
});
