import { sql } from 'kysely';
import type { Counts } from './counts.ts';
import type { FigureContext } from './context.ts';
import { n, sum } from './numbers.ts';

/** Open at the start + received − closed = open at the end: whether the period's counts add up. */
export async function reconciliationFigures(ctx: FigureContext, counts: Promise<Counts>) {
  const { db, from, to, drill, where, receivedIn, closedIn } = ctx;
  // Open on a day = open now and received before it + closed on or after it and received before it (two index ranges).
  const openOn = async (day: string) => {
    const [open, closedLater] = await Promise.all([
      db
        .selectFrom('case_figure')
        .select(sql<string>`count(*)`.as('n'))
        .where('case_figure.closed_on', 'is', null)
        .where(where({ receivedBefore: day }))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('case_figure')
        .select(sql<string>`count(*)`.as('n'))
        .where(where({ closedFrom: day, receivedBefore: day }))
        .executeTakeFirstOrThrow(),
    ]);
    return n(open.n) + n(closedLater.n);
  };
  const [openAtStart, openAtEnd, { rec, clo }] = await Promise.all([openOn(from), openOn(to), counts]);
  const receivedTotal = sum(rec.totals);
  const closedTotal = sum(clo.totals);
  return {
    openAtStart: { value: openAtStart, drillDown: drill({ openOn: from }) },
    received: { value: receivedTotal, drillDown: drill(receivedIn) },
    closed: { value: closedTotal, drillDown: drill(closedIn) },
    openAtEnd: { value: openAtEnd, drillDown: drill({ openOn: to }) },
    balances: openAtStart + receivedTotal - closedTotal === openAtEnd,
  };
}
