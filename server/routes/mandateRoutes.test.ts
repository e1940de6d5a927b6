import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR, type StaffActor } from '../commands/context.ts';
import { submitPortalComplaint } from '../commands/portalSubmission.ts';
import { asActor, buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

type Mandate = {
  id: string;
  represented: { id: string; name: string };
  representative: { id: string; name: string };
  verification: string;
  validFrom: string;
  validUntil: string | null;
  recordedByName: string;
  revokedAt: string | null;
};

/** Seed 003: a family carer's mandate is recorded once and reused; expired or revoked ones are not. */
describe('mandates: recorded once at intake, reused, revoked, moved by a person merge', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  const who: Record<string, StaffActor> = {};
  before(async () => {
    t = await createTestApp();
    who.agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'], name: 'Anouk Agent' });
    who.coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
  });
  after(() => t.close());
  const call = async (method: 'GET' | 'POST', url: string, as: string, payload?: object, expect = 200) => {
    const res = await t.app.inject({ method, url, headers: h[as], ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, expect, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const register = (complainant: object, representative?: object, expect = 201) =>
    call(
      'POST',
      '/api/v1/cases',
      'agent',
      { subject: 'Uitkering van mijn neef', description: 'Hij hoort niets.', channel: 'phone', complainant, representative },
      expect,
    );
  const detail = (id: string) => call('GET', `/api/v1/cases/${id}`, 'coordinator');
  const lookup = async (representedId: string, representativeId: string) =>
    (await call('POST', '/api/v1/mandate-lookups', 'agent', { representedId, representativeId })).mandate as Mandate | null;
  const mandateRows = () => t.services.db.selectFrom('mandate').select('id').execute();
  const written = { verification: 'writtenAuthorisation', validFrom: '2026-03-02' };

  test('recorded once at the first intake; the second case reuses it without asking again', async () => {
    const first = await register(
      { name: 'Youssef Amrani', phone: '06 1111 2222' },
      { person: { name: 'Evi Jansen', phone: '06 3333 4444' }, relation: 'mantelzorger', mandate: written },
    );
    const one = await detail(first.id);
    const youssef = one.complainant.id as string;
    const evi = one.representative.id as string;
    assert.equal(one.mandate.represented.id, youssef);
    assert.equal(one.mandate.representative.name, 'Evi Jansen');
    assert.equal(one.mandate.verification, 'writtenAuthorisation');
    assert.equal(one.mandate.validFrom, '2026-03-02');
    assert.equal(one.mandate.recordedByName, 'Anouk Agent');
    assert.equal(one.mandateCheckPending, false);

    // At the next contact the intake finds it: no mandate in the body, yet the case relies on it.
    assert.equal((await lookup(youssef, evi))?.id, one.mandate.id);
    const second = await register({ personId: youssef }, { person: { personId: evi }, relation: 'mantelzorger' });
    assert.equal((await detail(second.id)).mandate.id, one.mandate.id);
    // Sent again by a form opened earlier, it is still not recorded twice.
    const third = await register({ personId: youssef }, { person: { personId: evi }, relation: 'mantelzorger', mandate: written });
    assert.equal((await detail(third.id)).mandate.id, one.mandate.id);
    assert.equal((await mandateRows()).length, 1);
    // It holds one way: Youssef does not act for Evi.
    assert.equal(await lookup(evi, youssef), null);
  });

  test('an expired mandate and a revoked one are not reused', async () => {
    const first = await register(
      { name: 'Kees Vermeer' },
      {
        person: { name: 'Ans Vermeer' },
        relation: 'dochter',
        mandate: { verification: 'phoneWithRepresentedPresent', validFrom: '2026-01-01', validUntil: '2026-04-30' },
      },
    );
    const d = await detail(first.id);
    const [kees, ans] = [d.complainant.id as string, d.representative.id as string];
    assert.equal((await lookup(kees, ans))?.validUntil, '2026-04-30');
    t.clock.set('2026-05-01T08:00:00Z');
    // A session lasts hours, not months: log in again on the later day.
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
    assert.equal(await lookup(kees, ans), null, 'expired the day after its last day');
    const afterExpiry = await register({ personId: kees }, { person: { personId: ans }, relation: 'dochter' });
    assert.equal((await detail(afterExpiry.id)).mandate, null);

    // A new one, then revoked by a coordinator (an agent may not).
    const renewed = await register(
      { personId: kees },
      { person: { personId: ans }, relation: 'dochter', mandate: { verification: 'legalRepresentative', validFrom: '2026-05-01' } },
    );
    const mandate = (await detail(renewed.id)).mandate as Mandate;
    assert.notEqual(mandate.id, d.mandate.id);
    await call('POST', `/api/v1/mandates/${mandate.id}/revoke`, 'agent', undefined, 403);
    const revoked = (await call('POST', `/api/v1/mandates/${mandate.id}/revoke`, 'coordinator')).mandate as Mandate;
    assert.ok(revoked.revokedAt);
    await call('POST', `/api/v1/mandates/${mandate.id}/revoke`, 'coordinator', undefined, 409);
    assert.equal(await lookup(kees, ans), null);
    const afterRevoke = await register({ personId: kees }, { person: { personId: ans }, relation: 'dochter' });
    assert.equal((await detail(afterRevoke.id)).mandate, null);
    // The case that relied on it still shows which mandate it was, now revoked, and its timeline says so.
    assert.ok((await detail(renewed.id)).mandate.revokedAt);
    const events = (await call('GET', `/api/v1/cases/${renewed.id}/timeline?limit=500`, 'coordinator')).items as { type: string }[];
    assert.equal(events.filter((e) => e.type === 'mandateRevoked').length, 1);
  });

  test('bad input names the field; a mandate for oneself is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.agent,
      payload: {
        subject: 'Klacht',
        channel: 'phone',
        complainant: { name: 'A' },
        representative: {
          person: { name: 'B' },
          relation: 'buur',
          mandate: { verification: 'writtenAuthorisation', validFrom: '2026-05-01', validUntil: '2026-04-01' },
        },
      },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().invalidParams[0].name, 'body.representative.mandate.validUntil');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mandate-lookups',
      headers: h.agent,
      payload: { representedId: 'geen-id' },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.representativeId', 'body.representedId'],
    );
    const solo = await register({ name: 'Piet' });
    const piet = (await detail(solo.id)).complainant.id;
    const self = await register({ personId: piet }, { person: { personId: piet }, relation: 'zelf', mandate: written }, 400);
    assert.equal(self.invalidParams[0].name, 'representative.mandate.representativeId');
  });

  test('a portal complaint for someone else is not trusted: the mandate is checked and recorded on the case', async () => {
    const portal = await asActor(t.services, SYSTEM_ACTOR, (ctx) =>
      submitPortalComplaint(ctx, {
        subject: 'Voor mijn neef',
        description: 'Mijn neef kan het zelf niet regelen.',
        contactPreference: 'email',
        complainant: { kind: 'person', name: 'Evi Jansen', email: 'evi@example.org' },
        onBehalfOf: { name: 'Youssef Amrani', relation: 'tante' },
      }),
    );
    const before = await detail(portal.caseId);
    assert.equal(before.representative.name, 'Evi Jansen');
    assert.equal(before.mandate, null);
    assert.equal(before.mandateCheckPending, true);
    const linked = await call('POST', `/api/v1/cases/${portal.caseId}/mandate`, 'coordinator', written, 201);
    assert.equal(linked.reused, false);
    const after = await detail(portal.caseId);
    assert.equal(after.mandate.id, linked.mandate.id);
    assert.equal(after.mandateCheckPending, false);
    const events = (await call('GET', `/api/v1/cases/${portal.caseId}/timeline?limit=500`, 'coordinator')).items as { type: string }[];
    assert.ok(events.some((e) => e.type === 'mandateLinked'));
  });

  test('a person merge moves mandates to the record that stays; undo puts them back exactly', async () => {
    const first = await register(
      { name: 'Marco de Wit', email: 'marco@example.org' },
      { person: { name: 'Sanne de Wit', email: 'sanne@example.org' }, relation: 'zus', mandate: written },
    );
    const d = await detail(first.id);
    const [marco, sanne] = [d.complainant.id as string, d.representative.id as string];
    // A duplicate record of Sanne, with a mandate of its own for another person.
    const other = await register(
      { name: 'Opa de Wit' },
      { person: { name: 'S. de Wit', email: 'SANNE@example.org' }, relation: 'kleindochter', mandate: written },
    );
    const od = await detail(other.id);
    const [opa, sanneCopy] = [od.complainant.id as string, od.representative.id as string];
    assert.equal(await lookup(opa, sanne), null);

    const merge = await call('POST', '/api/v1/person-merges', 'coordinator', { survivorId: sanne, duplicateId: sanneCopy }, 201);
    assert.equal((await lookup(opa, sanne))?.id, od.mandate.id, 'the mandate followed the person');
    assert.equal((await lookup(marco, sanne))?.id, d.mandate.id, 'the survivor keeps its own');
    const again = await register({ personId: opa }, { person: { personId: sanne }, relation: 'kleindochter' });
    assert.equal((await detail(again.id)).mandate.id, od.mandate.id);

    await call('POST', `/api/v1/person-merges/${merge.id}/undo`, 'coordinator');
    assert.equal(await lookup(opa, sanne), null);
    assert.equal((await lookup(opa, sanneCopy))?.id, od.mandate.id);
    assert.equal((await lookup(marco, sanne))?.id, d.mandate.id, 'undo moves back only what the merge moved');
  });
});
