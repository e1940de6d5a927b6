import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../../commands/context.ts';
import { type Planted, plantCases, plantPerson } from '../../analysis/plantCases.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * GET /api/v1/analysis/dashboard over HTTP: every figure's drill-down, sent to the case list, lists
 * exactly the cases the figure counted; a team lead's figures and lists hold only their team's cases.
 * Bad periods are a 400 naming the field. Volumes: report:manage only.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
let manager: StaffActor;
let lead: StaffActor;
let h: { manager: Record<string, string>; lead: Record<string, string> };

before(async () => {
  t = await createTestApp();
  manager = await buildStaff(t.services, { roles: ['serviceManager'] });
  lead = await buildStaff(t.services, { roles: ['teamLead'], teams: ['department'] });
  h = { manager: await loginHeaders(t.services, manager), lead: await loginHeaders(t.services, lead) };
  const db = t.services.db;
  const team = (key: string) => db.selectFrom('team').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  const [own, other] = [(await team('department')).id, (await team('kcc')).id];
  const people = [await plantPerson(db, 'Een'), await plantPerson(db, 'Twee'), await plantPerson(db, 'Drie')];
  const grounds = ['conduct', 'communication', 'substance', undefined];
  const outcomes = ['judged', 'resolved', undefined];
  const channels = ['phone', 'email', 'web'];
  const cases: Planted[] = [];
  for (let i = 0; i < 40; i++) {
    const received = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}T10:00:00Z`;
    const closedDay = new Date(Date.parse(received) + (i % 5 === 0 ? 400 : 3 + (i % 37)) * 86400_000);
    cases.push({
      ref: `R-${i}`,
      received: i === 39 ? '2024-11-03T10:00:00Z' : received,
      closed: i % 7 === 3 ? null : closedDay.toISOString(),
      complainantId: people[i % 3]!,
      teamId: i % 2 ? own : other,
      channel: channels[i % 3],
      subject: i % 4 ? 'Wachttijd aan de balie' : 'Afval niet opgehaald',
      facts: {
        ground: grounds[i % 4],
        outcome: outcomes[i % 3],
        kind: 'complaint',
        ...(i % 6 === 0 ? { externalBody: 'ombudsman', externalOutcome: 'gegrond' } : {}),
        ...(i % 8 === 0 ? { extended: true } : {}),
      },
      handlingDeadline: i % 3 ? received.slice(0, 8) + '28' : null,
      normDeadline: i % 2 ? received.slice(0, 10) : null,
    });
  }
  await plantCases(db, cases);
});
after(() => t.close());

const get = (who: keyof typeof h, url: string) => t.app.inject({ method: 'GET', url, headers: h[who] });

/** Every {value, drillDown} in the dashboard, with where it sits. */
function counts(node: unknown, path = ''): { path: string; value: number; drillDown: Record<string, string> }[] {
  if (Array.isArray(node)) return node.flatMap((x, i) => counts(x, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  if (typeof o.value === 'number' && o.drillDown && typeof o.drillDown === 'object')
    return [{ path, value: o.value, drillDown: o.drillDown as Record<string, string> }];
  return Object.entries(o).flatMap(([k, v]) => counts(v, `${path}.${k}`));
}

async function listed(who: keyof typeof h, drillDown: Record<string, string>) {
  let n = 0;
  let cursor: string | null = null;
  do {
    const qs = new URLSearchParams({ ...drillDown, limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await get(who, `/api/v1/cases?${qs}`);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json() as { items: unknown[]; nextCursor: string | null };
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

async function everyDrillDownMatches(who: keyof typeof h) {
  const res = await get(who, '/api/v1/analysis/dashboard?from=2025-01-01&to=2026-01-01&granularity=halfYear');
  assert.equal(res.statusCode, 200, res.body);
  const d = res.json();
  const seen = new Map<string, number>();
  const all = counts(d);
  assert.ok(all.length > 50, String(all.length));
  for (const c of all) {
    const key = JSON.stringify(c.drillDown);
    const n = seen.get(key) ?? (await listed(who, c.drillDown));
    seen.set(key, n);
    assert.equal(n, c.value, `${who} ${c.path} ${key}`);
  }
  return d;
}

test("every figure's drill-down lists exactly the cases it counted (service manager: all cases)", async () => {
  const d = await everyDrillDownMatches('manager');
  assert.equal(d.received.total.value, 39);
  assert.equal(d.reconciliation.balances, true);
  assert.ok(d.onTime.term.counted.value > 0 && d.onTime.norm.counted.value > 0);
  assert.ok(d.returningComplainants.inPeriod.cases.value > 0);
  assert.ok(d.external.total.value > 0);
});

test("a team lead's figures and drill-downs hold only their team's cases", async () => {
  const d = await everyDrillDownMatches('lead');
  // Odd-numbered cases are the department's: R-1 … R-39, of which R-39 came in 2024.
  assert.equal(d.received.total.value, 19);
  assert.equal(d.reconciliation.balances, true);
  const all = (await get('manager', '/api/v1/analysis/dashboard?from=2025-01-01&to=2026-01-01')).json();
  assert.ok(d.closed.total.value < all.closed.total.value);
});

test('the register export takes the same drill-down: its rows are the figure', async () => {
  const d = (await get('manager', '/api/v1/analysis/dashboard?from=2025-01-01&to=2026-01-01&granularity=year')).json();
  const conduct = d.breakdowns
    .find((b: { dimension: string }) => b.dimension === 'ground')
    .values.find((v: { value: string }) => v.value === 'conduct');
  const qs = new URLSearchParams({ ...conduct.received.drillDown, format: 'csv' });
  const res = await get('manager', `/api/v1/cases/export?${qs}`);
  assert.equal(res.statusCode, 200, res.body);
  const rows = res.body.trim().split('\n').length - 1;
  assert.equal(rows, conduct.received.value);
  assert.ok(rows > 0);
});

test('bad periods and filters are a 400 problem naming the field', async () => {
  for (const [qs, field] of [
    ['from=2025-13-01', 'from'],
    ['granularity=week', 'granularity'],
    ['from=2025-06-01&to=2025-01-01', 'to'],
    ['from=0000-01-01', 'from'],
    ['externalBody=court', 'externalBody'],
  ] as const) {
    const res = await get('manager', `/api/v1/analysis/dashboard?${qs}`);
    assert.equal(res.statusCode, 400, `${qs}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.ok(
      res.json().invalidParams.some((p: { name: string }) => p.name === `querystring.${field}`),
      `${qs}: ${res.body}`,
    );
  }
  const returning = await get('manager', '/api/v1/cases?returning=period');
  assert.equal(returning.statusCode, 400, returning.body);
  assert.equal(returning.json().invalidParams[0].name, 'querystring.returning');
  const onTime = await get('manager', '/api/v1/cases?onTime=always');
  assert.equal(onTime.statusCode, 400);
});

test('without a period: the last twelve months up to this month (fake clock: March 2026)', async () => {
  const d = (await get('manager', '/api/v1/analysis/dashboard')).json();
  assert.deepEqual(d.period, { from: '2025-04-01', to: '2026-04-01', granularity: 'month' });
  assert.equal(d.buckets.length, 12);
});

test('contact volumes: entered and read with report:manage, and the complaint rate uses them', async () => {
  const put = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/analysis/volumes',
    headers: h.manager,
    payload: { items: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'].map((month) => ({ month, volume: 2000 })) },
  });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().items.length, 6);
  assert.equal(put.json().items[0].enteredBy, manager.name);
  const d = (await get('manager', '/api/v1/analysis/dashboard?from=2025-01-01&to=2026-01-01&granularity=halfYear')).json();
  const h1 = d.complaintRate.perBucket[0];
  assert.equal(h1.volume, 12000);
  assert.equal(h1.perThousand, Math.round((d.received.perBucket[0].value / 12000) * 1000 * 100) / 100);
  assert.equal(d.complaintRate.perBucket[1].perThousand, null);
  const removed = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/analysis/volumes',
    headers: h.manager,
    payload: { items: [{ month: '2025-06', volume: null }] },
  });
  assert.equal(removed.statusCode, 200);
  assert.equal((await get('manager', '/api/v1/analysis/volumes?from=2025-01&to=2025-12')).json().items.length, 5);
  const bad = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/analysis/volumes',
    headers: h.manager,
    payload: { items: [{ month: '2025-13', volume: 5 }] },
  });
  assert.equal(bad.statusCode, 400);
  const leadPut = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/analysis/volumes',
    headers: h.lead,
    payload: { items: [{ month: '2025-01', volume: 1 }] },
  });
  assert.equal(leadPut.statusCode, 403);
});
