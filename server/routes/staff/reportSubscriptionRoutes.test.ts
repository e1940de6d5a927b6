import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * Scheduled report mail over HTTP: one's own subscriptions (list, create, pause, resume, stop),
 * analysis:read to use them, another's answering as missing, bad input a 400 problem naming the field.
 */
describe('report subscriptions over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  let leadActor: StaffActor;
  before(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-11T09:00:00Z'); // a Wednesday
    h.manager = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['serviceManager'] }));
    leadActor = await buildStaff(t.services, { roles: ['teamLead'], teams: ['backOffice'] });
    h.lead = await loginHeaders(t.services, leadActor);
    h.agent = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] }));
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  type Sub = {
    id: string;
    frequency: string;
    filter: Record<string, string>;
    query: string;
    nextRunOn: string;
    paused: boolean;
    pausedReason: string | null;
  };
  const list = async (as: string) => (await call('GET', '/api/v1/report-subscriptions', h[as]!)).json().items as Sub[];

  test("subscribe to the dashboard with its filter; the period is the frequency's, the first mail due when the next period starts", async () => {
    const res = await call('POST', '/api/v1/report-subscriptions', h.manager!, {
      frequency: 'monthly',
      // The /analyse URL's query as the page has it; its period is dropped, unknown keys too (the dashboard ignores them).
      filter: {
        granularity: 'quarter',
        ground: 'communication',
        processKey: 'kcc-complaint',
        from: '2026-01-01',
        to: '2026-02-01',
        tab: 'x',
      },
      language: 'en',
    });
    assert.equal(res.statusCode, 201, res.body);
    const sub = res.json() as Sub & { language: string; report: string; lastSentAt: string | null; createdAt: string };
    assert.deepEqual(sub.filter, { granularity: 'quarter', processKey: 'kcc-complaint', ground: 'communication' });
    assert.equal(sub.query, 'granularity=quarter&processKey=kcc-complaint&ground=communication');
    assert.deepEqual(
      [sub.report, sub.frequency, sub.language, sub.nextRunOn, sub.paused, sub.lastSentAt, sub.createdAt],
      ['dashboard', 'monthly', 'en', '2026-04-01', false, null, '2026-03-11T09:00:00.000Z'],
    );
    t.clock.advance(60_000);
    const weekly = (await call('POST', '/api/v1/report-subscriptions', h.manager!, { frequency: 'weekly' })).json() as Sub;
    assert.deepEqual([weekly.nextRunOn, weekly.filter], ['2026-03-16', { granularity: 'month' }], 'next Monday; the default filter');
    t.clock.advance(60_000);
    const periodic = (
      await call('POST', '/api/v1/report-subscriptions', h.manager!, {
        report: 'periodic',
        frequency: 'monthly',
        filter: { ground: 'conduct' },
      })
    ).json() as Sub & { report: string };
    assert.deepEqual([periodic.report, periodic.filter, periodic.query], ['periodic', {}, ''], 'the periodic analysis has no filter');
    t.clock.advance(60_000);
    const quarterly = (await call('POST', '/api/v1/report-subscriptions', h.manager!, { frequency: 'quarterly' })).json() as Sub;
    assert.equal(quarterly.nextRunOn, '2026-04-01');
    assert.deepEqual(
      (await list('manager')).map((s) => s.id),
      [sub.id, weekly.id, periodic.id, quarterly.id],
    );
    t.clock.set('2026-03-11T09:00:00Z');
  });

  test('pause and resume: paused, it is not due; resumed after its day passed, the next mail waits for the next period', async () => {
    const sub = (await call('POST', '/api/v1/report-subscriptions', h.lead!, { frequency: 'monthly' })).json() as Sub;
    const paused = await call('POST', `/api/v1/report-subscriptions/${sub.id}/pause`, h.lead!);
    assert.equal(paused.statusCode, 200, paused.body);
    assert.deepEqual([paused.json().paused, paused.json().pausedReason], [true, 'byUser']);
    t.clock.set('2026-05-12T09:00:00Z');
    try {
      // A session of that day (the one above has run out by then).
      const lead = await loginHeaders(t.services, leadActor);
      const resumed = await call('POST', `/api/v1/report-subscriptions/${sub.id}/resume`, lead);
      assert.equal(resumed.statusCode, 200, resumed.body);
      assert.deepEqual([resumed.json().paused, resumed.json().pausedReason, resumed.json().nextRunOn], [false, null, '2026-06-01']);
      // Resuming what runs changes nothing.
      assert.equal((await call('POST', `/api/v1/report-subscriptions/${sub.id}/resume`, lead)).json().nextRunOn, '2026-06-01');
    } finally {
      t.clock.set('2026-03-11T09:00:00Z');
    }
  });

  test("a user never sees, pauses or stops another's subscription; stopping one's own removes it", async () => {
    const mine = (await list('manager'))[0]!;
    assert.deepEqual(
      (await list('lead')).filter((s) => s.id === mine.id),
      [],
    );
    for (const [method, url] of [
      ['POST', `/api/v1/report-subscriptions/${mine.id}/pause`],
      ['POST', `/api/v1/report-subscriptions/${mine.id}/resume`],
      ['DELETE', `/api/v1/report-subscriptions/${mine.id}`],
    ] as const) {
      const res = await call(method, url, h.lead!);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    }
    assert.equal((await list('manager'))[0]!.paused, false);
    assert.equal((await call('DELETE', `/api/v1/report-subscriptions/${mine.id}`, h.manager!)).statusCode, 204);
    assert.ok(!(await list('manager')).some((s) => s.id === mine.id));
    assert.equal((await call('DELETE', `/api/v1/report-subscriptions/${mine.id}`, h.manager!)).statusCode, 404, 'stopping twice');
  });

  test('switched off by the organisation: subscribing is a 409 that says so; listing and stopping still work', async () => {
    t.services.org.staffMail.reportMail = false;
    try {
      const res = await call('POST', '/api/v1/report-subscriptions', h.lead!, { frequency: 'monthly' });
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.json().detail, /verstuurt geen overzichten per e-mail/);
      assert.equal((await call('GET', '/api/v1/report-subscriptions', h.lead!)).statusCode, 200);
    } finally {
      t.services.org.staffMail.reportMail = true;
    }
  });

  test('without analysis:read: 403 for every route', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/v1/report-subscriptions', undefined],
      ['POST', '/api/v1/report-subscriptions', { frequency: 'monthly' }],
    ] as const) {
      const res = await call(method, url, h.agent!, body);
      assert.equal(res.statusCode, 403, res.body);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    }
  });

  test('a bad frequency, filter or language is a 400 problem naming the field, and stores nothing', async () => {
    const before = (await list('lead')).length;
    const cases: [unknown, string][] = [
      [{ frequency: 'daily' }, 'body.frequency'],
      [{}, 'body.frequency'],
      [{ frequency: 'monthly', filter: { granularity: 'week' } }, 'body.filter.granularity'],
      [{ frequency: 'monthly', filter: { ground: '' } }, 'body.filter.ground'],
      [{ frequency: 'monthly', filter: { ground: 'x'.repeat(201) } }, 'body.filter.ground'],
      [{ frequency: 'monthly', filter: { externalBody: 'court' } }, 'body.filter.externalBody'],
      [{ frequency: 'monthly', filter: { processKey: 'no-such-process' } }, 'body.filter.processKey'],
      [{ frequency: 'monthly', filter: 'ground=conduct' }, 'body.filter'],
      [{ frequency: 'monthly', language: 'de' }, 'body.language'],
      [{ frequency: 'monthly', report: 'annual' }, 'body.report'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', '/api/v1/report-subscriptions', h.lead!, payload);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.ok(
        res.json().invalidParams.some((p: { name: string }) => p.name === field),
        `${JSON.stringify(payload)} names ${field}: ${res.body}`,
      );
    }
    assert.equal((await list('lead')).length, before);
    assert.equal((await call('POST', '/api/v1/report-subscriptions/not-a-uuid/pause', h.lead!)).statusCode, 400);
  });
});
