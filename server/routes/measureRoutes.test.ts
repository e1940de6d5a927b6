import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/** Seed 002 steps 3–7 over HTTP: permissions, problem+json naming fields, the loop and the per-case panel. */
describe('improvement measures over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  const who: Record<string, StaffActor> = {};
  before(async () => {
    t = await createTestApp();
    who.quality = await buildStaff(t.services, { roles: ['qualityOfficer'], teams: ['coordinators'], name: 'Quinta Kwaliteit' });
    who.owner = await buildStaff(t.services, { roles: ['backOffice'], teams: ['backOffice'], name: 'Otto Eigenaar' });
    who.agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
    who.dispatcher = await buildStaff(t.services, { roles: ['dispatcher'], teams: ['kcc'] });
    who.admin = await buildStaff(t.services, { roles: ['administrator'] });
    who.officer = await buildStaff(t.services, { roles: ['complaintsOfficer'] });
    await at('2026-03-02T09:00:00Z');
  });
  /** Moves the clock and logs everyone in again (a session lasts an hour on the test clock). */
  const at = async (iso: string) => {
    t.clock.set(iso);
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
  };
  after(() => t.close());
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, as: string, payload?: object, expect = 200) => {
    const res = await t.app.inject({ method, url, headers: h[as], ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, expect, `${method} ${url}: ${res.body}`);
    return { body: res.json(), type: String(res.headers['content-type']) };
  };

  test('the quality officer records a measure on a complaint, the owner carries it out, the check sends it back, then it is effective', async () => {
    await at('2026-03-02T09:00:00Z');
    const c = (
      await call(
        'POST',
        '/api/v1/cases',
        'agent',
        { subject: 'Niet teruggebeld', description: 'Twee keer beloofd.', channel: 'phone', complainant: { name: 'Ria' } },
        201,
      )
    ).body;
    const created = (
      await call(
        'POST',
        '/api/v1/measures',
        'quality',
        {
          description: 'Terugbelverzoeken in één lijst',
          ownerId: who.owner!.id,
          dueDate: '2026-04-01',
          caseIds: [c.id],
          ground: 'communication',
        },
        201,
      )
    ).body;
    assert.equal(created.measure.status, 'open');
    assert.equal(created.measure.owner.name, 'Otto Eigenaar');
    assert.deepEqual(
      created.cases.map((x: { reference: string }) => x.reference),
      [c.reference],
    );
    assert.equal(created.counts.before.length, 3);
    const id = created.measure.id as string;

    // The case page's panel: what was done about this complaint.
    const panel = (await call('GET', `/api/v1/cases/${c.id}/measures`, 'agent')).body;
    assert.deepEqual(
      panel.items.map((m: { id: string }) => m.id),
      [id],
    );

    // The owner (no measure:manage) sharpens their own measure and marks it carried out; an agent may not.
    await call('PATCH', `/api/v1/measures/${id}`, 'agent', { dueDate: '2026-03-20' }, 403);
    const none = await call('PATCH', `/api/v1/measures/${id}`, 'owner', {}, 400);
    assert.equal(none.body.invalidParams[0].name, 'body.description');
    const edited = (await call('PATCH', `/api/v1/measures/${id}`, 'owner', { dueDate: '2026-03-20' })).body;
    assert.equal(edited.measure.dueDate, '2026-03-20');
    assert.deepEqual(edited.history.at(-1).data, { before: { dueDate: '2026-04-01' }, after: { dueDate: '2026-03-20' } });
    await call('POST', `/api/v1/measures/${id}/carried-out`, 'agent', { carriedOutOn: '2026-03-02' }, 403);
    const done = (await call('POST', `/api/v1/measures/${id}/carried-out`, 'owner', { carriedOutOn: '2026-03-02' })).body;
    assert.equal(done.measure.status, 'carriedOut');
    assert.equal(done.counts.after.length, 3);

    // Only the quality officer checks; bad input names the field in the user's words.
    await call('POST', `/api/v1/measures/${id}/check`, 'owner', { method: 'x', conclusion: 'y', effective: true }, 403);
    const bad = await call(
      'POST',
      `/api/v1/measures/${id}/check`,
      'quality',
      { method: '', conclusion: 'Werkt niet', effective: false },
      400,
    );
    assert.match(bad.type, /application\/problem\+json/);
    assert.ok(bad.body.invalidParams.some((p: { name: string; reason: string }) => p.name === 'body.method' || p.name === 'method'));
    const noDate = await call(
      'POST',
      `/api/v1/measures/${id}/check`,
      'quality',
      { method: 'Steekproef', conclusion: 'Werkt niet', effective: false },
      400,
    );
    assert.deepEqual(
      noDate.body.invalidParams.map((p: { name: string }) => p.name),
      ['newDueDate'],
    );
    await at('2026-03-10T09:00:00Z');
    const back = (
      await call('POST', `/api/v1/measures/${id}/check`, 'quality', {
        method: 'Steekproef',
        conclusion: 'Nog steeds niet teruggebeld.',
        effective: false,
        newDueDate: '2026-05-01',
      })
    ).body;
    assert.equal(back.measure.status, 'open');
    assert.equal(back.measure.dueDate, '2026-05-01');
    assert.deepEqual(
      back.history.map((e: { type: string }) => e.type),
      ['recorded', 'edited', 'carriedOut', 'checkedNotEffective'],
    );
    await at('2026-03-11T09:00:00Z');
    await call('POST', `/api/v1/measures/${id}/carried-out`, 'owner', { carriedOutOn: '2026-03-11' });
    await at('2026-03-12T09:00:00Z');
    const closed = (
      await call('POST', `/api/v1/measures/${id}/check`, 'quality', { method: 'Steekproef', conclusion: 'Werkt.', effective: true })
    ).body;
    assert.equal(closed.measure.status, 'effective');
    const checked = (await call('GET', '/api/v1/measures?view=checked', 'quality')).body;
    assert.ok(checked.items.some((m: { id: string; caseCount: number }) => m.id === id && m.caseCount === 1));
    // Twice: the state no longer allows it.
    await call('POST', `/api/v1/measures/${id}/check`, 'quality', { method: 'x', conclusion: 'y', effective: true }, 409);
    await call('PATCH', `/api/v1/measures/${id}`, 'owner', { description: 'Anders' }, 409);
  });

  test('a later complaint is linked to the measure that answers it: once, in its history and on its timeline', async () => {
    await at('2026-05-04T09:00:00Z');
    const newCase = async (subject: string) =>
      (
        await call(
          'POST',
          '/api/v1/cases',
          'agent',
          { subject, description: 'Weer niet.', channel: 'phone', complainant: { name: 'Bas' } },
          201,
        )
      ).body;
    const first = await newCase('Niet teruggebeld');
    const later = await newCase('Weer niet teruggebeld');
    const m = (
      await call(
        'POST',
        '/api/v1/measures',
        'quality',
        { description: 'Terugbelnotities in het dossier', ownerId: who.owner!.id, dueDate: '2026-06-01', caseIds: [first.id] },
        201,
      )
    ).body.measure;
    const linked = (await call('POST', `/api/v1/measures/${m.id}/cases`, 'quality', { caseId: later.id })).body;
    assert.deepEqual(linked.cases.map((c: { reference: string }) => c.reference).sort(), [first.reference, later.reference].sort());
    await call('POST', `/api/v1/measures/${m.id}/cases`, 'quality', { caseId: later.id });
    const again = (await call('GET', `/api/v1/measures/${m.id}`, 'quality')).body;
    assert.equal(again.cases.length, 2, 'linking twice changes nothing');
    assert.equal(again.history.filter((e: { type: string }) => e.type === 'caseLinked').length, 1);
    const ofCase = (await call('GET', `/api/v1/cases/${later.id}/measures`, 'quality')).body.items;
    assert.deepEqual(
      ofCase.map((x: { id: string }) => x.id),
      [m.id],
    );
    const timeline = (await call('GET', `/api/v1/cases/${later.id}/timeline`, 'quality')).body;
    assert.ok(JSON.stringify(timeline).includes('measureLinked'), 'the case timeline says a measure answers it');
    await call('POST', `/api/v1/measures/${m.id}/cases`, 'agent', { caseId: later.id }, 403);
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/measures/${m.id}/cases`, headers: h.quality, payload: { caseId: 'x' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().invalidParams[0].name.replace(/^body\./, ''), 'caseId');
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/v1/measures/${m.id}/cases`,
      headers: h.quality,
      payload: { caseId: '00000000-0000-4000-8000-000000000000' },
    });
    assert.equal(unknown.statusCode, 400);
  });

  test('bad input: 400 problem+json naming each field, never a 500', async () => {
    const res = await call(
      'POST',
      '/api/v1/measures',
      'quality',
      { description: '', ownerId: 'nobody', dueDate: '31-12-2026', caseIds: ['x'] },
      400,
    );
    assert.match(res.type, /application\/problem\+json/);
    const names = res.body.invalidParams.map((p: { name: string }) => p.name.replace(/^body\./, ''));
    for (const f of ['description', 'ownerId', 'dueDate', 'caseIds.0']) assert.ok(names.includes(f), `${f} in ${names}`);
    const reasons = res.body.invalidParams.map((p: { reason: string }) => p.reason).join(' ');
    assert.match(reasons, /Beschrijf de maatregel/);
    await call('GET', '/api/v1/measures?view=nonsense', 'quality', undefined, 400);
    await call('GET', '/api/v1/measures?cursor=bm9wZQ', 'quality', undefined, 400);
    await call('GET', '/api/v1/measures/00000000-0000-0000-0000-000000000000', 'quality', undefined, 404);
  });

  test('permissions: a dispatcher and an administrator see no measures; an agent and the complaints officer may read but not record', async () => {
    await call('GET', '/api/v1/measures', 'dispatcher', undefined, 403);
    await call('GET', '/api/v1/measures', 'admin', undefined, 403);
    await call('GET', '/api/v1/measures', 'agent');
    // The klachtenfunctionaris (Wkkgz) follows what the organisation learns from complaints: every measure, read only.
    const seen = (await call('GET', '/api/v1/measures?view=all', 'officer')).body;
    assert.ok(seen.items.length >= 1, 'the complaints officer sees the measures');
    await call(
      'POST',
      '/api/v1/measures',
      'officer',
      { description: 'x', ownerId: who.officer!.id, dueDate: '2026-12-01', source: 'systemReview' },
      403,
    );
    await call(
      'POST',
      '/api/v1/measures',
      'agent',
      { description: 'x', ownerId: who.agent!.id, dueDate: '2026-12-01', source: 'systemReview' },
      403,
    );
  });
});
