import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { PHONE_INVALID_MESSAGE } from '../domain/phone.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let agent: StaffActor, dispatcher: StaffActor, coordinator: StaffActor, department: StaffActor, admin: StaffActor;
let h: Record<string, Record<string, string>>;

before(async () => {
  t = await createTestApp();
  agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'], name: 'Sanne Agent' });
  dispatcher = await buildStaff(t.services, { roles: ['dispatcher'], teams: ['kcc'] });
  coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
  department = await buildStaff(t.services, { roles: ['department'], teams: ['department'] });
  admin = await buildStaff(t.services, { roles: ['administrator'] });
  h = {
    agent: await loginHeaders(t.services, agent),
    dispatcher: await loginHeaders(t.services, dispatcher),
    coordinator: await loginHeaders(t.services, coordinator),
    department: await loginHeaders(t.services, department),
    admin: await loginHeaders(t.services, admin),
  };
});
after(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: who ? h[who] : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function phoneComplaint(subject = 'Lang wachten op registratie', who = 'agent') {
  const act = await call('POST', '/api/v1/activities', who, {
    channel: 'phone',
    subject,
    body: 'Ik wacht al tien weken op mijn registratie.',
    contact: { name: 'Johan Willems', phone: '06-12345678' },
  });
  assert.equal(act.statusCode, 201, act.body);
  return act.json();
}

describe('the API by the NL API Design Rules', () => {
  test('OpenAPI 3 is public, describes every route, and every response carries API-Version', async () => {
    const res = await call('GET', '/api/v1/openapi.json');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['api-version'], '1.0.0');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.deepEqual(
      doc.servers.map((s: { url: string }) => s.url),
      ['/api/v1'],
      'paths are relative to the major version',
    );
    for (const r of t.app.routeTable.filter(
      (x) => x.url.startsWith('/api/v1') && !x.url.startsWith('/api/v1/docs') && x.url !== '/api/v1/openapi.json',
    )) {
      const path = r.url.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path} is missing from OpenAPI`);
    }
    const swagger = await call('GET', '/api/v1/docs');
    assert.equal(swagger.statusCode, 200, 'Swagger UI is served locally');
    assert.match(swagger.body, /swagger/i);
  });

  test('errors are problem+json: 401, 403, 404 (also for a trailing slash), 400 naming the fields', async () => {
    const unauth = await call('GET', '/api/v1/activities');
    assert.equal(unauth.statusCode, 401);
    assert.match(String(unauth.headers['content-type']), /application\/problem\+json/);
    assert.equal(unauth.headers['api-version'], '1.0.0');
    assert.equal((await call('GET', '/api/v1/activities', 'admin')).statusCode, 403);
    assert.equal((await call('GET', '/api/v1/activities/', 'agent')).statusCode, 404);
    const bad = await call('POST', '/api/v1/activities', 'agent', {
      channel: 'fax',
      subject: '',
      contact: { email: 'geen-mail', phone: '06-1234' },
    });
    assert.equal(bad.statusCode, 400);
    const names = bad
      .json()
      .invalidParams.map((p: { name: string }) => p.name)
      .sort();
    assert.deepEqual(names, ['body.channel', 'body.contact.email', 'body.contact.phone', 'body.subject']);
    assert.equal(bad.json().status, 400);
  });

  test('an unsafe request without the CSRF token is refused and stores nothing', async () => {
    const before = await t.services.db
      .selectFrom('activity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: { cookie: h.agent!.cookie! },
      payload: { channel: 'phone', subject: 'x' },
    });
    assert.equal(res.statusCode, 403);
    const after = await t.services.db
      .selectFrom('activity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });
});

describe('intake, queue and cases over HTTP', () => {
  test('an agent registers a phone complaint, logs it as a case and links a second activity to it', async () => {
    const first = await phoneComplaint();
    assert.equal(first.status, 'inProgress');
    assert.equal(first.assignee.id, agent.id);
    const created = await call('POST', '/api/v1/cases', 'agent', {
      activityId: first.id,
      subject: first.subject,
      description: 'Ik wacht al tien weken.',
      channel: 'phone',
      complainant: { name: 'Johan Willems', phone: '+31 6 1234 5678', email: 'J.Willems@example.org', postcode: '1234ab' },
      representative: { person: { name: 'Marja Willems' }, relation: 'mantelzorger' },
      data: { product: 'Registratie', incidentDate: '2026-02-01' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const c = created.json();
    assert.match(c.reference, /^KL-2026-\d{6}$/);
    assert.equal(c.status, 'registered');
    assert.equal(c.statusLabel.nl, 'Controle volledigheid');
    assert.equal(c.complainant.phone, '+31612345678', 'stored and served as E.164');
    assert.equal(c.complainant.email, 'j.willems@example.org');
    assert.equal(c.representative.name, 'Marja Willems');
    // The statutory clock with its derivation: received Mon 2 March 2026 + 6 weeks = Mon 13 April.
    const handling = c.clocks.find((k: { key: string }) => k.key === 'handling');
    assert.deepEqual(
      [handling.start, handling.rawEnd, handling.adjustedEnd, handling.state],
      ['2026-03-02', '2026-04-13', '2026-04-13', 'running'],
    );
    assert.match(handling.rule.nl, /6 weken/);
    assert.equal(c.deadline, '2026-04-13');
    assert.deepEqual(c.abilities.transitions.map((x: { key: string }) => x.key).sort(), [
      'cancel',
      'forwardToCoordinator',
      'requestInformation',
    ]);

    const second = await phoneComplaint('Nog steeds geen registratie');
    const suggestions = await call('POST', '/api/v1/case-match-suggestions', 'agent', { activityId: second.id });
    assert.equal(suggestions.statusCode, 200, suggestions.body);
    const match = suggestions.json().items.find((m: { id: string }) => m.id === c.id);
    assert.ok(match, 'the existing case is suggested');
    assert.ok(match.reasons.includes('samePhone'));
    assert.ok(match.reasons.includes('similarText'));
    // One number in three spellings; also when its row holds the national digits rows from before E.164 hold.
    const byPhone = async (phone: string) => {
      const res = await call('POST', '/api/v1/case-match-suggestions', 'agent', { phone });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items.find((m: { id: string }) => m.id === c.id)?.reasons;
    };
    for (const phone of ['06-12345678', '+31 6 1234 5678', '0031612345678']) assert.deepEqual(await byPhone(phone), ['samePhone'], phone);
    await t.services.db.updateTable('person').set({ phone: '0612345678' }).where('id', '=', c.complainant.id).execute();
    assert.deepEqual(await byPhone('0031 6 1234 5678'), ['samePhone'], 'an earlier row is found');
    assert.equal((await call('GET', `/api/v1/cases/${c.id}`, 'agent')).json().complainant.phone, '+31612345678', 'and served as E.164');
    assert.equal(await byPhone('06-12345679'), undefined, 'another number is no match');
    // A number that is none is refused at its field; nothing is registered.
    const badPhone = await call('POST', '/api/v1/cases', 'agent', {
      subject: 'Klacht',
      channel: 'phone',
      complainant: { name: 'Johan Willems', phone: '06 1234 567' },
    });
    assert.equal(badPhone.statusCode, 400);
    assert.deepEqual(
      badPhone.json().invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]),
      [['body.complainant.phone', PHONE_INVALID_MESSAGE]],
    );

    assert.equal((await call('POST', `/api/v1/activities/${second.id}/case-link`, 'agent', { caseId: c.id })).statusCode, 200);
    assert.equal((await call('POST', `/api/v1/activities/${second.id}/case-link`, 'agent', { caseId: c.id })).statusCode, 409);
    const detail = (await call('GET', `/api/v1/cases/${c.id}`, 'agent')).json();
    assert.equal(detail.activities.length, 2);

    const timeline = (await call('GET', `/api/v1/cases/${c.id}/timeline`, 'agent')).json();
    assert.deepEqual(
      timeline.items.map((e: { type: string }) => e.type),
      ['caseRegistered', 'activityLinked', 'activityLinked'],
    );
    assert.equal(timeline.items[0].actor.name, 'Sanne Agent');
  });

  test('bad data fields are named: unknown field, wrong date, missing complainant', async () => {
    const res = await call('POST', '/api/v1/cases', 'agent', {
      subject: 'x',
      channel: 'letter',
      complainant: { name: 'A' },
      data: { incidentDate: '31-02-2026', colour: 'red' },
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['data.colour', 'data.incidentDate'],
    );
    const noComplainant = await call('POST', '/api/v1/cases', 'agent', { subject: 'x', channel: 'letter' });
    assert.equal(noComplainant.statusCode, 400);
    assert.ok(noComplainant.json().invalidParams.some((p: { name: string }) => p.name === 'body.complainant'));
  });

  test('the dispatcher sees the queue, filters it, pages by keyset and assigns in bulk', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call('POST', '/api/v1/activities', 'dispatcher', {
        channel: i % 2 ? 'email' : 'letter',
        subject: `Brief ${i}`,
        assignTo: 'queue',
      });
      ids.push(res.json().id);
      t.clock.advance(60_000);
    }
    const page1 = (await call('GET', '/api/v1/activities?queue=unassigned&channel=email,letter&limit=2', 'dispatcher')).json();
    assert.equal(page1.items.length, 2);
    const page2 = (
      await call('GET', `/api/v1/activities?queue=unassigned&channel=email,letter&limit=2&cursor=${page1.nextCursor}`, 'dispatcher')
    ).json();
    const page3 = (
      await call('GET', `/api/v1/activities?queue=unassigned&channel=email,letter&limit=2&cursor=${page2.nextCursor}`, 'dispatcher')
    ).json();
    const seen = [...page1.items, ...page2.items, ...page3.items].map((a: { id: string }) => a.id);
    assert.deepEqual(seen, ids, 'oldest first, no gaps, no repeats');
    assert.equal(page3.nextCursor, null);
    const emailOnly = (await call('GET', '/api/v1/activities?queue=unassigned&channel=email', 'dispatcher')).json();
    assert.ok(emailOnly.items.every((a: { channel: string }) => a.channel === 'email'));
    const counts = (await call('GET', '/api/v1/activity-counts', 'dispatcher')).json();
    assert.ok(counts.unassigned.count >= 5);

    const bulk = await call('POST', '/api/v1/activity-assignments', 'dispatcher', { activityIds: ids, userId: agent.id });
    assert.equal(bulk.statusCode, 200, bulk.body);
    assert.equal(bulk.json().assigned.length, 5);
    const mine = (await call('GET', '/api/v1/activities?queue=mine&limit=100', 'agent')).json();
    for (const id of ids) assert.ok(mine.items.some((a: { id: string }) => a.id === id));
    assert.equal((await call('POST', '/api/v1/activity-assignments', 'agent', { activityIds: ids, userId: agent.id })).statusCode, 403);
    assert.equal((await call('GET', '/api/v1/activities?cursor=not-a-cursor', 'dispatcher')).statusCode, 400);
  });

  test('full-text search with Dutch stemming and prefixes, and by reference', async () => {
    const act = await phoneComplaint('Geluidsoverlast door bouwwerkzaamheden');
    const created = (
      await call('POST', '/api/v1/cases', 'agent', {
        activityId: act.id,
        subject: act.subject,
        description: 'De klachten over het lawaai blijven.',
        channel: 'phone',
        complainant: { name: 'Noor Haddou' },
      })
    ).json();
    const search = async (q: string) =>
      (await call('POST', '/api/v1/case-searches', 'agent', { q })).json().items.map((i: { id: string }) => i.id);
    assert.ok((await search('geluid')).includes(created.id), 'prefix finds the compound');
    assert.ok((await search('klacht lawaai')).includes(created.id), 'stemming: klacht finds klachten');
    assert.ok((await search('haddou')).includes(created.id), 'complainant name');
    assert.deepEqual(await search(created.reference), [created.id]);
    assert.deepEqual(await search('zzzqqq'), []);
    const parking = await phoneComplaint('Parkeervergunning niet ontvangen');
    const p = (
      await call('POST', '/api/v1/cases', 'agent', {
        activityId: parking.id,
        subject: parking.subject,
        channel: 'phone',
        complainant: { name: 'Bert' },
      })
    ).json();
    assert.ok((await search('parkeer')).includes(p.id), 'an unstemmed prefix finds the compound (parkeer → parkeervergunning)');
    assert.ok((await search('de parkeer')).includes(p.id), 'a stop word does not spoil the search');
    assert.ok((await search('parkeer de')).includes(p.id), 'nor does it when it comes last');
    assert.deepEqual(await search('klacht zzzqqq'), [], 'every word must match, also when one is common');
    assert.deepEqual(await search('lawaai geluid'), [created.id], 'two words, each in the case');
  });

  test('a department sees only cases it has work on; others answer 404 like a missing case', async () => {
    const act = await phoneComplaint();
    const c = (
      await call('POST', '/api/v1/cases', 'agent', { activityId: act.id, subject: 's', channel: 'phone', complainant: { name: 'X' } })
    ).json();
    assert.equal((await call('GET', `/api/v1/cases/${c.id}`, 'department')).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/cases/00000000-0000-4000-8000-000000000000`, 'department')).statusCode, 404);
    const list = (await call('GET', '/api/v1/cases?limit=100', 'department')).json();
    assert.equal(list.items.length, 0);
  });

  test('transitions over HTTP show the server validation at the fields, and 409 on a stale version', async () => {
    const act = await phoneComplaint();
    const c = (
      await call('POST', '/api/v1/cases', 'agent', { activityId: act.id, subject: 's', channel: 'phone', complainant: { name: 'X' } })
    ).json();
    const missing = await call('POST', `/api/v1/cases/${c.id}/transitions`, 'agent', { transition: 'requestInformation', inputs: {} });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().invalidParams[0].name, 'inputs.informationRequested');
    const ok = await call('POST', `/api/v1/cases/${c.id}/transitions`, 'agent', {
      transition: 'forwardToCoordinator',
      expectedVersion: c.version,
      inputs: { note: 'Compleet' },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'withCoordinator');
    assert.equal(ok.json().notes[0].body, 'Compleet');
    const stale = await call('POST', `/api/v1/cases/${c.id}/transitions`, 'agent', {
      transition: 'cancel',
      expectedVersion: c.version,
      inputs: { cancelReason: 'other', note: 'x' },
    });
    assert.equal(stale.statusCode, 409);
    assert.match(String(stale.headers['content-type']), /problem\+json/);
    const coordinatorView = (await call('GET', `/api/v1/cases/${c.id}`, 'coordinator')).json();
    assert.deepEqual(coordinatorView.abilities.transitions.map((x: { key: string }) => x.key).sort(), [
      'acknowledge',
      'cancel',
      'decline',
      'forwardToOtherBody',
      'requestInformation',
      'returnToFirstLine',
    ]);
  });

  test('notes and data fields are kept with who changed what', async () => {
    const act = await phoneComplaint();
    const c = (
      await call('POST', '/api/v1/cases', 'agent', {
        activityId: act.id,
        subject: 's',
        channel: 'phone',
        complainant: { name: 'X' },
        data: { product: 'A' },
      })
    ).json();
    assert.equal((await call('POST', `/api/v1/cases/${c.id}/notes`, 'agent', { body: 'Klant belt morgen terug.' })).statusCode, 201);
    const patched = await call('PATCH', `/api/v1/cases/${c.id}`, 'agent', { data: { product: 'B' } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().data.product, 'B');
    const timeline = (await call('GET', `/api/v1/cases/${c.id}/timeline`, 'agent')).json().items;
    const change = timeline.find((e: { type: string }) => e.type === 'caseDataChanged');
    assert.deepEqual([change.before, change.after], [{ product: 'A' }, { product: 'B' }]);
  });
});
