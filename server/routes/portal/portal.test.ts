import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';
import { validateComplaint } from './complaintInput.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let agent: StaffActor;
let staff: Record<string, string>;

before(async () => {
  t = await createTestApp();
  agent = await buildStaff(t.services, { roles: ['firstLineAgent', 'coordinator'], teams: ['kcc', 'coordinators'] });
  staff = await loginHeaders(t.services, agent);
});
after(() => t.close());

const form = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  subject: 'Niemand belt terug',
  description: 'Ik heb drie keer gebeld en niemand belt terug over mijn aanvraag.',
  contactPreference: 'email',
  name: 'Evi Jangha',
  email: `evi${Math.random().toString(16).slice(2, 8)}@example.org`,
  privacyAccepted: true,
  ...over,
});
const submit = (body: object, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/portal/complaints', payload: body, remoteAddress: ip });
const tokenOf = (url: string) => url.split('/volgen/')[1]!;

describe('the citizen portal API', () => {
  test('submit → reference, tracking link and expected date; the case waits in the intake queue', async () => {
    const res = await submit(form({ onBehalfOf: true, behalfName: 'Ahmed Jangha', behalfRelation: 'mantelzorger' }));
    assert.equal(res.statusCode, 201, res.body);
    const { reference, trackingUrl, expectedBy } = res.json();
    assert.match(reference, /^KL-2026-\d{6}$/);
    assert.match(trackingUrl, /^http:\/\/klachtflow\.test\/volgen\/[A-Za-z0-9_-]{43}$/);
    assert.equal(expectedBy, '2026-04-13');
    const track = await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${tokenOf(trackingUrl)}` });
    assert.equal(track.statusCode, 200);
    const view = track.json();
    assert.equal(view.reference, reference);
    assert.deepEqual(
      view.steps.map((s: { state: string }) => s.state),
      ['current', 'upcoming', 'upcoming', 'upcoming', 'upcoming'],
    );
    assert.equal(view.status.label.nl, 'We hebben uw klacht ontvangen');
    const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/activities?queue=team&channel=web', headers: staff })).json();
    const item = queue.items.find((a: { caseReference: string }) => a.caseReference === reference);
    assert.ok(item, 'an open web activity is in the intake queue');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${item.caseId}`, headers: staff })).json();
    assert.equal(detail.complainant.name, 'Ahmed Jangha');
    assert.equal(detail.representative.name, 'Evi Jangha');
    assert.equal(detail.representativeRelation, 'mantelzorger');
  });

  test('an information request shows its question; the answer resumes the case and reaches the handler', async () => {
    const { trackingUrl, reference } = (await submit(form())).json();
    const token = tokenOf(trackingUrl);
    const caseId = (await t.services.db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;
    const req = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/transitions`,
      headers: staff,
      payload: { transition: 'requestInformation', inputs: { informationRequested: 'Wat is uw klantnummer?' } },
    });
    assert.equal(req.statusCode, 200, req.body);
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${token}` })).json();
    assert.equal(view.informationRequest.question, 'Wat is uw klantnummer?');
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/cases/${token}/answers`,
      payload: { text: 'Mijn klantnummer is 12345.' },
    });
    assert.equal(answer.statusCode, 201, answer.body);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: staff })).json();
    assert.equal(detail.status, 'registered', 'the case resumed');
    assert.ok(detail.activities.some((a: { subject: string }) => a.subject.startsWith('Reactie van klager')));
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${token}` })).json();
    assert.equal(after.informationRequest, null);
  });

  test('one case link never reads another case, and internal notes never show', async () => {
    const a = (await submit(form({ subject: 'Klacht A' }))).json();
    const b = (await submit(form({ subject: 'Klacht B' }))).json();
    const caseA = (await t.services.db.selectFrom('cases').select('id').where('reference', '=', a.reference).executeTakeFirstOrThrow()).id;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseA}/notes`,
      headers: staff,
      payload: { body: 'GEHEIM: interne afweging' },
    });
    const viewA = await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${tokenOf(a.trackingUrl)}` });
    assert.equal(viewA.json().subject, 'Klacht A');
    assert.doesNotMatch(viewA.body, /GEHEIM/);
    const viewB = (await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${tokenOf(b.trackingUrl)}` })).json();
    assert.equal(viewB.subject, 'Klacht B');
    const tokenA = tokenOf(a.trackingUrl);
    const oneCharOff = tokenA.slice(0, -1) + (tokenA.endsWith('A') ? 'B' : 'A');
    for (const bad of ['x'.repeat(43), oneCharOff, caseA]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${bad}` });
      assert.equal(res.statusCode, 404);
      assert.doesNotMatch(res.body, /Klacht A|Klacht B/);
    }
    await t.services.db.updateTable('case_access').set({ revoked_at: t.services.clock.now() }).where('case_id', '=', caseA).execute();
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${tokenOf(a.trackingUrl)}` })).statusCode,
      404,
      'a revoked link stops working',
    );
  });

  test('errors are in Dutch at their fields; reports and requests are sent on; the honeypot stops robots; nothing is stored', async () => {
    const count = async () =>
      Number(
        (
          await t.services.db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = await submit({
      kind: 'complaint',
      subject: '',
      description: 'kort',
      contactPreference: 'email',
      name: '',
      email: 'geen',
      privacyAccepted: false,
    });
    assert.equal(bad.statusCode, 400);
    const reasons = Object.fromEntries(bad.json().invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]));
    assert.match(reasons['body.subject'], /Vul in waar uw klacht over gaat/);
    assert.match(reasons['body.email'], /geldig e-mailadres/);
    assert.match(reasons['body.privacyAccepted'], /privacyverklaring/);
    const report = await submit(form({ kind: 'report' }));
    assert.equal(report.statusCode, 400);
    assert.equal(report.json().invalidParams[0].code, 'notAComplaint');
    assert.equal((await submit(form({ website: 'http://spam.example' }))).statusCode, 400);
    const noPhone = await submit(form({ contactPreference: 'phone' }));
    assert.equal(noPhone.json().invalidParams[0].name, 'complainant.phone');
    assert.equal(await count(), before);
  });

  test('a phone number, Dutch or from abroad in any spelling, is stored as E.164; one that is none is refused at its field in plain Dutch', async () => {
    // An address of its own: the portal takes ten complaints an hour per address, and the tests before
    // this one use most of the default address's.
    const ip = '10.2.0.1';
    const stored = async (phone: string) => {
      const res = await submit(form({ contactPreference: 'phone', email: undefined, phone }), ip);
      assert.equal(res.statusCode, 201, res.body);
      const row = await t.services.db
        .selectFrom('cases')
        .innerJoin('person', 'person.id', 'cases.complainant_id')
        .select('person.phone')
        .where('cases.reference', '=', res.json().reference)
        .executeTakeFirstOrThrow();
      return row.phone;
    };
    assert.equal(await stored('0031 6-1234 5678'), '+31612345678');
    assert.equal(await stored('+32 470 12 34 56'), '+32470123456');
    for (const phone of ['06 1234', '0612345678 toestel 12', '+31 6 1234 5678 9']) {
      const bad = await submit(form({ contactPreference: 'phone', phone }), ip);
      assert.equal(bad.statusCode, 400, phone);
      assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
      const [param] = bad.json().invalidParams;
      assert.equal(param.name, 'body.phone', phone);
      assert.match(param.reason, /^Dit telefoonnummer klopt niet\. Schrijf het zo: 06 12345678\./);
    }
  });

  test("the complaint rules are the form's: someone filing for another person says who and what they are to them", async () => {
    const res = await submit(form({ onBehalfOf: true }));
    assert.equal(res.statusCode, 400);
    const reasons: Record<string, string> = Object.fromEntries(
      res.json().invalidParams.map((p: { name: string; reason: string }) => [p.name, p.reason]),
    );
    const onTheForm = validateComplaint({ ...form(), privacyAccepted: 'on', onBehalfOf: 'true' } as Record<string, string>);
    assert.ok(!onTheForm.ok);
    assert.deepEqual(reasons, { behalfName: onTheForm.errors.behalfName, behalfRelation: onTheForm.errors.behalfRelation });
    assert.match(reasons.behalfName!, /Vul de naam in van de persoon/);
  });

  test('rate limits: per e-mail address and per network address', async () => {
    const email = 'veel@example.org';
    for (let i = 0; i < 3; i++) assert.equal((await submit(form({ email }), `10.1.0.${i}`)).statusCode, 201);
    const fourth = await submit(form({ email }), '10.1.0.9');
    assert.equal(fourth.statusCode, 429);
    assert.match(fourth.headers['content-type'] as string, /problem\+json/);
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await submit(form(), '10.9.9.9')).statusCode;
    assert.equal(last, 429);
  });

  test('the per-address limit is counted in the database, so a second instance sees the same count; the address is not stored', async () => {
    const { buildApp } = await import('../../app.ts');
    const second = await buildApp({
      services: t.services,
      env: {
        demo: false,
        sessionTtlHours: 8,
        cookieSecure: false,
        publicUrl: 'http://localhost',
        oidc: undefined,
        smtp: undefined,
        logLevel: 'silent',
      },
      logger: false,
    });
    await second.ready();
    try {
      const ip = '10.7.7.7';
      const on = (app: typeof t.app) =>
        app.inject({ method: 'POST', url: '/api/v1/portal/complaints', payload: form(), remoteAddress: ip });
      for (let i = 0; i < 5; i++) assert.equal((await on(t.app)).statusCode, 201);
      for (let i = 0; i < 5; i++) assert.equal((await on(second)).statusCode, 201);
      const eleventh = await on(second);
      assert.equal(eleventh.statusCode, 429, 'ten per hour in all, whichever instance answers');
      const keys = await t.services.db.selectFrom('rate_limit_hit').select('key').execute();
      assert.ok(keys.every((k) => !k.key.includes('10.7.7.7')));
      // A new window after the hour.
      t.clock.advance(3_600_000 + 1);
      assert.equal((await on(second)).statusCode, 201);
    } finally {
      await second.close();
    }
  });
});
