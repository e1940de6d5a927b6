import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor, ClientActor, StaffActor, SystemActor } from '../commands/context.ts';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { standInActivity, standInCase } from './standIn.ts';

/**
 * Every read of cases and activities starts here. An actor without `case:readAll` sees only what
 * is assigned to them or their teams, what they have work on, or what they handled before (read
 * only); what they may not see answers exactly like what does not exist.
 */
const seesAll = (actor: Actor): actor is SystemActor | ((StaffActor | ClientActor) & { seesAll: true }) =>
  actor.kind === 'system' || actor.permissions.has('case:readAll');
/**
 * An API client (another system) has no cases or teams of its own and never handles one: without
 * `case:readAll` it reads no cases or activities, and it never sees fields marked sensitive.
 */
const NOTHING = sql<boolean>`false`;

/** Whether the actor may read this case: one key probe, before a query reads rows that hang off it. */
export async function mayReadCase(db: Database, actor: Actor, caseId: string): Promise<boolean> {
  const row = await db.selectFrom('cases').select('id').where('id', '=', caseId).where(caseReadScope(actor)).executeTakeFirst();
  return row !== undefined;
}

/**
 * The cases an actor may work on: notes, data, steps, letters. Without `case:readAll`: assigned to
 * them or their teams, or they have open work on it (a task for them or their team).
 */
export function caseScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> =>
    seesAll(actor) ? sql<boolean>`true` : actor.kind === 'client' ? NOTHING : worksOn(actor, eb, 'open');
}

/**
 * The cases an actor may read: those they may work on, and those they handled before (registered
 * or took a step on): a team lead who handed a formal complaint to the quality officer still sees
 * where it went. Reading only; commands keep `caseScope`.
 */
export function caseReadScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> =>
    seesAll(actor) ? sql<boolean>`true` : actor.kind === 'client' ? NOTHING : eb.or([worksOn(actor, eb, 'any'), handledBefore(actor, eb)]);
}

/**
 * Whether the actor handles the case (works on it now or handled it before), whatever else they
 * may read: fields a process marks sensitive (health details) are shown only to them. Reading
 * everything (a complaints officer, a process owner) is not handling.
 */
export function handlesCase(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> =>
    actor.kind === 'system'
      ? sql<boolean>`true`
      : actor.kind === 'client'
        ? NOTHING
        : eb.or([worksOn(actor, eb, 'any'), handledBefore(actor, eb)]);
}

const NO_TEAM = '00000000-0000-0000-0000-000000000000';

/**
 * The case is theirs or their team's, or an activity on it is. Only open activities are work: a
 * done one (the contact a team lead made the case from at the counter, a finished task) is work
 * they did, which lets them read the case as handling it ('any') but not work on it ('open').
 */
function worksOn(actor: StaffActor, eb: ExpressionBuilder<DB, 'cases'>, activities: 'open' | 'any'): Expression<SqlBool> {
  const teams = actor.teamIds.length ? actor.teamIds : [NO_TEAM];
  let work = eb
    .selectFrom('activity as scope_activity')
    .select(sql`1`.as('one'))
    .whereRef('scope_activity.case_id', '=', 'cases.id')
    .where((w) => w.or([w('scope_activity.assignee_user_id', '=', actor.id), w('scope_activity.assignee_team_id', 'in', teams)]));
  if (activities === 'open') work = work.where('scope_activity.status', 'in', ['open', 'inProgress']);
  // Standing in for an absent colleague: their cases and work too, except where Awb 9:7 forbids it.
  const standIn = standInCase(actor, activities);
  return eb.or([
    eb('cases.assignee_user_id', '=', actor.id),
    eb('cases.assignee_team_id', 'in', teams),
    eb.exists(work),
    ...(standIn ? [standIn] : []),
  ]);
}

/** One probe of case_handler's primary key (user_id, case_id) per case. */
function handledBefore(actor: StaffActor, eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('case_handler as scope_handler')
      .select(sql`1`.as('one'))
      .where('scope_handler.user_id', '=', actor.id)
      .whereRef('scope_handler.case_id', '=', 'cases.id'),
  );
}

export function activityScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'activity'>): Expression<SqlBool> => {
    if (actor.kind === 'system' || actor.permissions.has('case:readAll') || actor.permissions.has('activity:assign'))
      return sql<boolean>`true`;
    if (actor.kind === 'client') return NOTHING;
    const teams = actor.teamIds.length ? actor.teamIds : [NO_TEAM];
    const standIn = standInActivity(actor, 'activity.assignee_user_id', 'activity.case_id');
    return eb.or([
      eb('activity.assignee_user_id', '=', actor.id),
      eb('activity.assignee_team_id', 'in', teams),
      ...(standIn ? [standIn] : []),
    ]);
  };
}
