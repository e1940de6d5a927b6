import { sql } from 'kysely';
import type { ImportColumns } from '../db/importSchema.ts';
import { invalid } from '../domain/errors.ts';
import { isImportField } from '../import/importFields.ts';
import { actorId, type CommandContext } from './context.ts';

/** A named column mapping kept for the next import of the same register; saving a name again replaces it. */
export async function saveImportMapping(ctx: CommandContext, input: { name: string; processKey?: string | null; columns: ImportColumns }) {
  const processKey = input.processKey ?? ctx.services.processes.defaultProcess.key;
  if (!ctx.services.processes.get(processKey)) throw invalid('processKey', 'Dit proces bestaat niet.');
  for (const [header, field] of Object.entries(input.columns))
    if (field && !isImportField(field)) throw invalid(`columns.${header}`, `'${field}' is geen veld dat u kunt vullen.`);
  const columns = JSON.stringify(Object.fromEntries(Object.entries(input.columns).filter(([, f]) => f)));
  const existing = await ctx.tx
    .selectFrom('import_mapping')
    .select('id')
    .where('process_key', '=', processKey)
    .where(sql`lower(name)`, '=', input.name.toLowerCase())
    .executeTakeFirst();
  if (existing) {
    await ctx.tx
      .updateTable('import_mapping')
      .set({ columns, name: input.name, updated_at: ctx.now })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, name: input.name };
  }
  return ctx.tx
    .insertInto('import_mapping')
    .values({
      name: input.name,
      process_key: processKey,
      columns,
      created_by: actorId(ctx.actor),
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}
