import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../commands/context.ts';
import type { DB } from '../db/schema.ts';
import { type FigureFilter, figureConditions } from '../analysis/figureFilter.ts';
import { standInActivity } from './standIn.ts';

export type DeadlineFilter = 'overdue' | 'nearlyDue' | 'due';

/**
 * What narrows a list of cases: the case list's filters, and the work queue's (which queue, which
 * channels) applied to the case's own owner. The case list and the register export read the same
 * filter, so a download holds exactly the cases the screen's filter names.
 */
export type CaseFilter = {
  status?: string[];
  open?: boolean;
  assigneeUserId?: string;
  teamId?: string;
  processKey?: string;
  /** Open cases by their earliest stored deadline (statutory or service norm), compared with `today`. */
  deadline?: DeadlineFilter;
  /** The work queue's tabs on the case's owner: mine (assigned to me), my teams' (nobody yet), nobody's, all. */
  queue?: 'mine' | 'team' | 'unassigned' | 'all';
  channel?: string[];
  /** Received on or after / before these days (Amsterdam midnight instants). */
  receivedFrom?: Date;
  receivedBefore?: Date;
  /** The analysis drill-down (analysis/figureFilter.ts): the same case_figure conditions a dashboard figure counted with. */
  figure?: FigureFilter;
};

const NO_TEAM = '00000000-0000-0000-0000-000000000000';

/** The filter as one condition on `cases` (scope is separate: queries/scope.ts). `today`: the civil day. */
export function caseFilter(actor: Actor, f: CaseFilter, today: string) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    if (f.status?.length) all.push(eb('cases.status', 'in', f.status));
    if (f.open === true) all.push(eb('cases.closed_at', 'is', null));
    if (f.open === false) all.push(eb('cases.closed_at', 'is not', null));
    if (f.assigneeUserId) all.push(eb('cases.assignee_user_id', '=', f.assigneeUserId));
    if (f.teamId) all.push(eb('cases.assignee_team_id', '=', f.teamId));
    if (f.processKey) all.push(eb('cases.process_key', '=', f.processKey));
    if (f.channel?.length) all.push(eb('cases.channel', 'in', f.channel));
    if (f.receivedFrom) all.push(eb('cases.received_at', '>=', f.receivedFrom));
    if (f.receivedBefore) all.push(eb('cases.received_at', '<', f.receivedBefore));
    const me = actor.kind === 'staff' ? actor.id : NO_TEAM;
    const teams = actor.kind === 'staff' && actor.teamIds.length ? actor.teamIds : [NO_TEAM];
    if (f.queue === 'mine') {
      // Also the cases of an absent colleague this actor stands in for (queries/standIn.ts).
      const standIn = standInActivity(actor, 'cases.assignee_user_id', 'cases.id');
      all.push(standIn ? eb.or([eb('cases.assignee_user_id', '=', me), standIn]) : eb('cases.assignee_user_id', '=', me));
    }
    if (f.queue === 'team') all.push(eb('cases.assignee_team_id', 'in', teams), eb('cases.assignee_user_id', 'is', null));
    if (f.queue === 'unassigned') all.push(eb('cases.assignee_team_id', 'is', null), eb('cases.assignee_user_id', 'is', null));
    if (f.deadline) {
      // The same rule as deadlineState (caseClock.ts): overdue after the last day, nearly due from the warning day.
      all.push(eb('cases.closed_at', 'is', null), eb('cases.first_deadline', 'is not', null));
      if (f.deadline === 'overdue') all.push(eb('cases.first_deadline', '<', today));
      if (f.deadline === 'nearlyDue') all.push(eb('cases.first_deadline', '>=', today), eb('cases.first_warn_from', '<=', today));
      if (f.deadline === 'due') all.push(eb.or([eb('cases.first_deadline', '<', today), eb('cases.first_warn_from', '<=', today)]));
    }
    if (f.figure) {
      const figure = f.figure;
      all.push(
        eb.exists(
          eb
            .selectFrom('case_figure')
            .select(sql`1`.as('one'))
            .whereRef('case_figure.case_id', '=', 'cases.id')
            .where((fe) => fe.and(figureConditions(fe, figure))),
        ),
      );
    }
    return eb.and(all);
  };
}
