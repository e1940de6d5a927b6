import { sql } from 'kysely';
import { AppError, conflict, notFound } from '../domain/errors.ts';
import type { CommandContext, StaffActor } from './context.ts';

/**
 * Saved personal filters: a name for the query string of a queue view. They are a person's own
 * view settings, not case data, so they leave no timeline event; every statement is bound to the
 * acting user, so nobody reads, counts or deletes another person's filters.
 */
export const MAX_SAVED_FILTERS = 50;

export type SavedFilterRow = { id: string; name: string; query: string; created_at: Date };

export async function saveFilter(
  ctx: CommandContext & { actor: StaffActor },
  input: { name: string; query: string },
): Promise<SavedFilterRow> {
  // The user's row is the lock: two saves at once cannot both pass the limit.
  await ctx.tx.selectFrom('staff_user').select('id').where('id', '=', ctx.actor.id).forUpdate().executeTakeFirstOrThrow();
  const { n } = await ctx.tx
    .selectFrom('saved_filter')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirstOrThrow();
  if (Number(n) >= MAX_SAVED_FILTERS) {
    throw conflict(`U heeft al ${MAX_SAVED_FILTERS} bewaarde filters. Verwijder er eerst een.`);
  }
  const row = await ctx.tx
    .insertInto('saved_filter')
    .values({ user_id: ctx.actor.id, name: input.name, query: input.query, created_at: ctx.now })
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'name', 'query', 'created_at'])
    .executeTakeFirst();
  if (!row) {
    throw new AppError('conflict', 'U heeft al een filter met deze naam.', [
      { name: 'body.name', code: 'duplicate', reason: 'U heeft al een filter met deze naam. Kies een andere naam.' },
    ]);
  }
  return row;
}

export async function deleteSavedFilter(ctx: CommandContext & { actor: StaffActor }, id: string): Promise<void> {
  const result = await ctx.tx.deleteFrom('saved_filter').where('id', '=', id).where('user_id', '=', ctx.actor.id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound('Dit filter');
}

export function listSavedFilters(ctx: Pick<CommandContext, 'services'>, actor: StaffActor): Promise<SavedFilterRow[]> {
  return ctx.services.db
    .selectFrom('saved_filter')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', actor.id)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(MAX_SAVED_FILTERS)
    .execute();
}
