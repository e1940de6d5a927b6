import { sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { COUNT_CAP, decodeCursor, encodeCursor } from './keyset.ts';
import { activityScope } from './scope.ts';

export type QueueFilter = {
  queue: 'mine' | 'team' | 'unassigned' | 'all';
  channel?: string[];
  status?: string[];
  kind?: 'intake' | 'task';
  assigneeUserId?: string;
  teamId?: string;
  caseType?: string;
  createdBefore?: Date;
  createdAfter?: Date;
  sort: 'createdAt' | '-createdAt';
  cursor?: string;
  limit: number;
};

const OPEN = ['open', 'inProgress'];

function filtered(services: Services, actor: Actor, f: QueueFilter) {
  let q = services.db.selectFrom('activity').where(activityScope(actor));
  const me = actor.kind === 'staff' ? actor.id : null;
  const teams = actor.kind === 'staff' && actor.teamIds.length ? actor.teamIds : ['00000000-0000-0000-0000-000000000000'];
  if (f.queue === 'mine') q = q.where('activity.assignee_user_id', '=', me);
  if (f.queue === 'team') q = q.where('activity.assignee_team_id', 'in', teams).where('activity.assignee_user_id', 'is', null);
  if (f.queue === 'unassigned') q = q.where('activity.assignee_team_id', 'is', null).where('activity.assignee_user_id', 'is', null);
  q = q.where('activity.status', 'in', f.status?.length ? f.status : OPEN);
  if (f.channel?.length) q = q.where('activity.channel', 'in', f.channel);
  if (f.kind) q = q.where('activity.kind', '=', f.kind);
  if (f.assigneeUserId) q = q.where('activity.assignee_user_id', '=', f.assigneeUserId);
  if (f.teamId) q = q.where('activity.assignee_team_id', '=', f.teamId);
  if (f.caseType) q = q.where('activity.case_type', '=', f.caseType);
  if (f.createdBefore) q = q.where('activity.created_at', '<', f.createdBefore);
  if (f.createdAfter) q = q.where('activity.created_at', '>=', f.createdAfter);
  return q;
}

/** One page of a work queue, keyset-paged on (created_at, id), with its owners joined in one query. */
export async function workQueuePage(services: Services, actor: Actor, f: QueueFilter) {
  const desc = f.sort === '-createdAt';
  const after = decodeCursor(f.cursor);
  let q = filtered(services, actor, f);
  if (after) {
    const cmp = desc ? '<' : '>';
    q = q.where(sql<boolean>`(activity.created_at, activity.id) ${sql.raw(cmp)} (${new Date(after.value)}, ${after.id}::uuid)`);
  }
  const rows = await q
    .leftJoin('staff_user as u', 'u.id', 'activity.assignee_user_id')
    .leftJoin('team as t', 't.id', 'activity.assignee_team_id')
    .leftJoin('cases as c', 'c.id', 'activity.case_id')
    .select([
      'activity.id', 'activity.kind', 'activity.channel', 'activity.status', 'activity.subject', 'activity.contact',
      'activity.case_id', 'activity.case_type', 'activity.task_key', 'activity.due_at', 'activity.created_at', 'activity.updated_at', 'activity.version',
      'u.id as user_id', 'u.name as user_name', 't.id as team_id', 't.name as team_name', 'c.reference as case_reference',
      'c.handling_deadline', 'c.handling_warn_from', 'c.closed_at as case_closed_at',
    ])
    .orderBy('activity.created_at', desc ? 'desc' : 'asc')
    .orderBy('activity.id', desc ? 'desc' : 'asc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > f.limit && last ? encodeCursor(last.created_at, last.id) : null };
}

/** Counts for the queue tabs; capped, so a huge backlog never costs a full scan per request. */
export async function workQueueCounts(services: Services, actor: Actor) {
  const count = async (queue: QueueFilter['queue']) => {
    const inner = filtered(services, actor, { queue, sort: 'createdAt', limit: 0 }).select(sql`1`.as('one')).limit(COUNT_CAP + 1);
    const row = await services.db.selectFrom(inner.as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { count: Math.min(Number(row.n), COUNT_CAP), capped: Number(row.n) > COUNT_CAP };
  };
  const [mine, team, unassigned, all] = await Promise.all([count('mine'), count('team'), count('unassigned'), count('all')]);
  return { mine, team, unassigned, all };
}
