import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * Seed 002 (care organisation), over HTTP: a team lead who hands a formal complaint to the quality
 * officer keeps a read view of it (where it went, who has it) but can no longer work on it; the
 * klachtenfunctionaris reads every complaint and adds advice as notes without handling it; health
 * details in a complaint are shown only to those who handle it.
 */
const orgFile = path.resolve(import.meta.dirname, '../../config/examples/care-organisation.json');
const HEALTH = 'Diabetes type 2, insuline om acht uur';

let t: Awaited<ReturnType<typeof createTestApp>>;
let lead: StaffActor;
let otherLead: StaffActor;
let quality: StaffActor;
let officer: StaffActor;
let caseId: string;
const headers = new Map<StaffActor, Record<string, string>>();

before(async () => {
  t = await createTestApp({ orgFile });
  lead = await buildStaff(t.services, { roles: ['teamLead'], teams: ['teamLeads'], name: 'Teamleider Noord' });
  otherLead = await buildStaff(t.services, { roles: ['teamLead'], teams: ['teamLeads'], name: 'Teamleider Zuid' });
  quality = await buildStaff(t.services, { roles: ['qualityOfficer'], teams: ['quality'], name: 'Kwaliteitsmedewerker' });
  officer = await buildStaff(t.services, { roles: ['complaintsOfficer'], name: 'Klachtenfunctionaris' });
  for (const a of [lead, otherLead, quality, officer]) headers.set(a, await loginHeaders(t.services, a));

  const created = await as(lead, 'POST', '/api/v1/cases', {
    subject: 'Medicatie te laat gegeven',
    description: 'Mijn vader kreeg zijn medicijnen twee uur te laat.',
    channel: 'counter',
    complainant: { name: 'Dochter van dhr. Bos', email: 'bos@example.org' },
    data: { location: 'Team Noord', healthDetails: HEALTH },
  });
  assert.equal(created.statusCode, 201, created.body);
  caseId = created.json().id;
  for (const [transition, inputs] of [
    ['discussWithClient', {}],
    ['fileFormalComplaint', { note: 'Dochter wil een formele klacht indienen.' }],
  ] as const) {
    const res = await as(lead, 'POST', `/api/v1/cases/${caseId}/transitions`, { transition, inputs });
    assert.equal(res.statusCode, 200, res.body);
  }
});
after(async () => {
  await t?.close();
});

function as(who: StaffActor, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: headers.get(who)!, ...(payload === undefined ? {} : { payload: payload as object }) });
}

describe('seed 002: who reads a complaint once it moved on', () => {
  test('the team lead who handed it to the quality officer still sees it and where it went, read only', async () => {
    const res = await as(lead, 'GET', `/api/v1/cases/${caseId}`);
    assert.equal(res.statusCode, 200, res.body);
    const c = res.json();
    assert.equal(c.status, 'formalRegistered');
    assert.equal(c.team.name, 'Kwaliteit', 'where it went');
    assert.equal(c.handedOn, true, 'the page says it was handed on and is read only');
    assert.deepEqual(c.abilities.transitions, [], 'no steps any more');
    assert.equal(c.abilities.addNote, false);
    assert.equal(c.data.healthDetails, HEALTH, 'having handled it, they still see its health details');

    const list = (await as(lead, 'GET', '/api/v1/cases?limit=50')).json();
    assert.ok(
      list.items.some((x: { id: string }) => x.id === caseId),
      'in their case list',
    );
    assert.equal((await as(lead, 'GET', `/api/v1/cases/${caseId}/timeline?limit=50`)).statusCode, 200);
    assert.equal((await as(lead, 'GET', `/api/v1/cases/${caseId}/dossier`)).statusCode, 200, 'every panel of the case page reads');

    // Reading is all: working on it answers like a case outside their scope.
    assert.equal((await as(lead, 'POST', `/api/v1/cases/${caseId}/notes`, { body: 'Nog een opmerking.' })).statusCode, 404);
    assert.equal((await as(lead, 'PATCH', `/api/v1/cases/${caseId}`, { data: { location: 'Elders' } })).statusCode, 404);
    const step = await as(lead, 'POST', `/api/v1/cases/${caseId}/transitions`, {
      transition: 'cancel',
      inputs: { cancelReason: 'other', note: 'Toch niet.' },
    });
    assert.equal(step.statusCode, 404);
  });

  test('made from the contact they registered at the counter, it is read only for them too once handed on', async () => {
    // The intake screen's way: the contact first (on their own name), then the case from it; the
    // contact is done then, and done work is no reason to work on the case any more.
    const contact = await as(lead, 'POST', '/api/v1/activities', {
      channel: 'counter',
      subject: 'Niemand kwam toen ik belde',
      body: 'Mijn moeder belde drie keer met de alarmknop en niemand kwam.',
      contact: { name: 'Marja Sterk', email: 'marja.sterk@example.org' },
      assignTo: 'self',
    });
    assert.equal(contact.statusCode, 201, contact.body);
    const created = await as(lead, 'POST', '/api/v1/cases', {
      activityId: contact.json().id,
      subject: 'Niemand kwam toen ik belde',
      description: 'Mijn moeder belde drie keer met de alarmknop en niemand kwam.',
      channel: 'counter',
      complainant: { name: 'Marja Sterk', email: 'marja.sterk@example.org' },
      data: { location: 'Team Zuid', healthDetails: HEALTH },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const handOn = await as(lead, 'POST', `/api/v1/cases/${id}/transitions`, {
      transition: 'fileFormalComplaint',
      inputs: { note: 'Dochter wil een formele klacht indienen.' },
    });
    assert.equal(handOn.statusCode, 200, handOn.body);

    const c = (await as(lead, 'GET', `/api/v1/cases/${id}`)).json();
    assert.equal(c.handedOn, true);
    assert.deepEqual(c.abilities.transitions, []);
    assert.equal(c.data.healthDetails, HEALTH, 'having handled it, they still see its health details');
    const cancel = await as(lead, 'POST', `/api/v1/cases/${id}/transitions`, {
      transition: 'cancel',
      inputs: { cancelReason: 'other', note: 'Toch niet.' },
    });
    assert.equal(cancel.statusCode, 404);
  });

  test('a team lead who never handled it does not see it at all', async () => {
    assert.equal((await as(otherLead, 'GET', `/api/v1/cases/${caseId}`)).statusCode, 404);
    assert.equal((await as(otherLead, 'GET', `/api/v1/cases/${caseId}/timeline`)).statusCode, 404);
    const list = (await as(otherLead, 'GET', '/api/v1/cases?limit=50')).json();
    assert.ok(!list.items.some((x: { id: string }) => x.id === caseId));
  });
});

describe('seed 002: the complaints officer (klachtenfunctionaris) and health details', () => {
  test('the complaints officer follows the complaint and adds advice, but takes no steps and sees no health details', async () => {
    const res = await as(officer, 'GET', `/api/v1/cases/${caseId}`);
    assert.equal(res.statusCode, 200, res.body);
    const c = res.json();
    assert.equal(c.data.location, 'Team Noord');
    assert.equal('healthDetails' in c.data, false);
    assert.deepEqual(c.hiddenFields, ['healthDetails']);
    assert.equal(c.handedOn, false);
    assert.ok(!res.body.includes('insuline'), 'the value is nowhere in the case');
    assert.deepEqual(c.abilities.transitions, []);
    assert.equal(c.abilities.addNote, true);
    assert.equal(c.abilities.editData, false);

    const note = await as(officer, 'POST', `/api/v1/cases/${caseId}/notes`, {
      body: 'Advies: bied de dochter een gesprek met de locatiemanager aan.',
    });
    assert.equal(note.statusCode, 201, note.body);
    const step = await as(officer, 'POST', `/api/v1/cases/${caseId}/transitions`, { transition: 'toManagement', inputs: {} });
    assert.equal(step.statusCode, 403);
    assert.equal((await as(officer, 'PATCH', `/api/v1/cases/${caseId}`, { data: { location: 'Elders' } })).statusCode, 403);

    const timeline = await as(officer, 'GET', `/api/v1/cases/${caseId}/timeline?limit=100`);
    assert.equal(timeline.statusCode, 200);
    assert.ok(timeline.json().items.some((e: { type: string }) => e.type === 'caseRegistered'));
    assert.ok(!timeline.body.includes('insuline'), 'not in the registration on the timeline');
    const search = await as(officer, 'POST', '/api/v1/case-searches', { q: 'medicatie' });
    assert.equal(search.statusCode, 200);
    assert.ok(search.json().items.some((x: { id: string }) => x.id === caseId));
    assert.ok(!search.body.includes('insuline'));
  });

  test('those handling it see the health details, also when they change; others see that the field is hidden', async () => {
    const seen = (await as(quality, 'GET', `/api/v1/cases/${caseId}`)).json();
    assert.equal(seen.data.healthDetails, HEALTH);
    assert.deepEqual(seen.hiddenFields, []);
    assert.equal(seen.handedOn, false);
    const changed = await as(quality, 'PATCH', `/api/v1/cases/${caseId}`, { data: { healthDetails: 'Allergisch voor penicilline' } });
    assert.equal(changed.statusCode, 200, changed.body);

    const officerTimeline = await as(officer, 'GET', `/api/v1/cases/${caseId}/timeline?limit=100`);
    assert.ok(officerTimeline.json().items.some((e: { type: string }) => e.type === 'caseDataChanged'));
    assert.ok(!officerTimeline.body.includes('penicilline'));
    assert.ok(!officerTimeline.body.includes('insuline'));
    const leadTimeline = await as(lead, 'GET', `/api/v1/cases/${caseId}/timeline?limit=100`);
    assert.ok(leadTimeline.body.includes('penicilline'), 'the team lead who handled it does see the change');
    assert.equal((await as(officer, 'GET', `/api/v1/cases/${caseId}`)).json().hiddenFields.length, 1);
  });
});
