import { newApiKey } from '../apiClients/apiKey.ts';
import type { ApiClientScope } from '../apiClients/scopes.ts';
import { invalid, notFound } from '../domain/errors.ts';
import { actorId, type CommandContext } from './context.ts';

export type NewApiClient = { name: string; scopes: ApiClientScope[]; expiresAt: Date | null };

/** Registers a system's key; the key itself is returned once and never stored (only its hash). */
export async function createApiClient(ctx: CommandContext, input: NewApiClient) {
  if (input.expiresAt && input.expiresAt.getTime() <= ctx.now.getTime())
    throw invalid('body.expiresAt', 'Kies een moment in de toekomst, of laat het leeg.', 'past');
  const { key, hash, prefix } = newApiKey();
  const row = await ctx.tx
    .insertInto('api_client')
    .values({
      name: input.name,
      key_hash: hash,
      key_prefix: prefix,
      scopes: [...new Set(input.scopes)],
      expires_at: input.expiresAt,
      created_at: ctx.now,
      created_by: actorId(ctx.actor),
      created_by_name: ctx.actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

/** Revokes a key: refused from the next call on. Revoking twice keeps the first moment. */
export async function revokeApiClient(ctx: CommandContext, id: string) {
  const row = await ctx.tx
    .updateTable('api_client')
    .set({ revoked_at: ctx.now, revoked_by: actorId(ctx.actor) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (row) return;
  const exists = await ctx.tx.selectFrom('api_client').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw notFound('Deze koppeling');
}
