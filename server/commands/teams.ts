import type { CommandContext } from './context.ts';

export async function teamIdByKey(ctx: Pick<CommandContext, 'tx'>, key: string): Promise<string | null> {
  const row = await ctx.tx.selectFrom('team').select('id').where('key', '=', key).executeTakeFirst();
  return row?.id ?? null;
}
