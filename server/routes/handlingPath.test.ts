import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let agent: StaffActor, coordinator: StaffActor, coordinator2: StaffActor, backOffice: StaffActor;
const h: Record<string, Record<string, string>> = {};

before(async () => {
  t = await createTestApp();
  agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'], name: 'Kees Coördinator' });
  coordinator2 = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
  backOffice = await buildStaff(t.services, { roles: ['backOffice'], teams: ['backOffice'] });
  for (const [k, a] of Object.entries({ agent, coordinator, coordinator2, backOffice })) h[k] = await loginHeaders(t.services, a);
});
after(() => t.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: h[who], ...(payload ? { payload } : {}) });
async function step(who: string, id: string, transition: string, inputs: Record<string, unknown> = {}) {
  const res = await call('POST', `/api/v1/cases/${id}/transitions`, who, { transition, inputs });
  assert.equal(res.statusCode, 200, `${transition}: ${res.body}`);
  return res.json();
}
async function judgedCase(data: Record<string, unknown> = {}) {
  const c = (
    await call('POST', '/api/v1/cases', 'agent', {
      subject: 'Onbeleefd behandeld',
      description: 'De medewerker aan de balie was onbeleefd.',
      channel: 'letter',
      complainant: { name: 'Ria', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Dorp' },
      data,
    })
  ).json();
  await step('agent', c.id, 'forwardToCoordinator');
  await step('coordinator', c.id, 'acknowledge');
  await step('coordinator', c.id, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
  await step('coordinator', c.id, 'forwardForJudgment');
  await step('backOffice', c.id, 'judge', { judgment: 'partlyFounded', judgmentReasons: 'Toon was niet goed.' });
  return c;
}

describe('the handling path', () => {
  test('a formal complaint shows its Awb 9:4 parts, and an old event hints at 9:8', async () => {
    const complete = (
      await call('POST', '/api/v1/cases', 'agent', {
        subject: 's',
        description: 'De medewerker was onbeleefd.',
        channel: 'letter',
        complainant: { name: 'A', street: 'Laan 1', postcode: '1234 AB' },
        data: { incidentDate: '2024-01-05' },
      })
    ).json();
    assert.deepEqual(complete.completeness, { complete: true, missing: [] });
    assert.deepEqual(
      complete.hints.map((x: { code: string }) => x.code),
      ['olderThanOneYear'],
    );
    const partial = (await call('POST', '/api/v1/cases', 'agent', { subject: 's', channel: 'phone', complainant: { name: 'B' } })).json();
    assert.deepEqual(partial.completeness.missing, ['address', 'description']);
  });

  test('Awb 9:7: someone complained about can neither be given the case nor take its steps', async () => {
    const c = await judgedCase();
    const add = await call('POST', `/api/v1/cases/${c.id}/complained-persons`, 'coordinator', {
      userId: coordinator2.id,
      jobTitle: 'Baliemedewerker',
    });
    assert.equal(add.statusCode, 201, add.body);
    const refused = await call('POST', `/api/v1/cases/${c.id}/transitions`, 'coordinator2', { transition: 'inviteForHearing', inputs: {} });
    assert.equal(refused.statusCode, 403);
    const task = (await call('GET', `/api/v1/cases/${c.id}`, 'coordinator'))
      .json()
      .activities.find((a: { taskKey: string; status: string }) => a.taskKey === 'afterJudgment' && a.status === 'open');
    const pick = await call('POST', `/api/v1/activities/${task.id}/pick-up`, 'coordinator2');
    // The request names no one: the case refuses the actor, a conflict whose detail gives the reason.
    assert.equal(pick.statusCode, 409, pick.body);
    assert.match(pick.json().detail, /is beklaagde in deze melding en mag die niet behandelen \(Awb 9:7\)/);
    assert.equal(pick.json().invalidParams, undefined);
    const detail = (await call('GET', `/api/v1/cases/${c.id}`, 'coordinator')).json();
    assert.equal(detail.complainedPersons[0].name.length > 0, true);
  });

  test('Awb 9:9: the colleague complained about gets a copy of the complaint; an outsider gives the handler a task; an extension notice reaches them too', async () => {
    const c = await judgedCase();
    assert.equal(
      (await call('POST', `/api/v1/cases/${c.id}/complained-persons`, 'coordinator', { userId: coordinator2.id })).statusCode,
      201,
    );
    assert.equal(
      (await call('POST', `/api/v1/cases/${c.id}/complained-persons`, 'coordinator', { name: 'Oud-medewerker Jansen' })).statusCode,
      201,
    );
    const mail = await t.services.db
      .selectFrom('outbox_message')
      .select(['to_address', 'recipient_role', 'body_text'])
      .where('case_id', '=', c.id)
      .where('template_key', '=', 'complaintCopy')
      .execute();
    assert.deepEqual(
      mail.map((m) => [m.to_address, m.recipient_role]),
      [[coordinator2.email, 'complainedPerson']],
    );
    assert.match(mail[0]!.body_text, /De medewerker aan de balie was onbeleefd\./);
    assert.match(mail[0]!.body_text, /9:9/);
    const note = await t.services.db
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', coordinator2.id)
      .where('case_id', '=', c.id)
      .execute();
    assert.deepEqual(
      note.map((n) => n.kind),
      ['complaintCopy'],
    );
    const task = await t.services.db
      .selectFrom('activity')
      .select('subject')
      .where('case_id', '=', c.id)
      .where('task_key', '=', 'sendComplaintCopy')
      .execute();
    assert.equal(task.length, 1);
    assert.match(task[0]!.subject, /Oud-medewerker Jansen/);

    assert.equal(
      (await call('POST', `/api/v1/cases/${c.id}/extension`, 'coordinator', { weeks: 2, reason: 'Wij wachten op advies.' })).statusCode,
      200,
    );
    const notices = await t.services.db
      .selectFrom('outbox_message')
      .select(['to_address', 'template_key'])
      .where('case_id', '=', c.id)
      .where('template_key', 'like', 'extensionNotice%')
      .orderBy('template_key')
      .execute();
    // Ria left no e-mail address (her notice goes by post: messageNotSent on the timeline).
    assert.deepEqual(
      notices.map((m) => [m.template_key, m.to_address]),
      [['extensionNoticeComplainedPerson', coordinator2.email]],
    );
    // The complainant's track-and-trace never lists mail to colleagues.
    const portal = await t.services.db
      .selectFrom('outbox_message')
      .select('id')
      .where('case_id', '=', c.id)
      .where('recipient_role', 'in', ['complainant', 'representative'])
      .where('template_key', '=', 'complaintCopy')
      .execute();
    assert.equal(portal.length, 0);
  });

  test('a step that needs a letter says so in the abilities until the letter is far enough', async () => {
    const c = await judgedCase();
    await step('coordinator', c.id, 'skipHearing', { hearingSkipReason: 'complainantDeclined' });
    const submitStep = async () =>
      (await call('GET', `/api/v1/cases/${c.id}`, 'backOffice'))
        .json()
        .abilities.transitions.find((x: { key: string }) => x.key === 'submitLetter');
    assert.equal((await submitStep()).waitsForLetter, 'inReview');
    const letter = (await call('POST', `/api/v1/cases/${c.id}/letters`, 'backOffice', { kind: 'decision' })).json();
    await t.services.db.updateTable('letter').set({ status: 'inReview' }).where('id', '=', letter.id).execute();
    assert.equal((await submitStep()).waitsForLetter, null);
  });

  test('hearing: invite with slots, book one, the others are withdrawn, the report is required as a document', async () => {
    const c = await judgedCase();
    const slot = (d: string) => ({ startsAt: `${d}T10:00:00+01:00`, endsAt: `${d}T11:00:00+01:00`, location: 'Kantoor, kamer 2' });
    const inv = await call('POST', `/api/v1/cases/${c.id}/hearing-invitation`, 'coordinator', {
      slots: [slot('2026-03-10'), slot('2026-03-11')],
    });
    assert.equal(inv.statusCode, 200, inv.body);
    let detail = (await call('GET', `/api/v1/cases/${c.id}`, 'coordinator')).json();
    assert.equal(detail.status, 'hearingInvited');
    assert.deepEqual(
      detail.pendingTimers.map((x: { key: string }) => x.key),
      ['hearingWait'],
    );
    const chosen = detail.hearingSlots[1];
    assert.equal((await call('POST', `/api/v1/cases/${c.id}/hearing-slots/${chosen.id}/booking`, 'coordinator')).statusCode, 200);
    detail = (await call('GET', `/api/v1/cases/${c.id}`, 'coordinator')).json();
    assert.equal(detail.status, 'hearingPlanned');
    assert.equal(detail.data.hearingAt, '2026-03-11T09:00:00.000Z');
    assert.deepEqual(
      detail.hearingSlots.map((s: { booked: boolean; withdrawn: boolean }) => [s.booked, s.withdrawn]),
      [
        [false, true],
        [true, false],
      ],
    );
    assert.deepEqual(detail.pendingTimers, [], 'the hearing wait ended with the booking');
    assert.equal(
      (await call('POST', `/api/v1/cases/${c.id}/hearing-slots/${detail.hearingSlots[0].id}/booking`, 'coordinator')).statusCode,
      409,
    );

    const noReport = await call('POST', `/api/v1/cases/${c.id}/transitions`, 'coordinator', {
      transition: 'recordHearing',
      inputs: { hearingSummary: 'Gehoord.' },
    });
    // The case lacks the report, not the request: a conflict saying what to add first.
    assert.equal(noReport.statusCode, 409, noReport.body);
    assert.match(noReport.json().detail, /^Voeg eerst een document van het type "[^"]+" toe aan de melding\./);
  });

  test('slots in the past or ending before they start are refused, naming the slot', async () => {
    const c = await judgedCase();
    const res = await call('POST', `/api/v1/cases/${c.id}/hearing-invitation`, 'coordinator', {
      slots: [
        { startsAt: '2026-03-10T10:00:00Z', endsAt: '2026-03-10T09:00:00Z', location: 'x' },
        { startsAt: '2020-01-01T10:00:00Z', endsAt: '2020-01-01T11:00:00Z', location: 'x' },
      ],
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().invalidParams[0].name, 'slots.0.endsAt');
    const detail = (await call('GET', `/api/v1/cases/${c.id}`, 'coordinator')).json();
    assert.equal(detail.status, 'judged', 'nothing changed');
  });

  test('extension (Awb 9:11): once, at most 4 weeks, before the deadline; then only with consent', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const c = (await call('POST', '/api/v1/cases', 'agent', { subject: 's', channel: 'phone', complainant: { name: 'X' } })).json();
    assert.equal(c.deadline, '2026-04-13');
    const tooLong = await call('POST', `/api/v1/cases/${c.id}/extension`, 'coordinator', { weeks: 5, reason: 'Drukte' });
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().invalidParams[0].name, 'extension.weeks');
    const ok = await call('POST', `/api/v1/cases/${c.id}/extension`, 'coordinator', { weeks: 4, reason: 'Advies van de afdeling nodig' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().deadline, '2026-05-11');
    assert.equal((await call('POST', `/api/v1/cases/${c.id}/extension`, 'coordinator', { weeks: 1, reason: 'x' })).statusCode, 409);
    const detail = (await call('GET', `/api/v1/cases/${c.id}`, 'coordinator')).json();
    const handling = detail.clocks.find((k: { key: string }) => k.key === 'handling');
    assert.equal(handling.previous[0].adjustedEnd, '2026-04-13', 'the derivation keeps the original term');
    assert.match(handling.rule.nl, /verdaagd met 4 weken/);
    const consent = await call('POST', `/api/v1/cases/${c.id}/consent-delay`, 'coordinator', {
      consentAt: '2026-05-01T10:00:00+02:00',
      newEnd: '2026-06-01',
      note: 'Klager stemt schriftelijk in.',
    });
    assert.equal(consent.json().deadline, '2026-06-01');

    const late = (await call('POST', '/api/v1/cases', 'agent', { subject: 's', channel: 'phone', complainant: { name: 'Y' } })).json();
    t.clock.set('2026-04-20T09:00:00Z');
    h.coordinator = await loginHeaders(t.services, coordinator);
    const refused = await call('POST', `/api/v1/cases/${late.id}/extension`, 'coordinator', { weeks: 2, reason: 'Te laat' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().invalidParams[0].code, 'extension_notice_too_late');
    t.clock.set('2026-03-02T09:00:00Z');
  });
});
