import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { caseAtDecisionLetter, kccPeople, writeAndSendLetter } from '../letters/testSupport.ts';
import { deliverDueEvents } from '../jobs/eventDeliverer.ts';
import { sweepExpired } from '../jobs/housekeeping.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { verify } from './signature.ts';

/**
 * Events for other systems, end to end: an administrator subscribes a real HTTP receiver (node:http
 * on a random port); a case goes from registration to its decision letter and closing; the receiver
 * answers 500 for a while and then recovers. The deliverer runs as the job does, on the harness's
 * clock (moved by hand past each backoff, never waited for). Every event arrives, none twice under
 * its id, every signature verifies, and no event carries personal data.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
let admin: Record<string, string>;
let adminActor: Awaited<ReturnType<typeof buildStaff>>;
let receiver: Server;
let base: string;

type Received = { id: string; timestamp: string; signature: string; contentType: string; body: string; path: string };
const received: Received[] = [];
/** Accepted (2xx) ids per path: a second 2xx for the same id would be a duplicate delivery. */
const accepted = new Map<string, number>();
let failing = true;

const read = async (req: IncomingMessage) => {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
};

before(async () => {
  t = await createTestApp();
  adminActor = await buildStaff(t.services, { roles: ['administrator'], name: 'Beheerder Bo' });
  admin = await loginHeaders(t.services, adminActor);
  receiver = createServer(async (req, res) => {
    const body = await read(req);
    const r = {
      id: String(req.headers['webhook-id'] ?? ''),
      timestamp: String(req.headers['webhook-timestamp'] ?? ''),
      signature: String(req.headers['webhook-signature'] ?? ''),
      contentType: String(req.headers['content-type'] ?? ''),
      body,
      path: req.url ?? '',
    };
    received.push(r);
    if (req.url === '/always-fails' || failing) {
      res.writeHead(500).end('not now');
      return;
    }
    const key = `${r.path} ${r.id}`;
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await t.close();
});

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = admin) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const ALL = [
  'nl.klachtflow.case.created',
  'nl.klachtflow.case.status-changed',
  'nl.klachtflow.case.assigned',
  'nl.klachtflow.case.letter-sent',
  'nl.klachtflow.case.closed',
];
async function subscribe(body: { name: string; url: string; eventTypes: string[] }) {
  const res = await call('POST', '/admin/event-subscriptions', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { subscription: { id: string; active: boolean }; secret: string };
}
/** Runs the deliverer as the job would until nothing is due, then moves the clock on by `ms`. */
async function round(ms: number) {
  while ((await deliverDueEvents(t.services)) > 0) {}
  t.clock.advance(ms);
  // A session lasts an hour on this clock too.
  if (ms) admin = await loginHeaders(t.services, adminActor);
}
const deliveries = async (id: string, query = '') => {
  const res = await call('GET', `/admin/event-subscriptions/${id}/deliveries${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as {
    id: string;
    eventId: string;
    eventType: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
  }[];
};

describe('events for other systems', () => {
  let main: Awaited<ReturnType<typeof subscribe>>;

  test('an administrator subscribes an endpoint: the secret is shown once, kept only to sign; wrong addresses are refused by field', async () => {
    main = await subscribe({ name: 'Zaaksysteem', url: `${base}/hook`, eventTypes: ALL });
    assert.match(main.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(main.subscription.active, true);
    const list = await call('GET', '/admin/event-subscriptions');
    assert.equal(list.statusCode, 200, list.body);
    assert.ok(!list.body.includes(main.secret.slice(6)), 'no answer holds the secret again');
    assert.deepEqual(list.json().eventTypes, ALL);
    assert.ok(!(await call('GET', `/admin/event-subscriptions/${main.subscription.id}`)).body.includes(main.secret.slice(6)));

    for (const [url, code] of [
      ['http://example.org/hook', 400],
      ['ftp://example.org/hook', 400],
      ['https://user:pw@example.org/hook', 400],
      ['geen adres', 400],
    ] as const) {
      const res = await call('POST', '/admin/event-subscriptions', { name: 'x', url, eventTypes: ALL });
      assert.equal(res.statusCode, code, `${url}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /problem\+json/);
      assert.ok(
        res.json().invalidParams.some((p: { name: string }) => p.name === 'body.url'),
        res.body,
      );
    }
    const badType = await call('POST', '/admin/event-subscriptions', {
      name: 'x',
      url: `${base}/x`,
      eventTypes: ['nl.klachtflow.case.deleted'],
    });
    assert.equal(badType.statusCode, 400);
    assert.ok(
      badType.json().invalidParams.some((p: { name: string }) => p.name === 'body.eventTypes.0'),
      badType.body,
    );
    // Only an administrator: a handler gets 403.
    const agent = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] }));
    assert.equal((await call('GET', '/admin/event-subscriptions', undefined, agent)).statusCode, 403);
  });

  test('a receiver that fails for a while and then recovers gets every event once under its id, signed, without personal data', async () => {
    // A paused subscription hears nothing; one to a receiver that never recovers ends as failed.
    const paused = await subscribe({ name: 'Gepauzeerd', url: `${base}/paused`, eventTypes: ALL });
    assert.equal((await call('PATCH', `/admin/event-subscriptions/${paused.subscription.id}`, { active: false })).json().active, false);
    const broken = await subscribe({ name: 'Kapot', url: `${base}/always-fails`, eventTypes: ['nl.klachtflow.case.closed'] });

    const p = await kccPeople(t);
    const caseId = await caseAtDecisionLetter(t, p);
    await writeAndSendLetter(t.services, { caseId, kind: 'decision', drafter: p.backOffice, approver: p.coordinator });

    const recorded = await t.services.db
      .selectFrom('event_delivery')
      .select(['event_id', 'event_type', 'subscription_id'])
      .where('subscription_id', '=', main.subscription.id)
      .execute();
    assert.deepEqual([...new Set(recorded.map((r) => r.event_type))].sort(), [...ALL].sort(), 'each kind of event happened');
    assert.equal(
      await t.services.db
        .selectFrom('event_delivery')
        .select('id')
        .where('subscription_id', '=', paused.subscription.id)
        .execute()
        .then((r) => r.length),
      0,
    );

    // Failing: three rounds of 500s; the administrator sees them waiting with the answer.
    for (let i = 0; i < 3; i++) await round(61 * 60_000);
    const waiting = await deliveries(main.subscription.id);
    assert.equal(waiting.length, recorded.length);
    assert.ok(
      waiting.every((d) => d.status === 'pending' && d.attempts >= 2 && d.lastStatusCode === 500 && d.lastError === 'HTTP 500'),
      JSON.stringify(waiting[0]),
    );
    const overview = (await call('GET', '/admin/event-subscriptions'))
      .json()
      .items.find((s: { id: string }) => s.id === main.subscription.id);
    assert.equal(overview.pending, recorded.length);

    // Recovered: every event arrives, none twice.
    failing = false;
    for (let i = 0; i < 20; i++) await round(7 * 3600_000);
    const done = await deliveries(main.subscription.id, '?status=delivered');
    assert.equal(done.length, recorded.length, 'every event delivered');
    const ids = new Set(recorded.map((r) => r.event_id));
    assert.equal(ids.size, recorded.length, 'one id per event');
    for (const id of ids) assert.equal(accepted.get(`/hook ${id}`), 1, `event ${id} accepted exactly once`);
    assert.ok(!received.some((r) => r.path === '/paused'), 'a paused subscription hears nothing');

    // Every request: the CloudEvent in structured mode, signed (Standard Webhooks), no personal data.
    const mine = received.filter((r) => r.path === '/hook');
    assert.ok(mine.length > recorded.length, 'the failed attempts were tried again');
    for (const r of mine) {
      assert.ok(verify(main.secret, r, r.body, t.clock.now(), 8 * 24 * 3600), `signature of ${r.id}`);
      assert.ok(!verify(broken.secret, r, r.body, t.clock.now(), 8 * 24 * 3600), 'another secret does not verify');
      assert.match(r.contentType, /^application\/cloudevents\+json/);
      const e = JSON.parse(r.body);
      assert.equal(e.id, r.id, 'webhook-id is the CloudEvent id');
      assert.equal(e.specversion, '1.0');
      assert.equal(e.source, t.services.publicUrl);
      assert.ok(ALL.includes(e.type));
      assert.equal(e.subject, caseId);
      assert.equal(e.dataref, `${t.services.publicUrl}/api/v1/cases/${caseId}`);
      assert.deepEqual(Object.keys(e.data).sort(), ['caseId', 'reference']);
      assert.ok(!Number.isNaN(Date.parse(e.time)));
      for (const personal of ['Evi', 'evi@', 'Dorpsstraat', 'Onbeleefd', 'rustiger']) assert.ok(!r.body.includes(personal), personal);
    }
    // The dataref is fetched with an API key (part 9): what the key may see, nothing more.
    const key = await call('POST', '/api-clients', { name: 'Ontvanger', scopes: ['case:read', 'case:readAll'] });
    const ref = new URL(JSON.parse(mine[0]!.body).dataref);
    const fetched = await t.app.inject({ method: 'GET', url: ref.pathname, headers: { authorization: `Bearer ${key.json().key}` } });
    assert.equal(fetched.statusCode, 200, fetched.body);
    assert.equal(fetched.json().id, caseId);

    // The receiver that never recovers: failed after every attempt, visible, and can be sent again.
    const failed = await deliveries(broken.subscription.id);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.status, 'failed');
    assert.equal(failed[0]!.attempts, 12);
    assert.equal((await call('GET', `/admin/event-subscriptions/${broken.subscription.id}`)).json().failed, 1);
    const again = await call('POST', `/admin/event-deliveries/${failed[0]!.id}/retry`);
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual([again.json().status, again.json().attempts], ['pending', 0]);
  });

  test("the administrator's test message arrives like any event", async () => {
    const sent = await call('POST', `/admin/event-subscriptions/${main.subscription.id}/test`);
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json().status, 'pending');
    await round(0);
    const [latest] = await deliveries(main.subscription.id);
    assert.equal(latest!.eventType, 'nl.klachtflow.subscription.test');
    assert.deepEqual([latest!.id, latest!.status, latest!.lastStatusCode], [sent.json().id, 'delivered', 204]);
    const r = received.find((x) => x.id === sent.json().eventId)!;
    assert.equal(JSON.parse(r.body).type, 'nl.klachtflow.subscription.test');
    assert.ok(verify(main.secret, r, r.body, t.clock.now()));
  });

  test('housekeeping removes delivered events after 30 days; one still being tried stays', async () => {
    const count = async (status: 'delivered' | 'pending') =>
      (await t.services.db.selectFrom('event_delivery').select('id').where('status', '=', status).execute()).length;
    assert.ok((await count('delivered')) > 0);
    const pending = await count('pending');
    assert.ok(pending > 0, 'the resent failure is being tried again');
    t.clock.advance(31 * 24 * 3600_000);
    await sweepExpired(t.services);
    assert.equal(await count('delivered'), 0);
    assert.equal(await count('pending'), pending);
  });
});
