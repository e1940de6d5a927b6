import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * The case list's deadline and handler filters (the start page's "termijnen" block): the same
 * rule as the queue flag (deadlineState), open cases only, earliest deadline first, keyset-paged.
 * The fake clock stands on 2 March 2026 (Amsterdam), so "today" is 2026-03-02.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
let anna: StaffActor, bram: StaffActor, dirk: StaffActor;
let h: Record<'anna' | 'bram' | 'dirk', Record<string, string>>;
const ids: Record<string, string> = {};

async function caseWith(
  name: string,
  o: { handler: StaffActor | null; deadline: string | null; warnFrom: string | null; closed?: boolean },
) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.anna,
    payload: { subject: `Termijn ${name}`, channel: 'phone', complainant: { name: 'Johan Willems' } },
  });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().id as string;
  await t.services.db
    .updateTable('cases')
    .set({
      handling_deadline: o.deadline,
      handling_warn_from: o.warnFrom,
      assignee_user_id: o.handler?.id ?? null,
      assignee_team_id: null,
      closed_at: o.closed ? t.clock.now() : null,
    })
    .where('id', '=', id)
    .execute();
  ids[name] = id;
}

const list = async (who: keyof typeof h, qs: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases?${qs}`, headers: h[who] });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as {
    items: { id: string; subject: string; deadline: string | null; deadlineState: string | null }[];
    nextCursor: string | null;
  };
};
const names = (items: { subject: string }[]) => items.map((c) => c.subject.replace('Termijn ', ''));

before(async () => {
  t = await createTestApp();
  anna = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  bram = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
  dirk = await buildStaff(t.services, { roles: ['department'], teams: ['department'] });
  h = {
    anna: await loginHeaders(t.services, anna),
    bram: await loginHeaders(t.services, bram),
    dirk: await loginHeaders(t.services, dirk),
  };
  await caseWith('verlopen', { handler: anna, deadline: '2026-02-26', warnFrom: '2026-02-19' });
  await caseWith('lang verlopen', { handler: anna, deadline: '2026-02-10', warnFrom: '2026-02-03' });
  await caseWith('vandaag', { handler: anna, deadline: '2026-03-02', warnFrom: '2026-02-27' });
  await caseWith('bijna', { handler: anna, deadline: '2026-03-05', warnFrom: '2026-03-02' });
  await caseWith('ruim', { handler: anna, deadline: '2026-03-20', warnFrom: '2026-03-13' });
  await caseWith('zonder termijn', { handler: anna, deadline: null, warnFrom: null });
  await caseWith('gesloten', { handler: anna, deadline: '2026-02-01', warnFrom: '2026-01-25', closed: true });
  await caseWith('van bram', { handler: bram, deadline: '2026-02-20', warnFrom: '2026-02-13' });
  await caseWith('van dirk', { handler: dirk, deadline: '2026-03-04', warnFrom: '2026-02-25' });
});
after(() => t.close());

describe('GET /cases with deadline and handler filters', () => {
  test('overdue: open cases past their last day, earliest first, each flagged overdue', async () => {
    const page = await list('anna', 'deadline=overdue');
    assert.deepEqual(names(page.items), ['lang verlopen', 'van bram', 'verlopen']);
    assert.ok(page.items.every((c) => c.deadlineState === 'overdue'));
  });

  test('nearlyDue: in the warning period up to and including the last day', async () => {
    const page = await list('anna', 'deadline=nearlyDue');
    assert.deepEqual(names(page.items), ['vandaag', 'van dirk', 'bijna']);
    assert.ok(page.items.every((c) => c.deadlineState === 'nearlyDue'));
  });

  test('due: both, and exactly the cases the queue flags (deadlineState)', async () => {
    const due = await list('anna', 'deadline=due&limit=100');
    assert.deepEqual(names(due.items), ['lang verlopen', 'van bram', 'verlopen', 'vandaag', 'van dirk', 'bijna']);
    const all = await list('anna', 'limit=100');
    const flagged = all.items
      .filter((c) => c.deadlineState !== null)
      .map((c) => c.id)
      .sort();
    assert.deepEqual(due.items.map((c) => c.id).sort(), flagged);
  });

  test('handler=me: only the cases assigned to the logged-in person', async () => {
    assert.deepEqual(names((await list('anna', 'deadline=due&handler=me')).items), ['lang verlopen', 'verlopen', 'vandaag', 'bijna']);
    assert.deepEqual(names((await list('bram', 'deadline=due&handler=me')).items), ['van bram']);
    assert.equal((await list('bram', 'handler=me')).items.length, 1);
  });

  test("the filters stay inside the actor's scope", async () => {
    // A department member without case:readAll sees only the case assigned to them.
    assert.deepEqual(names((await list('dirk', 'deadline=due')).items), ['van dirk']);
  });

  test('keyset pages in deadline order: no case twice, none missed', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list('anna', `deadline=due&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= 2);
      seen.push(...names(page.items));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.deepEqual(seen, ['lang verlopen', 'van bram', 'verlopen', 'vandaag', 'van dirk', 'bijna']);
  });

  test('unknown values are a 400 problem naming the parameter', async () => {
    for (const [qs, field] of [
      ['deadline=soon', 'querystring.deadline'],
      ['handler=someoneElse', 'querystring.handler'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases?${qs}`, headers: h.anna });
      assert.equal(res.statusCode, 400, res.body);
      assert.ok(
        res.json().invalidParams.some((p: { name: string }) => p.name === field),
        res.body,
      );
    }
  });

  test('without a deadline filter the list stays last-changed first', async () => {
    const page = await list('anna', 'limit=100');
    const updated = page.items.map((c) => c.id);
    assert.ok(updated.includes(ids['gesloten']!), 'closed cases are still listed without the filter');
  });
});
