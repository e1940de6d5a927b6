import { z } from 'zod';
import type { ZgwSyncRow } from '../../zgw/zgwQueries.ts';

/** A case's zaak in the zaaksysteem and how its sync stands (zgw/). */
export const zaakSyncOut = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  /** The zaak's identificatie (the case reference) and its URL in the Zaken API, once created. */
  identificatie: z.string(),
  url: z.string().nullable(),
  /** pending: changes wait to be sent; synced: the zaak shows the case; failed: the administrator looks at it. */
  state: z.enum(['pending', 'synced', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  syncedAt: z.iso.datetime().nullable(),
  destroyedAt: z.iso.datetime().nullable(),
});
export const caseZaakOut = z.object({ enabled: z.boolean(), zaak: zaakSyncOut.nullable() });
export const zaakSyncListOut = z.object({ enabled: z.boolean(), items: z.array(zaakSyncOut) });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export function presentZaakSync(row: ZgwSyncRow): z.infer<typeof zaakSyncOut> {
  return {
    caseId: row.case_id,
    reference: row.reference,
    identificatie: row.zaak_identificatie,
    url: row.zaak_url,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.state === 'synced' ? null : iso(row.next_attempt_at),
    syncedAt: iso(row.synced_at),
    destroyedAt: iso(row.destroyed_at),
  };
}
