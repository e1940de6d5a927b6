import { sql, type RawBuilder } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { COUNT_CAP, decodeCursor, encodeCursor } from './keyset.ts';
import { activityScope } from './scope.ts';
import { standInActivity } from './standIn.ts';

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
  /** `deadline`: the case's earliest open deadline (statutory or service norm) first, rows without one last. */
  sort: 'createdAt' | '-createdAt' | 'deadline';
  cursor?: string;
  limit: number;
};

const OPEN = ['open', 'inProgress'];

/**
 * The queue's filter. `key` narrows it to one (team, channel) key of branchKeys: equality in place
 * of `in (…)`, which a range scan needs (with `= any(…)` on the leading column a B-tree scan
 * returns its rows unordered, and each branch would sort its whole range).
 */
function filtered(services: Services, actor: Actor, f: QueueFilter, key?: { team?: RawBuilder<string>; channel?: RawBuilder<string> }) {
  let q = services.db.selectFrom('activity').where(activityScope(actor));
  const me = actor.kind === 'staff' ? actor.id : null;
  const teams = actor.kind === 'staff' && actor.teamIds.length ? actor.teamIds : ['00000000-0000-0000-0000-000000000000'];
  if (f.queue === 'mine') {
    // An absent colleague's work is in their substitute's queue (queries/standIn.ts).
    const standIn = standInActivity(actor, 'activity.assignee_user_id', 'activity.case_id');
    q = standIn
      ? q.where((eb) => eb.or([eb('activity.assignee_user_id', '=', me), standIn]))
      : q.where('activity.assignee_user_id', '=', me);
  }
  if (f.queue === 'team') {
    q = (key?.team ? q.where('activity.assignee_team_id', '=', key.team) : q.where('activity.assignee_team_id', 'in', teams)).where(
      'activity.assignee_user_id',
      'is',
      null,
    );
  }
  if (f.queue === 'unassigned') q = q.where('activity.assignee_team_id', 'is', null).where('activity.assignee_user_id', 'is', null);
  q = q.where('activity.status', 'in', f.status?.length ? f.status : OPEN);
  if (key?.channel) q = q.where('activity.channel', '=', key.channel);
  else if (f.channel?.length) q = q.where('activity.channel', 'in', f.channel);
  if (f.kind) q = q.where('activity.kind', '=', f.kind);
  if (f.assigneeUserId) q = q.where('activity.assignee_user_id', '=', f.assigneeUserId);
  if (f.teamId) q = q.where('activity.assignee_team_id', '=', f.teamId);
  if (f.caseType) q = q.where('activity.case_type', '=', f.caseType);
  if (f.createdBefore) q = q.where('activity.created_at', '<', f.createdBefore);
  if (f.createdAfter) q = q.where('activity.created_at', '>=', f.createdAfter);
  return q;
}

/** Column lists of a queue row: the activity's own, then its owners'. */
const ACTIVITY_COLUMNS = [
  'id',
  'kind',
  'channel',
  'status',
  'subject',
  'contact',
  'case_id',
  'case_type',
  'task_key',
  'due_at',
  'created_at',
  'updated_at',
  'version',
  'assignee_user_id',
  'assignee_team_id',
  'deadline_sort',
  'bulk_mail',
] as const;

/**
 * The filter as a list of (team, channel) keys, when it names several teams or channels: each
 * key's rows are one range of a partial index (009_queue_indexes) already in (created_at, id)
 * order, so a page is a short scan per key and a merge. As one query, `team in (…) and channel in
 * (…)` ordered by created_at can use no index for both the filter and the order; on a million
 * cases PostgreSQL then walked 125,000 open rows to find 26. Undefined: one scan does it.
 */
function branchKeys(actor: Actor, f: QueueFilter): { team: string | null; channel: string | null }[] | undefined {
  const teams = f.queue === 'team' && actor.kind === 'staff' ? [...new Set(actor.teamIds)] : [];
  const channels = [...new Set(f.channel ?? [])];
  const keys: { team: string | null; channel: string | null }[] = [];
  for (const team of teams.length ? teams : [null]) for (const channel of channels.length ? channels : [null]) keys.push({ team, channel });
  // Every key is an index probe: a filter naming dozens of channels is better served by one scan.
  return keys.length > 1 && keys.length <= 64 ? keys : undefined;
}

/**
 * One page of a work queue, keyset-paged on (created_at, id), or on (deadline_sort, id) when sorted
 * by deadline (017_queue_deadlines: partial indexes in that order), with its owners joined in one query.
 */
export async function workQueuePage(services: Services, actor: Actor, f: QueueFilter) {
  const desc = f.sort === '-createdAt';
  const byDeadline = f.sort === 'deadline';
  const dir = desc ? 'desc' : 'asc';
  const after = decodeCursor(f.cursor);
  const sortColumn = byDeadline ? 'deadline_sort' : 'created_at';
  const page = (q: ReturnType<typeof filtered>) => {
    if (after) {
      const cmp = desc ? '<' : '>';
      // A deadline cursor holds the date as midnight UTC (keyset.ts takes instants only).
      const value = byDeadline ? sql`${after.value.slice(0, 10)}::date` : sql`${new Date(after.value)}`;
      q = q.where(sql<boolean>`(${sql.ref(`activity.${sortColumn}`)}, activity.id) ${sql.raw(cmp)} (${value}, ${after.id}::uuid)`);
    }
    return q
      .select(ACTIVITY_COLUMNS.map((c) => `activity.${c}` as const))
      .orderBy(`activity.${sortColumn}`, dir)
      .orderBy('activity.id', dir)
      .limit(f.limit + 1);
  };
  const keys = branchKeys(actor, f);
  // The same filter in every branch (so nothing can drift between the two forms), narrowed to the
  // branch's key; the keys partition the filtered rows, so the merge neither loses nor repeats one.
  const rowsOf = keys
    ? services.db
        .selectFrom(
          sql<{ team: string | null; channel: string | null }>`(${sql.join(
            keys.map((k) => sql`select ${k.team}::uuid as team, ${k.channel}::text as channel`),
            sql` union all `,
          )})`.as('k'),
        )
        .innerJoinLateral(
          () =>
            page(
              filtered(services, actor, f, {
                team: keys[0]!.team !== null ? sql.ref<string>('k.team') : undefined,
                channel: keys[0]!.channel !== null ? sql.ref<string>('k.channel') : undefined,
              }),
            ).as('branch'),
          (join) => join.onTrue(),
        )
        .selectAll('branch')
        .orderBy(`branch.${sortColumn}`, dir)
        .orderBy('branch.id', dir)
        .limit(f.limit + 1)
    : page(filtered(services, actor, f));
  // Owners, team and case are joined after the limit: for one page of rows, never for the scan.
  const rows = await services.db
    .selectFrom(rowsOf.as('activity'))
    .leftJoin('staff_user as u', 'u.id', 'activity.assignee_user_id')
    .leftJoin('team as t', 't.id', 'activity.assignee_team_id')
    .leftJoin('cases as c', 'c.id', 'activity.case_id')
    .select([
      'activity.id',
      'activity.kind',
      'activity.channel',
      'activity.status',
      'activity.subject',
      'activity.contact',
      'activity.case_id',
      'activity.case_type',
      'activity.task_key',
      'activity.due_at',
      'activity.created_at',
      'activity.updated_at',
      'activity.version',
      'u.id as user_id',
      'u.name as user_name',
      't.id as team_id',
      't.name as team_name',
      'c.reference as case_reference',
      'c.handling_deadline',
      'c.handling_warn_from',
      'c.norm_deadline',
      'c.norm_warn_from',
      'c.closed_at as case_closed_at',
      'activity.deadline_sort',
      'activity.bulk_mail',
    ])
    .orderBy(`activity.${sortColumn}`, dir)
    .orderBy('activity.id', dir)
    .execute();
  const pageRows = rows.slice(0, f.limit);
  const last = pageRows.at(-1);
  const cursorOf = (r: NonNullable<typeof last>) =>
    byDeadline ? encodeCursor(`${String(r.deadline_sort).slice(0, 10)}T00:00:00.000Z`, r.id) : encodeCursor(r.created_at, r.id);
  return { rows: pageRows, nextCursor: rows.length > f.limit && last ? cursorOf(last) : null };
}

/** Counts for the queue tabs; capped, so a huge backlog never costs a full scan per request. */
export async function workQueueCounts(services: Services, actor: Actor) {
  const count = async (queue: QueueFilter['queue']) => {
    const inner = filtered(services, actor, { queue, sort: 'createdAt', limit: 0 })
      .select(sql`1`.as('one'))
      .limit(COUNT_CAP + 1);
    const row = await services.db
      .selectFrom(inner.as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { count: Math.min(Number(row.n), COUNT_CAP), capped: Number(row.n) > COUNT_CAP };
  };
  const [mine, team, unassigned, all] = await Promise.all([count('mine'), count('team'), count('unassigned'), count('all')]);
  return { mine, team, unassigned, all };
}
