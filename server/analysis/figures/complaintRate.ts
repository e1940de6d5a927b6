import { bucketsOf } from '../periods.ts';
import type { FigureContext } from './context.ts';
import type { PerBucket } from './counts.ts';
import { n, round, sum } from './numbers.ts';

/** Complaints per thousand contacts (or customers) per bucket and over the period, from contact_volume. */
export async function complaintRateFigures(ctx: FigureContext, received: Promise<PerBucket>) {
  const { db, from, to, buckets } = ctx;
  const [vols, rec] = await Promise.all([
    db
      .selectFrom('contact_volume')
      .select(['month', 'kind', 'volume'])
      .where('month', '>=', `${from.slice(0, 7)}-01`)
      .where('month', '<', to)
      .execute(),
    received,
  ]);
  // Complaint rate: a bucket has a volume when every month it touches has one (contacts first, else customers).
  const volumeOf = (months: string[]) => {
    for (const kind of ['contacts', 'customers'] as const) {
      const found = months.map((mo) => vols.find((v) => v.month === mo && v.kind === kind));
      if (found.every((v) => v)) return { kind, volume: sum(found.map((v) => n(v!.volume))) };
    }
    return null;
  };
  const monthsOf = (b: { from: string; to: string }) => bucketsOf(b.from, b.to, 'month').map((mb) => `${mb.key}-01`);
  const rates = buckets.map((b, i) => {
    const v = volumeOf(monthsOf(b));
    const complaints = rec.totals[i]!;
    return {
      complaints,
      volume: v?.volume ?? null,
      volumeKind: v?.kind ?? null,
      perThousand: v?.volume ? round((complaints / v.volume) * 1000, 2) : null,
    };
  });
  const totalVolume = volumeOf(monthsOf({ from, to }));
  const receivedTotal = sum(rec.totals);
  return {
    perBucket: rates,
    total: {
      complaints: receivedTotal,
      volume: totalVolume?.volume ?? null,
      perThousand: totalVolume?.volume ? round((receivedTotal / totalVolume.volume) * 1000, 2) : null,
    },
  };
}
