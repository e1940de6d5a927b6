import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { plantCases, plantPerson } from '../../analysis/plantCases.ts';
import { processInboundMessage } from '../../mail/inbound/processor.ts';
import { storeRawMessage } from '../../mail/inbound/store.ts';
import { readCorpus } from '../../mail/inbound/testSupport.ts';
import { sweepInboundMail } from '../../mail/inbound/inboundMailJob.ts';
import { purgeQuarantinedMail } from '../../mail/inbound/quarantine.ts';
import { proposeDestructionList } from '../../retention/destructionLists.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * Retention over HTTP: the records manager's destruction list (hold with a reason, approve, the
 * certificate as a download), quarantined mail for mail:quarantine (release, delete, purge), and 403
 * for everyone else.
 */
describe('retention and quarantined mail over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  let ids: Map<string, string>;
  before(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-02T09:00:00Z');
    h.records = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['recordsManager'], name: 'Gerrit de Wit' }));
    h.coordinator = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] }));
    h.agent = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] }));
    const person = await plantPerson(t.services.db, 'Karin Klager');
    ids = await plantCases(t.services.db, [
      { ref: 'R1', received: '2020-02-03T10:00:00Z', closed: '2020-03-02T10:00:00Z', complainantId: person, facts: { outcome: 'judged' } },
      { ref: 'R2', received: '2020-02-04T10:00:00Z', closed: '2020-03-03T10:00:00Z', complainantId: person, facts: { outcome: 'judged' } },
    ]);
    await proposeDestructionList(t.services);
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

  test('403 for those without the permission', async () => {
    for (const [method, url] of [
      ['GET', '/retention/lists'],
      ['POST', `/retention/lists/${ids.get('R1')}/approve`],
      ['GET', '/quarantined-mail'],
      ['DELETE', `/quarantined-mail/${ids.get('R1')}`],
    ] as const) {
      assert.equal((await call(method, url, h.agent!)).statusCode, 403, `${method} ${url}`);
    }
    assert.equal((await call('GET', '/quarantined-mail', h.records!)).statusCode, 403, 'the records manager does not read mail');
    assert.equal((await call('GET', '/retention/lists', h.coordinator!)).statusCode, 403);
  });

  test('the records manager holds one case with a reason, approves, and downloads the certificate', async () => {
    const lists = (await call('GET', '/retention/lists', h.records!)).json().items as { id: string; caseCount: number; status: string }[];
    assert.deepEqual(
      lists.map((l) => [l.caseCount, l.status]),
      [[2, 'proposed']],
    );
    const id = lists[0]!.id;
    const r2 = ids.get('R2')!;
    const bad = await call('POST', `/retention/lists/${id}/cases/${r2}/hold`, h.records!, { reason: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /^application\/problem\+json/);
    assert.equal(bad.json().invalidParams[0].name, 'body.reason');
    const held = await call('POST', `/retention/lists/${id}/cases/${r2}/hold`, h.records!, { reason: 'Bezwaarprocedure loopt' });
    assert.equal(held.statusCode, 200, held.body);
    assert.deepEqual(
      (held.json().cases as { reference: string; held: { reason: string; by: string } | null }[]).map((c) => [
        c.reference,
        c.held?.reason ?? null,
        c.held?.by ?? null,
      ]),
      [
        ['R1', null, null],
        ['R2', 'Bezwaarprocedure loopt', 'Gerrit de Wit'],
      ],
    );
    assert.equal((await call('GET', `/retention/lists/${id}/certificate`, h.records!)).statusCode, 409, 'no certificate before approval');
    await t.services.db
      .insertInto('timeline_event')
      .values({
        case_id: ids.get('R1')!,
        activity_id: null,
        occurred_at: '2020-03-02T10:00:00Z',
        actor_id: null,
        actor_name: 'Systeem',
        type: 'statusChanged',
        before: JSON.stringify({ status: 'a' }),
        after: JSON.stringify({ status: 'closed' }),
        data: JSON.stringify({ transition: 'close', inputs: { note: 'Karin belde' } }),
      })
      .execute();
    const approved = await call('POST', `/retention/lists/${id}/approve`, h.records!);
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal((await call('POST', `/retention/lists/${id}/approve`, h.records!)).statusCode, 409, 'once');
    const cert = await call('GET', `/retention/lists/${id}/certificate`, h.records!);
    assert.match(String(cert.headers['content-disposition']), /attachment; filename="verklaring-van-vernietiging-2026-03\.json"/);
    const body = cert.json();
    assert.deepEqual(
      [body.count, body.approvedBy, body.destroyedOn, body.cases.map((c: { reference: string }) => c.reference), body.held[0].reason],
      [1, 'Gerrit de Wit', '2026-03-02', ['R1'], 'Bezwaarprocedure loopt'],
    );
    assert.match(body.basis, /Selectielijst gemeenten en intergemeentelijke organen 2020/);
    const detail = (await call('GET', `/retention/lists/${id}`, h.records!)).json();
    assert.deepEqual(
      detail.events.map((e: { type: string }) => e.type),
      ['listProposed', 'caseHeld', 'listApproved', 'casesDestroyed'],
    );
    assert.equal(detail.status, 'destroyed');
    // The anonymised case still opens, with its timeline's steps and nothing of what was said.
    const kase = await call('GET', `/cases/${ids.get('R1')}`, h.agent!);
    assert.equal(kase.statusCode, 200, kase.body);
    assert.doesNotMatch(kase.body, /Melding R1/, 'its subject is gone');
    assert.match(kase.body, /Karin Klager/, 'R2, kept, keeps its complainant');
    const timeline = await call('GET', `/cases/${ids.get('R1')}/timeline`, h.agent!);
    assert.equal(timeline.statusCode, 200, timeline.body);
    assert.doesNotMatch(timeline.body, /Karin/);
  });

  test('quarantined mail: listed with its reason, released (processed as normal), deleted, purged after its period', async () => {
    const broken = readCorpus('12-kapotte-mime-grens.eml');
    const store = async (raw: Buffer) => {
      const id = await storeRawMessage(t.services, raw, 'smtp');
      await processInboundMessage(t.services, id);
      return id;
    };
    const a = await store(broken);
    const b = await store(Buffer.from(broken.toString('latin1').replace('Message-ID: <', 'Message-ID: <b-'), 'latin1'));
    const c = await store(Buffer.from(broken.toString('latin1').replace('Message-ID: <', 'Message-ID: <c-'), 'latin1'));
    const list = (await call('GET', '/quarantined-mail', h.coordinator!)).json().items as { id: string; reason: string; purgeOn: string }[];
    assert.deepEqual(new Set(list.map((m) => m.id)), new Set([a, b, c]));
    assert.match(list[0]!.reason, /^malformed: MIME boundary/);
    assert.equal(list[0]!.purgeOn, '2026-04-01', '30 days by default');

    assert.equal((await call('POST', `/quarantined-mail/${a}/release`, h.coordinator!)).statusCode, 204);
    assert.equal((await call('POST', `/quarantined-mail/${a}/release`, h.coordinator!)).statusCode, 409, 'no longer in quarantine');
    await sweepInboundMail(t.services);
    const released = await t.services.db
      .selectFrom('inbound_message')
      .select(['status', 'activity_id'])
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    assert.equal(released.status, 'activity', 'processed as any new mail: an activity in the queue');
    assert.ok(released.activity_id);

    assert.equal((await call('DELETE', `/quarantined-mail/${b}`, h.coordinator!)).statusCode, 204);
    assert.equal(await t.services.db.selectFrom('inbound_message').select('id').where('id', '=', b).executeTakeFirst(), undefined);

    t.clock.set('2026-04-02T09:00:00Z');
    await purgeQuarantinedMail(t.services);
    assert.equal(
      await t.services.db.selectFrom('inbound_message').select('id').where('id', '=', c).executeTakeFirst(),
      undefined,
      'purged',
    );
    const steps = await t.services.db
      .selectFrom('retention_event')
      .select('type')
      .where('type', 'in', ['mailReleased', 'mailDeleted', 'mailPurged'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      steps.map((s) => s.type),
      ['mailReleased', 'mailDeleted', 'mailPurged'],
    );
  });
});
