import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { workQueuePage, type QueueFilter } from './workQueue.ts';

/**
 * The work queue reads a multi-team or multi-channel filter as one index scan per (team, channel)
 * and merges them. Whatever the form, paging must give exactly the rows a plain filter and sort
 * give, each once, in order: checked here against a reference computed in JavaScript over a
 * deliberately awkward set (equal timestamps, every status, owned and unowned work).
 */
let env: TestEnv;
let coordinator: StaffActor, department: StaffActor, agent: StaffActor;
type Row = { id: string; kind: string; channel: string; status: string; team: string | null; user: string | null; created: Date };
const rows: Row[] = [];

before(async () => {
  env = await createTestServices({ poolSize: 4 });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators', 'backOffice'] });
  department = await buildStaff(env.services, { roles: ['department'], teams: ['department', 'backOffice'] });
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  const teams = (await env.services.db.selectFrom('team').select('id').orderBy('key').execute()).map((t) => t.id);
  const users = [coordinator.id, department.id, agent.id];
  // Deterministic variety: each attribute from its own hash of i, so no two are correlated.
  const pick = <T>(i: number, salt: number, options: readonly T[]) =>
    options[Math.abs(Math.imul(i * 31 + salt, 2654435761) >> 7) % options.length]!;
  const values = Array.from({ length: 400 }, (_, i) => {
    const team = pick(i, 1, [null, ...teams]);
    const user = pick(i, 2, [null, null, null, ...users]);
    return {
      kind: pick(i, 3, ['task', 'intake'] as const),
      channel: pick(i, 4, ['phone', 'email', 'letter', 'web', 'internal']),
      status: pick(i, 5, ['open', 'inProgress', 'open', 'done', 'open', 'cancelled']),
      subject: `Activiteit ${i}`,
      contact: JSON.stringify({}),
      assignee_team_id: team,
      assignee_user_id: user,
      // Blocks of four share one timestamp: the keyset must break ties on id.
      created_at: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 4) * 60_000),
      updated_at: new Date(Date.UTC(2026, 0, 1)),
    };
  });
  const inserted = await env.services.db
    .insertInto('activity')
    .values(values)
    .returning(['id', 'kind', 'channel', 'status', 'assignee_team_id', 'assignee_user_id', 'created_at'])
    .execute();
  for (const r of inserted)
    rows.push({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      status: r.status,
      team: r.assignee_team_id,
      user: r.assignee_user_id,
      created: r.created_at,
    });
});
after(() => env.close());

/** What the queue must return, computed without SQL. */
function expected(actor: StaffActor, f: QueueFilter): string[] {
  const seesAll = actor.permissions.has('case:readAll') || actor.permissions.has('activity:assign');
  const inTeams = (r: Row) => r.team !== null && actor.teamIds.includes(r.team);
  const statuses = f.status?.length ? f.status : ['open', 'inProgress'];
  const picked = rows.filter(
    (r) =>
      (seesAll || r.user === actor.id || inTeams(r)) &&
      (f.queue !== 'mine' || r.user === actor.id) &&
      (f.queue !== 'team' || (inTeams(r) && r.user === null)) &&
      (f.queue !== 'unassigned' || (r.team === null && r.user === null)) &&
      statuses.includes(r.status) &&
      (!f.channel?.length || f.channel.includes(r.channel)) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.teamId || r.team === f.teamId),
  );
  const sign = f.sort === '-createdAt' ? -1 : 1;
  picked.sort((a, b) => sign * (a.created.getTime() - b.created.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return picked.map((r) => r.id);
}

async function allPages(actor: StaffActor, f: QueueFilter): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 200; guard++) {
    const page = await workQueuePage(env.services, actor, { ...f, cursor });
    assert.ok(page.rows.length <= f.limit);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('the queue never ended');
}

describe('work queue pages', () => {
  const filters: QueueFilter[] = [
    { queue: 'team', sort: 'createdAt', limit: 7 },
    { queue: 'team', channel: ['phone', 'email'], sort: 'createdAt', limit: 7 },
    { queue: 'team', channel: ['phone', 'email', 'phone'], sort: '-createdAt', limit: 5 },
    { queue: 'team', channel: ['internal'], kind: 'task', sort: '-createdAt', limit: 3 },
    { queue: 'team', status: ['done', 'open'], channel: ['letter', 'web'], sort: 'createdAt', limit: 4 },
    { queue: 'unassigned', channel: ['email', 'letter', 'web'], sort: 'createdAt', limit: 6 },
    { queue: 'unassigned', sort: '-createdAt', limit: 6 },
    { queue: 'all', channel: ['phone', 'internal'], sort: '-createdAt', limit: 9 },
    { queue: 'all', kind: 'task', sort: '-createdAt', limit: 25 },
    { queue: 'mine', channel: ['phone', 'email', 'letter', 'web', 'internal'], sort: 'createdAt', limit: 2 },
    { queue: 'all', sort: 'createdAt', limit: 50 },
  ];
  for (const f of filters) {
    test(`${JSON.stringify(f)}: every page in order, each row once, as a plain filter would give`, async () => {
      for (const actor of [coordinator, department, agent]) {
        const want = expected(actor, f);
        const got = await allPages(actor, f);
        assert.deepEqual(got, want, `${actor.roles.join(',')}: ${got.length} rows, expected ${want.length}`);
      }
    });
  }

  test('a team filter inside the team queue narrows it to that team', async () => {
    const f: QueueFilter = { queue: 'team', channel: ['phone', 'email'], teamId: coordinator.teamIds[1]!, sort: 'createdAt', limit: 4 };
    const got = await allPages(coordinator, f);
    assert.ok(got.length > 0);
    assert.deepEqual(got, expected(coordinator, f));
  });
});
