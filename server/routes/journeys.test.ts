import assert from 'node:assert/strict';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { addDocument } from '../commands/caseEditor.ts';
import type { StaffActor } from '../commands/context.ts';
import { sendDueMessages } from '../jobs/outboxSender.ts';
import { demoMailbox } from '../mail/transport.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { writeAndSendLetter } from '../letters/testSupport.ts';

/**
 * Part 3's proof: whole paths through the API, as the people in the seeds walk them.
 */
describe('seed 000: the statutory path from a phone call to closed with a survey', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  const who: Record<string, StaffActor> = {};
  before(async () => {
    t = await createTestApp();
    who.dispatcher = await buildStaff(t.services, { roles: ['dispatcher'], teams: ['kcc'] });
    who.agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
    who.coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'], name: 'Kees Bakker' });
    who.backOffice = await buildStaff(t.services, { roles: ['backOffice'], teams: ['backOffice'] });
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
  });
  after(() => t.close());
  const call = async (method: 'GET' | 'POST', url: string, as: string, payload?: object, expect = 200) => {
    const res = await t.app.inject({ method, url, headers: h[as], ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, expect, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const step = (as: string, id: string, transition: string, inputs: object = {}) =>
    call('POST', `/api/v1/cases/${id}/transitions`, as, { transition, inputs });
  const claimTask = async (as: string, caseId: string, taskKey: string) => {
    const detail = await call('GET', `/api/v1/cases/${caseId}`, as);
    const task = detail.activities.find((a: { taskKey: string; status: string }) => a.taskKey === taskKey && a.status === 'open');
    assert.ok(task, `task ${taskKey} is in the team queue`);
    await call('POST', `/api/v1/activities/${task.id}/pick-up`, as);
  };

  test('walks every step, sends every message, and ends closed with a survey', async () => {
    // §4.1: the phone call becomes an activity; the dispatcher assigns it to an agent.
    const activity = await call(
      'POST',
      '/api/v1/activities',
      'dispatcher',
      {
        channel: 'phone',
        subject: 'Registratie duurt te lang',
        body: 'Ik wacht al tien weken.',
        contact: { name: 'Johan Willems', phone: '0612345678' },
        assignTo: 'queue',
      },
      201,
    );
    await call('POST', `/api/v1/activities/${activity.id}/assignment`, 'dispatcher', { userId: who.agent!.id });
    // §4.2: logged as a new case, completeness checked, forwarded to the coordinator.
    const c = await call(
      'POST',
      '/api/v1/cases',
      'agent',
      {
        activityId: activity.id,
        subject: activity.subject,
        description: 'Ik wacht al tien weken op mijn registratie.',
        channel: 'phone',
        complainant: { name: 'Johan Willems', email: 'johan@example.org', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Dorp' },
        data: { product: 'Registratie' },
      },
      201,
    );
    assert.equal(c.completeness.complete, true);
    await step('agent', c.id, 'forwardToCoordinator', { note: 'Compleet.' });
    // §4.3: the coordinator assesses and acknowledges, classifies, forwards to back office.
    await claimTask('coordinator', c.id, 'assessCase');
    await step('coordinator', c.id, 'acknowledge');
    await step('coordinator', c.id, 'classify', {
      classification: 'complaint',
      formality: 'formal',
      ground: 'substance',
      statutory: true,
      product: 'Registratie',
    });
    await step('coordinator', c.id, 'forwardForJudgment');
    await claimTask('backOffice', c.id, 'judge');
    await step('backOffice', c.id, 'judge', { judgment: 'partlyFounded', judgmentReasons: 'De wachttijd was te lang.' });
    // Hearing: invited with slots, booked, held, report added.
    await call('POST', `/api/v1/cases/${c.id}/hearing-invitation`, 'coordinator', {
      slots: [{ startsAt: '2026-03-12T10:00:00+01:00', endsAt: '2026-03-12T11:00:00+01:00', location: 'Kantoor Den Haag' }],
    });
    const slots = (await call('GET', `/api/v1/cases/${c.id}`, 'coordinator')).hearingSlots;
    await call('POST', `/api/v1/cases/${c.id}/hearing-slots/${slots[0].id}/booking`, 'coordinator');
    await addDocument(t.services, who.coordinator!, c.id, {
      filename: 'hoorverslag.txt',
      mediaType: 'text/plain',
      docType: 'hearingReport',
      content: Readable.from(Buffer.from('Verslag van het gesprek.')),
    });
    await step('coordinator', c.id, 'recordHearing', { hearingSummary: 'Klant gehoord.' });
    // The decision letter: back office drafts, the coordinator reviews and sends; the case closes.
    await step('coordinator', c.id, 'forwardForLetter');
    await writeAndSendLetter(t.services, {
      caseId: c.id,
      kind: 'decision',
      drafter: who.backOffice!,
      approver: who.coordinator!,
    });
    const closed = await call('GET', `/api/v1/cases/${c.id}`, 'coordinator');
    assert.equal(closed.status, 'closed');
    assert.ok(closed.closedAt);

    await sendDueMessages(t.services, demoMailbox(), 'klachten@voorbeeld.example');
    const messages = (await call('GET', `/api/v1/cases/${c.id}/messages`, 'coordinator')).items;
    assert.deepEqual(messages.map((m: { template: string }) => m.template).sort(), [
      'acknowledgment',
      'hearingConfirmation',
      'hearingInvitation',
      'letter',
      'surveyInvitation',
    ]);
    const letterMail = await t.services.db
      .selectFrom('outbox_message')
      .select('attachments')
      .where('case_id', '=', c.id)
      .where('template_key', '=', 'letter')
      .executeTakeFirstOrThrow();
    assert.equal(letterMail.attachments.length, 1, 'the decision letter PDF is attached');
    assert.ok(messages.every((m: { status: string; to: string }) => m.status === 'sent' && m.to === 'johan@example.org'));
    const survey = await t.services.db.selectFrom('survey').selectAll().where('case_id', '=', c.id).executeTakeFirst();
    assert.ok(survey, 'a survey was sent on closing');
    const timeline = (await call('GET', `/api/v1/cases/${c.id}/timeline?limit=500`, 'coordinator')).items.map(
      (e: { type: string }) => e.type,
    );
    for (const type of [
      'caseRegistered',
      'activityLinked',
      'statusChanged',
      'taskCreated',
      'taskClaimed',
      'hearingSlotsOffered',
      'hearingBooked',
      'documentAdded',
      'messageQueued',
      'messageSent',
    ]) {
      assert.ok(timeline.includes(type), `timeline has ${type}`);
    }
  });

  test('a second complaint from the same person within the quiet period gets no second survey', async () => {
    const mk = async () => {
      const c = await call(
        'POST',
        '/api/v1/cases',
        'agent',
        {
          subject: 's',
          description: 'Nogmaals een klacht over hetzelfde.',
          channel: 'phone',
          complainant: { name: 'Ria', email: 'ria@example.org' },
        },
        201,
      );
      await step('agent', c.id, 'forwardToCoordinator');
      await step('coordinator', c.id, 'acknowledge');
      await step('coordinator', c.id, 'classify', {
        classification: 'signal',
        formality: 'informal',
        ground: 'communication',
        statutory: false,
      });
      await step('coordinator', c.id, 'draftStandardLetter');
      await writeAndSendLetter(t.services, {
        caseId: c.id,
        kind: 'standard',
        drafter: who.coordinator!,
        approver: who.coordinator!,
      });
      return c;
    };
    const first = await mk();
    const detail = await call('GET', `/api/v1/cases/${first.id}`, 'coordinator');
    const second = await call(
      'POST',
      '/api/v1/cases',
      'agent',
      { subject: 's2', description: 'Weer iets.', channel: 'phone', complainant: { personId: detail.complainant.id } },
      201,
    );
    await step('agent', second.id, 'forwardToCoordinator');
    await step('coordinator', second.id, 'acknowledge');
    await step('coordinator', second.id, 'classify', {
      classification: 'signal',
      formality: 'informal',
      ground: 'communication',
      statutory: false,
    });
    await step('coordinator', second.id, 'draftStandardLetter');
    await writeAndSendLetter(t.services, {
      caseId: second.id,
      kind: 'standard',
      drafter: who.coordinator!,
      approver: who.coordinator!,
    });
    const surveys = await t.services.db.selectFrom('survey').select('case_id').where('case_id', 'in', [first.id, second.id]).execute();
    assert.deepEqual(
      surveys.map((s) => s.case_id),
      [first.id],
    );
    const skipped = (await call('GET', `/api/v1/cases/${second.id}/timeline?limit=500`, 'coordinator')).items.find(
      (e: { type: string }) => e.type === 'surveySkipped',
    );
    assert.equal(skipped.data.reason, 'recentSurvey');
  });

  test('a formal complaint not handled under Awb 9:8: reason code required, case ends as not handled, 9:8 clock stops', async () => {
    const c = await call(
      'POST',
      '/api/v1/cases',
      'agent',
      {
        subject: 'Oude zaak',
        description: 'Iets van twee jaar geleden.',
        channel: 'letter',
        complainant: { name: 'Piet', email: 'piet@example.org', street: 'Laan 2', postcode: '1234 AB' },
        data: { incidentDate: '2024-01-01' },
      },
      201,
    );
    assert.deepEqual(
      c.hints.map((x: { code: string }) => x.code),
      ['olderThanOneYear'],
    );
    await step('agent', c.id, 'forwardToCoordinator');
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/transitions`,
      headers: h.coordinator,
      payload: { transition: 'decline', inputs: { note: 'Te oud' } },
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().invalidParams[0].name, 'inputs.notHandlingReason');
    const done = await step('coordinator', c.id, 'decline', {
      notHandlingReason: 'olderThanOneYear',
      note: 'Gebeurtenis is van januari 2024.',
    });
    assert.equal(done.status, 'notHandled');
    assert.equal(done.data.notHandlingReason, 'olderThanOneYear');
    const clock = done.clocks.find((k: { key: string }) => k.key === 'handling');
    assert.equal(clock.state, 'stopped');

    // Awb 9:8 lid 3: the decision drafts the written notice and queues sending it, due when the
    // 4-week period ends; until it is sent that clock keeps running although the case is closed.
    const notice = () =>
      call('GET', `/api/v1/cases/${c.id}`, 'coordinator').then((x) => x.clocks.find((k: { key: string }) => k.key === 'notHandlingNotice'));
    assert.notEqual((await notice()).state, 'stopped');
    const letters = await call('GET', `/api/v1/cases/${c.id}/letters`, 'coordinator');
    assert.deepEqual(
      letters.items.map((l: { kind: string; status: string }) => [l.kind, l.status]),
      [['notHandling', 'draft']],
    );
    const task = await t.services.db
      .selectFrom('activity')
      .select(['status', 'due_at', 'assignee_team_id'])
      .where('case_id', '=', c.id)
      .where('task_key', '=', 'sendNotHandlingNotice')
      .executeTakeFirstOrThrow();
    assert.equal(task.status, 'open');
    assert.equal(task.due_at?.toISOString().slice(0, 10), (await notice()).adjustedEnd);
    assert.ok(task.assignee_team_id);

    const draft = await call('GET', `/api/v1/letters/${letters.items[0].id}`, 'coordinator');
    const reason = draft.sections.find((x: { key: string }) => x.key === 'reason');
    assert.match(reason.text, /meer dan een jaar/);
    const filled = draft.sections
      .filter((x: { text: string }) => x.text.includes('[Vul in'))
      .map((x: { key: string }) => ({ key: x.key, text: 'Wij behandelen uw klacht daarom niet. Heeft u vragen? Bel ons gerust.' }));
    let v = await call('POST', `/api/v1/letters/${draft.id}/versions`, 'coordinator', { expectedVersion: draft.version, sections: filled });
    v = await call('POST', `/api/v1/letters/${draft.id}/submit`, 'coordinator', { expectedVersion: v.version });
    v = await call('POST', `/api/v1/letters/${draft.id}/approve`, 'coordinator', { expectedVersion: v.version });
    await call('POST', `/api/v1/letters/${draft.id}/send`, 'coordinator', { expectedVersion: v.version });
    const sent = await notice();
    assert.deepEqual([sent.state, sent.outcome], ['stopped', 'met']);
    const after = await t.services.db
      .selectFrom('activity')
      .select('status')
      .where('case_id', '=', c.id)
      .where('task_key', '=', 'sendNotHandlingNotice')
      .executeTakeFirstOrThrow();
    assert.equal(after.status, 'done');
    const mail = await t.services.db
      .selectFrom('outbox_message')
      .select(['template_key', 'to_address'])
      .where('case_id', '=', c.id)
      .where('template_key', '=', 'letter')
      .executeTakeFirstOrThrow();
    assert.equal(mail.to_address, 'piet@example.org');
  });
});

describe('seed 001: the first-contact norm (5 working days)', () => {
  test('a recorded call stops it; a call in the future or before receipt is refused, naming the field', async () => {
    const t = await createTestApp({ orgFile: path.resolve(import.meta.dirname, '../../config/examples/municipal-tax-cooperation.json') });
    try {
      t.clock.set('2026-03-02T09:00:00Z');
      const agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
      let headers = await loginHeaders(t.services, agent);
      const c = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          headers,
          payload: { subject: 'Te hoge aanslag', channel: 'phone', complainant: { name: 'Bram' } },
        })
      ).json();
      const firstContact = async () =>
        (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers }))
          .json()
          .clocks.find((k: { key: string }) => k.key === 'firstContact');
      const running = await firstContact();
      assert.equal(running.adjustedEnd, '2026-03-09', '5 working days after Monday 2 March');
      t.clock.set('2026-03-06T09:00:00Z');
      headers = await loginHeaders(t.services, agent);
      const future = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/contacts`,
        headers,
        payload: { method: 'phone', summary: 'Gebeld', at: '2026-03-07T09:00:00Z' },
      });
      assert.equal(future.statusCode, 400);
      assert.equal(future.json().invalidParams[0].name, 'body.at');
      const early = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/contacts`,
        headers,
        payload: { method: 'phone', summary: 'Gebeld', at: '2026-03-01T09:00:00Z' },
      });
      assert.equal(early.statusCode, 400);
      const ok = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/contacts`,
        headers,
        payload: { method: 'phone', summary: 'Klager gebeld, uitleg gegeven over de aanslag.' },
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const stopped = await firstContact();
      assert.deepEqual([stopped.state, stopped.outcome], ['stopped', 'met']);
      const timeline = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/timeline?limit=100`, headers })).json().items;
      assert.ok(
        timeline.some((e: { type: string; data: { method?: string } }) => e.type === 'complainantContacted' && e.data.method === 'phone'),
      );
    } finally {
      await t.close();
    }
  });
});

describe('seed 001: the informal path', () => {
  test('the receiver solves it by phone; a confirmation summary goes to the complainant', async () => {
    const t = await createTestApp({ orgFile: path.resolve(import.meta.dirname, '../../config/examples/municipal-tax-cooperation.json') });
    try {
      const receiver = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
      const headers = await loginHeaders(t.services, receiver);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers,
        payload: {
          subject: 'Aanslag niet begrepen',
          description: 'Ik snap mijn aanslag niet.',
          channel: 'phone',
          complainant: { name: 'Anna', email: 'anna@example.org' },
        },
      });
      const c = created.json();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/transitions`,
        headers,
        payload: {
          transition: 'resolveInformally',
          inputs: {
            solution: 'We hebben de aanslag samen doorgenomen. U hoeft niets te doen.',
            contactMethod: 'phone',
            complainantSatisfied: true,
            ground: 'communication',
          },
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'resolved');
      const msg = await t.services.db
        .selectFrom('outbox_message')
        .select(['template_key', 'body_text', 'to_address'])
        .where('case_id', '=', c.id)
        .executeTakeFirstOrThrow();
      assert.equal(msg.template_key, 'informalConfirmation');
      assert.match(msg.body_text, /We hebben de aanslag samen doorgenomen/);
      assert.match(msg.body_text, /Belastingsamenwerking Voorbeeld/);
      const clocks = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers })).json().clocks;
      const first = clocks.find((k: { key: string }) => k.key === 'firstContact');
      assert.deepEqual([first.state, first.outcome], ['stopped', 'met'], 'solving it on the phone is the first contact');
    } finally {
      await t.close();
    }
  });
});
