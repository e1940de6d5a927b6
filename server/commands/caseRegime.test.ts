import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { approveLetter } from '../letters/approveLetter.ts';
import { draftLetter } from '../letters/draftLetter.ts';
import { editLetter } from '../letters/editLetter.ts';
import { caseAtDecisionLetter, kccPeople, type KccPeople } from '../letters/testSupport.ts';
import { asActor, createTestApp, loginHeaders } from '../test/harness.ts';
import { transitionCase } from './caseTransitioner.ts';

/**
 * A case's regime over HTTP (PUT /cases/{id}/regime): only the regimes its process allows, never on
 * a closed case or after the decision letter was approved; the clocks follow (6 → 10 weeks with an
 * advisory committee) and the timeline says before → after. And what the decision does with the
 * committee's advice (PUT /cases/{id}/committee-advice).
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let p: KccPeople;
const h: Record<string, Record<string, string>> = {};
before(async () => {
  t = await createTestApp({ poolSize: 4 });
  p = await kccPeople(t);
  for (const [k, a] of Object.entries(p)) h[k] = await loginHeaders(t.services, a);
});
after(() => t.close());

type Detail = {
  version: number;
  regime: string;
  regimes: string[];
  deadline: string | null;
  abilities: { changeRegime: boolean; recordAdvice: boolean };
  clocks: { key: string; rule: { nl: string }; adjustedEnd: string }[];
  facts: { key: string; value: unknown }[];
};
const call = (method: 'GET' | 'PUT', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: h[who], ...(payload ? { payload } : {}) });
const get = async (id: string, who = 'coordinator') => (await call('GET', `/cases/${id}`, who)).json() as Detail;
const handling = (d: Detail) => d.clocks.find((k) => k.key === 'handling')!;
const problem = (res: Awaited<ReturnType<typeof call>>) => {
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  return res.json() as { detail: string; invalidParams?: { name: string; reason: string }[] };
};
const events = (caseId: string, type: string) =>
  t.services.db
    .selectFrom('timeline_event')
    .select(['before', 'after', 'actor_name'])
    .where('case_id', '=', caseId)
    .where('type', '=', type)
    .orderBy('id')
    .execute();

describe('PUT /cases/{id}/regime', () => {
  test('the coordinator gives a case the committee regime: 10 weeks instead of 6, stored deadline and timeline follow', async () => {
    const caseId = await caseAtDecisionLetter(t, p);
    const before = await get(caseId);
    assert.equal(before.regime, 'awb');
    assert.deepEqual(before.regimes, ['awb', 'awbCommittee']);
    assert.equal(before.abilities.changeRegime, true);
    assert.equal((await get(caseId, 'backOffice')).abilities.changeRegime, false, 'back office may not');
    assert.match(handling(before).rule.nl, /^6 weken na ontvangst/);

    const res = await call('PUT', `/cases/${caseId}/regime`, 'coordinator', { regime: 'awbCommittee', expectedVersion: before.version });
    assert.equal(res.statusCode, 200, res.body);
    const after = res.json() as Detail;
    assert.equal(after.regime, 'awbCommittee');
    assert.match(handling(after).rule.nl, /^10 weken na ontvangst, klachtadviesprocedure/);
    assert.equal(after.deadline, handling(after).adjustedEnd, 'the stored deadline is the new one');
    assert.ok(after.deadline! > before.deadline!);
    assert.equal(after.abilities.recordAdvice, true);
    assert.deepEqual(await events(caseId, 'regimeChanged'), [
      {
        before: { regime: 'awb', deadline: before.deadline },
        after: { regime: 'awbCommittee', deadline: after.deadline },
        actor_name: 'Kees Coördinator',
      },
    ]);

    // The same regime again changes nothing; back to the process's own brings the 6 weeks back.
    assert.equal((await call('PUT', `/cases/${caseId}/regime`, 'coordinator', { regime: 'awbCommittee' })).statusCode, 200);
    assert.equal((await events(caseId, 'regimeChanged')).length, 1);
    const back = (await call('PUT', `/cases/${caseId}/regime`, 'coordinator', { regime: 'awb' })).json() as Detail;
    assert.equal(back.deadline, before.deadline);
  });

  test('refused: a regime the process does not allow (400 at regime), a stale version, no permission', async () => {
    const caseId = await caseAtDecisionLetter(t, p);
    const wrong = await call('PUT', `/cases/${caseId}/regime`, 'coordinator', { regime: 'wkkgz' });
    assert.equal(wrong.statusCode, 400);
    const [param] = problem(wrong).invalidParams!;
    assert.equal(param!.name, 'regime');
    assert.match(param!.reason, /Kies een klachtregeling van dit proces: Awb hoofdstuk 9, Awb hoofdstuk 9 met klachtadviescommissie\./);
    const unknown = await call('PUT', `/cases/${caseId}/regime`, 'coordinator', { regime: 'gemeente' });
    assert.equal(unknown.statusCode, 400);
    assert.ok(problem(unknown).invalidParams!.some((x) => /regime/.test(x.name)));

    const stale = await call('PUT', `/cases/${caseId}/regime`, 'coordinator', { regime: 'awbCommittee', expectedVersion: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal((await call('PUT', `/cases/${caseId}/regime`, 'backOffice', { regime: 'awbCommittee' })).statusCode, 403);
    assert.equal((await get(caseId)).regime, 'awb', 'nothing changed');
  });

  test('refused once the decision letter is approved, and on a closed case (409, in plain Dutch)', async () => {
    const caseId = await caseAtDecisionLetter(t, p);
    const { id } = await asActor(t.services, p.backOffice, (ctx) => draftLetter(ctx, { caseId, kind: 'decision' }));
    const edited = await asActor(t.services, p.backOffice, (ctx) =>
      editLetter(ctx, {
        letterId: id,
        expectedVersion: 1,
        sections: [
          { key: 'findings', text: 'Wij hebben met de medewerker gesproken.' },
          { key: 'conclusions', text: 'Wij bespreken dit in het team.' },
        ],
      }),
    );
    await asActor(t.services, p.coordinator, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: edited.version }));
    assert.equal((await get(caseId)).abilities.changeRegime, false);
    const decided = await call('PUT', `/cases/${caseId}/regime`, 'coordinator', { regime: 'awbCommittee' });
    assert.equal(decided.statusCode, 409);
    assert.match(problem(decided).detail, /Het besluit op deze klacht is al goedgekeurd/);

    const other = await caseAtDecisionLetter(t, p);
    await asActor(t.services, p.coordinator, (ctx) =>
      transitionCase(ctx, { caseId: other, transition: 'cancel', inputs: { cancelReason: 'duplicate', note: 'Dubbel.' } }),
    );
    const closed = await call('PUT', `/cases/${other}/regime`, 'coordinator', { regime: 'awbCommittee' });
    assert.equal(closed.statusCode, 409);
    assert.match(problem(closed).detail, /De melding is afgesloten/);
    assert.equal((await get(other)).abilities.changeRegime, false);
  });

  test('the route and its body are in the OpenAPI document, with a Dutch summary', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const put = doc.paths['/cases/{id}/regime'].put;
    assert.match(put.summary, /Klachtregeling/);
    const body = put.requestBody.content['application/json'].schema;
    assert.deepEqual(body.properties.regime.enum, ['awb', 'awbCommittee', 'wkkgz', 'reglement']);
    assert.ok(doc.paths['/cases/{id}/committee-advice'].put);
  });
});

describe('PUT /cases/{id}/committee-advice', () => {
  test('only with an advisory committee; a departure needs its reason; the facts are on the case', async () => {
    const caseId = await caseAtDecisionLetter(t, p);
    const none = await call('PUT', `/cases/${caseId}/committee-advice`, 'backOffice', { followsAdvice: true });
    assert.equal(none.statusCode, 409);
    assert.match(problem(none).detail, /Onder Awb hoofdstuk 9 adviseert geen commissie/);

    await call('PUT', `/cases/${caseId}/regime`, 'coordinator', { regime: 'awbCommittee' });
    const noReason = await call('PUT', `/cases/${caseId}/committee-advice`, 'backOffice', { followsAdvice: false, departureReason: '  ' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(problem(noReason).invalidParams![0]!.name, 'departureReason');

    const ok = await call('PUT', `/cases/${caseId}/committee-advice`, 'backOffice', {
      followsAdvice: false,
      departureReason: 'Het advies ging uit van een oude regel.',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const facts = Object.fromEntries((ok.json() as Detail).facts.map((f) => [f.key, f.value]));
    assert.equal(facts.followsAdvice, false);
    assert.equal(facts.adviceDepartureReason, 'Het advies ging uit van een oude regel.');
    // Following the advice after all clears the reason.
    const follows = (await call('PUT', `/cases/${caseId}/committee-advice`, 'backOffice', { followsAdvice: true })).json() as Detail;
    assert.deepEqual(
      follows.facts.filter((f) => f.key === 'followsAdvice' || f.key === 'adviceDepartureReason').map((f) => [f.key, f.value]),
      [['followsAdvice', true]],
    );
    const [first] = await events(caseId, 'committeeAdviceRecorded');
    assert.deepEqual(first!.after, { followsAdvice: false, adviceDepartureReason: 'Het advies ging uit van een oude regel.' });
  });
});
