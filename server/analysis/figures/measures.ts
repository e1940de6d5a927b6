import { sql } from 'kysely';
import { measureScope } from '../../queries/measureScope.ts';
import type { FigureContext } from './context.ts';
import { n } from './numbers.ts';

/** The improvement measures the actor may read: open now, of which overdue (due before today), and checked effective. */
export async function measureFigures(ctx: FigureContext) {
  const { db, actor, today } = ctx;
  const m = await db
    .selectFrom('improvement_measure')
    .select([
      sql<string>`count(*) filter (where improvement_measure.status = 'open')`.as('open'),
      sql<string>`count(*) filter (where improvement_measure.status = 'open' and improvement_measure.due_date < ${today})`.as('overdue'),
      sql<string>`count(*) filter (where improvement_measure.status = 'effective')`.as('checked'),
    ])
    .where((eb) => measureScope(actor)(eb))
    .executeTakeFirstOrThrow();
  return { open: n(m.open), overdue: n(m.overdue), checked: n(m.checked) };
}
