import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueCaseLink } from '../commands/caseAccess.ts';
import type { StaffActor } from '../commands/context.ts';
import { asActor, buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { approveAndSendLetter, draftAndSubmitLetter } from '../demo/demoLetters.ts';

/**
 * Seed 003 through the API, as Evi (a family carer complaining for her nephew) lives it: she phones,
 * gets an acknowledgment, and from the moment the complaints secretary gives the complaint to one
 * handler, the tracking page names that same person, with a job title and a number to call back,
 * up to and after the closing letter that person signs.
 */
const ORG = path.resolve(import.meta.dirname, '../../config/examples/social-services.json');

describe('seed 003 over HTTP: one handler, named with job title and phone, from assignment to close', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  const who: Record<string, StaffActor> = {};
  before(async () => {
    t = await createTestApp({ orgFile: ORG });
    who.frontOffice = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['klantenservice'], name: 'Sanne de Vries' });
    who.secretary = await buildStaff(t.services, { roles: ['coordinator'], teams: ['klachtenteam'], name: 'Kees Bakker' });
    who.handler = await buildStaff(t.services, { roles: ['coordinator'], teams: ['klachtenteam'], name: 'Fatma Yilmaz' });
    who.plain = await buildStaff(t.services, { roles: ['coordinator'], teams: ['klachtenteam'], name: 'Ruud Visser' });
    await t.services.db
      .updateTable('staff_user')
      .set({ job_title: 'Onafhankelijk klachtbehandelaar', phone: '088 123 45 72' })
      .where('id', '=', who.handler.id)
      .execute();
    who.manager = await buildStaff(t.services, { roles: ['coordinator'], teams: ['klachtenteam'], name: 'Jeroen Mulder' });
    who.colleague = await buildStaff(t.services, { roles: ['department'], teams: ['uitkeringen'], name: 'Anouk Smit' });
    // The configured manager of Werk en Inkomen (orgUnits[].manager.email), where team Uitkeringen belongs.
    await t.services.db
      .updateTable('staff_user')
      .set({ email: 'jeroen.mulder@voorbeeld.example' })
      .where('id', '=', who.manager.id)
      .execute();
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

  /** A phone complaint registered by the front office and acknowledged; returns the case and its tracking token. */
  async function phoneComplaint(name: string) {
    const activity = await call(
      'POST',
      '/api/v1/activities',
      'frontOffice',
      {
        channel: 'phone',
        subject: 'Mijn neef krijgt geen hulp',
        body: 'Evi belt namens haar neef.',
        contact: { name, phone: '0612345678' },
        assignTo: 'self',
      },
      201,
    );
    const c = await call(
      'POST',
      '/api/v1/cases',
      'frontOffice',
      {
        activityId: activity.id,
        subject: activity.subject,
        description: 'Niemand helpt mijn neef zijn aanvraag voor een uitkering af te maken.',
        channel: 'phone',
        complainant: { name, email: 'evi@example.org', phone: '0612345678' },
        data: {},
      },
      201,
    );
    await step('frontOffice', c.id, 'confirmReceipt');
    const url = await asActor(t.services, who.frontOffice!, (ctx) => issueCaseLink(ctx, c.id));
    return { id: c.id as string, token: url.split('/volgen/')[1]! };
  }

  /** The secretary gives the team task to a handler, who takes the complaint on. */
  async function giveTo(caseId: string, handler: 'handler' | 'plain') {
    const detail = await call('GET', `/api/v1/cases/${caseId}`, 'secretary');
    const task = detail.activities.find((a: { taskKey: string; status: string }) => a.taskKey === 'chooseHandler' && a.status === 'open');
    assert.ok(task, 'the choose-a-handler task is in the klachtenteam queue');
    await call('POST', `/api/v1/activities/${task.id}/assignment`, 'secretary', { userId: who[handler]!.id });
    await step(handler, caseId, 'takeOn');
  }

  const tracking = async (token: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${token}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as {
      status: { step: string; closed: boolean };
      handler: { name: string | null; jobTitle: string | null; phone: string | null };
    };
  };
  const page = async (token: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/volgen/${token}` });
    assert.equal(res.statusCode, 200);
    return res.body;
  };

  test('the tracking page names the same handler, with job title and direct phone, from assignment to close', async () => {
    const { id, token } = await phoneComplaint('Evi Jangha');
    const waiting = await tracking(token);
    assert.equal(waiting.handler.name, null, 'no handler yet while the secretary chooses one');
    assert.match(await page(token), /We kiezen snel een medewerker/);

    await giveTo(id, 'handler');
    assert.match(
      await page(token),
      /<strong>Fatma Yilmaz<\/strong> \(Onafhankelijk klachtbehandelaar\) behandelt uw klacht\.[\s\S]*Wilt u uw behandelaar spreken\? Bel dan <a [^>]*href="tel:0881234572"[^>]*>088 123 45 72<\/a>\./,
    );
    const expected = { name: 'Fatma Yilmaz', jobTitle: 'Onafhankelijk klachtbehandelaar', phone: '088 123 45 72' };
    const seen: { step: string; handler: unknown }[] = [];
    const look = async () => {
      const v = await tracking(token);
      seen.push({ step: v.status.step, handler: { name: v.handler.name, jobTitle: v.handler.jobTitle, phone: v.handler.phone } });
    };
    await look();
    await step('handler', id, 'recordConversation', { conversationMode: 'phone', conversationSummary: 'Evi en haar neef gebeld.' });
    await look();
    await step('handler', id, 'judge', { judgment: 'partlyFounded', judgmentReasons: 'De aanvraag duurde te lang.' });
    await look();
    const letter = await draftAndSubmitLetter(t.services, { caseId: id, kind: 'decision', drafter: who.handler! });
    await look();
    await approveAndSendLetter(t.services, { letterId: letter.id, version: letter.version, approver: who.secretary! });
    await look();
    assert.deepEqual(
      seen.map((s) => s.step),
      ['conversation', 'letter', 'letter', 'letter', 'done'],
    );
    for (const s of seen) assert.deepEqual(s.handler, expected, `at step ${s.step}`);

    const closed = await call('GET', `/api/v1/cases/${id}`, 'secretary');
    assert.equal(closed.status, 'closed');
    const html = await page(token);
    assert.match(html, /<strong>Fatma Yilmaz<\/strong> \(Onafhankelijk klachtbehandelaar\) heeft uw klacht behandeld\./);
    assert.match(html, /Wilt u uw behandelaar spreken\? Bel dan <a [^>]*href="tel:0881234572"[^>]*>088 123 45 72<\/a>\./);
    // The call that explains the letter, on the closed case.
    await call('POST', `/api/v1/cases/${id}/contacts`, 'handler', { method: 'phone', summary: 'Brief uitgelegd aan Evi.' }, 201);
  });

  test('Awb 9:7 over HTTP: giving the complaint to the manager of the colleague it is about is a 400 naming the reason; taking it on a 409', async () => {
    const { id } = await phoneComplaint('Pieter de Graaf');
    await call('POST', `/api/v1/cases/${id}/complained-persons`, 'secretary', { userId: who.colleague!.id }, 201);
    const detail = await call('GET', `/api/v1/cases/${id}`, 'secretary');
    const task = detail.activities.find((a: { taskKey: string; status: string }) => a.taskKey === 'chooseHandler' && a.status === 'open');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${task.id}/assignment`,
      headers: h.secretary,
      payload: { userId: who.manager!.id },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    const problem = res.json() as { invalidParams: { name: string; code: string; reason: string }[] };
    assert.equal(problem.invalidParams[0]!.name, 'userId');
    assert.equal(problem.invalidParams[0]!.code, 'managerOfComplainedAbout');
    assert.match(problem.invalidParams[0]!.reason, /Jeroen Mulder is leidinggevende van Werk en Inkomen, waar Anouk Smit werkt/);
    const taken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/transitions`,
      headers: h.manager,
      payload: { transition: 'takeOn', inputs: {} },
    });
    // Taking it on themselves: the request names no one, the case refuses the actor (409, the reason as detail).
    assert.equal(taken.statusCode, 409, taken.body);
    assert.match(taken.json().detail, /Jeroen Mulder is leidinggevende van Werk en Inkomen, waar Anouk Smit werkt/);
    assert.equal((await call('GET', `/api/v1/cases/${id}`, 'secretary')).status, 'withSecretary');
  });

  test("a handler without a direct number: the organisation's number, and no job title shown", async () => {
    const { id, token } = await phoneComplaint('Youssef Mohamed');
    await giveTo(id, 'plain');
    const v = await tracking(token);
    assert.deepEqual(v.handler, { name: 'Ruud Visser', jobTitle: null, phone: '14 0999', email: 'klachten@voorbeeldstad.example' });
    const html = await page(token);
    assert.match(html, /<strong>Ruud Visser<\/strong> behandelt uw klacht\./);
    assert.doesNotMatch(html, /Wilt u uw behandelaar spreken/);
  });
});
