import { sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { runCommand } from '../commands/context.ts';

/**
 * The organisation's own volume of contacts or customers per calendar month (migration 027): the
 * complaint rate's denominator. Entered by hand (PUT), a month at a time or many at once; null removes.
 */
export type VolumeEntry = { month: string; kind: 'contacts' | 'customers'; volume: number | null };

export async function contactVolumes(services: Services, range: { from?: string; to?: string }) {
  let q = services.db
    .selectFrom('contact_volume')
    .leftJoin('staff_user', 'staff_user.id', 'contact_volume.entered_by')
    .select(['contact_volume.month', 'contact_volume.kind', 'contact_volume.volume', 'contact_volume.entered_by_name']);
  if (range.from) q = q.where('contact_volume.month', '>=', `${range.from}-01`);
  if (range.to) q = q.where('contact_volume.month', '<=', `${range.to}-01`);
  const rows = await q.orderBy('contact_volume.month').orderBy('contact_volume.kind').execute();
  return rows.map((r) => ({ month: r.month.slice(0, 7), kind: r.kind, volume: Number(r.volume), enteredBy: r.entered_by_name }));
}

/** Sets or removes the given months' volumes in one transaction. */
export async function saveContactVolumes(services: Services, actor: Actor, items: VolumeEntry[]) {
  await runCommand(services, actor, async (ctx) => {
    for (const item of items) {
      const month = `${item.month}-01`;
      if (item.volume === null) {
        await ctx.tx.deleteFrom('contact_volume').where('month', '=', month).where('kind', '=', item.kind).execute();
        continue;
      }
      await ctx.tx
        .insertInto('contact_volume')
        .values({
          month,
          kind: item.kind,
          volume: item.volume,
          entered_by: actor.kind === 'staff' ? actor.id : null,
          entered_by_name: actor.name,
          entered_at: ctx.now,
        })
        .onConflict((oc) =>
          oc.columns(['month', 'kind']).doUpdateSet({
            volume: sql`excluded.volume`,
            entered_by: sql`excluded.entered_by`,
            entered_by_name: sql`excluded.entered_by_name`,
            entered_at: sql`excluded.entered_at`,
          }),
        )
        .execute();
    }
  });
}
