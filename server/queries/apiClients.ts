import { sql } from 'kysely';
import { API_CLIENT_SCOPES } from '../apiClients/scopes.ts';
import type { ClientActor, Services } from '../commands/context.ts';

const COLUMNS = [
  'id',
  'name',
  'key_prefix',
  'scopes',
  'expires_at',
  'created_at',
  'created_by_name',
  'revoked_at',
  'last_used_at',
] as const;

export function listApiClients(services: Services) {
  return services.db.selectFrom('api_client').select(COLUMNS).orderBy('created_at', 'desc').orderBy('id').execute();
}
export function getApiClient(services: Services, id: string) {
  return services.db.selectFrom('api_client').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}
export type ApiClientRow = Awaited<ReturnType<typeof listApiClients>>[number];

/**
 * The client a key belongs to, if it is valid now: not revoked, not expired. Read on every call
 * (one probe of the unique key_hash index), so a revocation holds on every instance at once.
 * A scope no longer offered (a changed list) is dropped rather than trusted.
 */
export async function clientByKeyHash(services: Services, keyHash: string): Promise<ClientActor | null> {
  const now = services.clock.now();
  const row = await services.db
    .selectFrom('api_client')
    .select(['id', 'name', 'scopes', 'last_used_at'])
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return null;
  // Last use to the minute: one write a minute per key at most, not one per call.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= 60_000) {
    await services.db
      .updateTable('api_client')
      .set({ last_used_at: now })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`${now}::timestamptz - interval '1 minute'`)]))
      .execute();
  }
  const offered = new Set<string>(API_CLIENT_SCOPES);
  return {
    kind: 'client',
    clientId: row.id,
    name: `Koppeling: ${row.name}`,
    permissions: new Set(row.scopes.filter((s) => offered.has(s))),
    teamIds: [],
  };
}
