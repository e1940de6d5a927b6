import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor, StaffActor, SystemActor } from '../commands/context.ts';
import type { DB } from '../db/schema.ts';

/**
 * Every read of cases and activities starts here. An actor without `case:readAll` sees only what
 * is assigned to them or their teams, or what they have work on; what they may not see answers
 * exactly like what does not exist.
 */
const seesAll = (actor: Actor): actor is SystemActor | (StaffActor & { seesAll: true }) =>
  actor.kind === 'system' || actor.permissions.has('case:readAll');

export function caseScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    if (seesAll(actor)) return sql<boolean>`true`;
    const teams = actor.teamIds.length ? actor.teamIds : ['00000000-0000-0000-0000-000000000000'];
    return eb.or([
      eb('cases.assignee_user_id', '=', actor.id),
      eb('cases.assignee_team_id', 'in', teams),
      eb.exists(
        eb
          .selectFrom('activity as scope_activity')
          .select(sql`1`.as('one'))
          .whereRef('scope_activity.case_id', '=', 'cases.id')
          .where((w) => w.or([w('scope_activity.assignee_user_id', '=', actor.id), w('scope_activity.assignee_team_id', 'in', teams)])),
      ),
    ]);
  };
}

export function activityScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'activity'>): Expression<SqlBool> => {
    if (actor.kind === 'system' || actor.permissions.has('case:readAll') || actor.permissions.has('activity:assign'))
      return sql<boolean>`true`;
    const teams = actor.teamIds.length ? actor.teamIds : ['00000000-0000-0000-0000-000000000000'];
    return eb.or([eb('activity.assignee_user_id', '=', actor.id), eb('activity.assignee_team_id', 'in', teams)]);
  };
}
