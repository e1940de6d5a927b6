import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../commands/context.ts';
import type { DB } from '../db/schema.ts';
import { caseReadScope } from './scope.ts';

/**
 * Which improvement measures an actor may read: every one for whom reads every case; else the ones
 * they own, and those linked to a case they may read (what was done about a complaint they handle).
 * What they may not see answers like what does not exist.
 */
export function measureScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'improvement_measure'>): Expression<SqlBool> => {
    if (actor.kind === 'system' || actor.permissions.has('case:readAll')) return sql<boolean>`true`;
    const readable = caseReadScope(actor) as unknown as (e: ExpressionBuilder<DB, 'cases'>) => Expression<SqlBool>;
    return eb.or([
      // An API client owns no measures.
      eb('improvement_measure.owner_id', '=', actor.kind === 'staff' ? actor.id : '00000000-0000-0000-0000-000000000000'),
      eb.exists(
        eb
          .selectFrom('improvement_measure_case as scope_link')
          .innerJoin('cases', 'cases.id', 'scope_link.case_id')
          .select(sql`1`.as('one'))
          .whereRef('scope_link.measure_id', '=', 'improvement_measure.id')
          .where((w) => readable(w as unknown as ExpressionBuilder<DB, 'cases'>)),
      ),
    ]);
  };
}
