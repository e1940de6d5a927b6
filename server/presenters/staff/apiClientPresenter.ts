import { z } from 'zod';
import { API_CLIENT_SCOPES } from '../../apiClients/scopes.ts';
import type { ApiClientRow } from '../../queries/apiClients.ts';

/** An API client as the administrator sees it: never the key (shown once), only its first characters. */
export const apiClientOut = z.object({
  id: z.uuid(),
  name: z.string(),
  keyPrefix: z.string(),
  scopes: z.array(z.string()),
  expiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  createdByName: z.string(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  /** active, revoked or expired, at the server's now. */
  state: z.enum(['active', 'revoked', 'expired']),
});
export const apiClientListOut = z.object({ items: z.array(apiClientOut), scopes: z.array(z.enum(API_CLIENT_SCOPES)) });
export const createdApiClientOut = z.object({
  client: apiClientOut,
  /** The key, this once; only its hash is kept. */
  key: z.string(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export function presentApiClient(row: ApiClientRow, now: Date): z.infer<typeof apiClientOut> {
  const state = row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= now ? 'expired' : 'active';
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.key_prefix,
    scopes: row.scopes,
    expiresAt: iso(row.expires_at),
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
    state,
  };
}
