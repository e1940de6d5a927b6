import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { StaffActor } from '../commands/context.ts';
import { warnSubjectRequestDeadlines } from '../jobs/subjectRequestWarner.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

const OTHER = '[gegevens van een ander]';

/** AVG art. 15-18 through the API: the privacy officer registers, exports, corrects, restricts and erases. */
describe('requests from data subjects (AVG art. 15-18)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  const who: Record<string, StaffActor> = {};
  const login = async () => {
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
  };
  before(async () => {
    t = await createTestApp();
    who.officer = await buildStaff(t.services, { roles: ['privacyOfficer'], name: 'Naima Privacy' });
    who.agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
    who.coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
    who.ruud = await buildStaff(t.services, { roles: ['backOffice'], teams: ['backOffice'], name: 'Ruud Smit' });
    await login();
  });
  after(() => t.close());
  const call = async (method: 'GET' | 'POST', url: string, as: string, payload?: object, expect = 200) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: h[as], ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, expect, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const newCase = (body: object) =>
    call('POST', '/cases', 'agent', { subject: 'Klacht', channel: 'phone', description: '', ...body }, 201) as Promise<{
      id: string;
      reference: string;
    }>;
  const lookup = (query: string) => call('POST', '/subject-lookups', 'officer', { query });
  const register = (body: object) => call('POST', '/subject-requests', 'officer', body, 201);
  const complainantId = async (caseId: string) => (await call('GET', `/cases/${caseId}`, 'coordinator')).complainant.id as string;

  test('only the privacy officer handles requests (403 for others)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/subject-requests', headers: h.coordinator });
    assert.equal(res.statusCode, 403);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(
      (await t.app.inject({ method: 'POST', url: '/api/v1/subject-lookups', headers: h.agent, payload: { query: 'Ruud' } })).statusCode,
      403,
    );
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/subject-requests', headers: h.officer, payload: { kind: 'access' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().invalidParams[0].name, 'body.personId');
  });

  test('access: one file with everything about a person in all three roles, others blacked out', async () => {
    const ruudMail = who.ruud!.email;
    const own = await newCase({
      subject: 'Parkeervergunning',
      description: 'Ik wacht op mijn vergunning.',
      complainant: { name: 'Ruud Smit', email: ruudMail },
    });
    const forNeighbour = await newCase({
      subject: 'Trap kapot',
      description: 'Anna Kok kan de trap niet op; bel haar op 0612345678.',
      complainant: { name: 'Anna Kok', email: 'anna.kok@example.org', phone: '0612345678' },
      representative: { person: { name: 'Ruud Smit', email: ruudMail }, relation: 'buurman' },
    });
    const aboutRuud = await newCase({
      subject: 'Onbeleefd',
      description: 'Ruud Smit was onbeleefd tegen mij, Sanne Visser.',
      complainant: { name: 'Sanne Visser', email: 'sanne@example.org' },
    });
    await call('POST', `/cases/${aboutRuud.id}/complained-persons`, 'coordinator', { userId: who.ruud!.id }, 201);
    await call('POST', `/cases/${aboutRuud.id}/notes`, 'coordinator', { body: 'Sanne Visser belde terug.' }, 201);
    const marked = await call('POST', `/cases/${aboutRuud.id}/notes`, 'coordinator', { body: 'Zij vertelde over haar ziekte.' }, 201);
    await call('POST', `/cases/${aboutRuud.id}/notes/${marked.id}/others-data`, 'coordinator', { othersData: true });

    const found = await lookup('ruud smit');
    assert.deepEqual(
      found.staff.map((s: { id: string }) => s.id),
      [who.ruud!.id],
    );
    assert.ok(found.persons.length >= 1);
    assert.equal((await lookup(ruudMail.toUpperCase())).staff[0].id, who.ruud!.id);
    const req = await register({ kind: 'access', staffUserId: who.ruud!.id });
    assert.equal(req.subjectName, 'Ruud Smit');

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/subject-requests/${req.id}/export`, headers: h.officer });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(res.headers['content-disposition'] as string, /^attachment; filename="inzage-persoonsgegevens-2026-03-02\.zip"$/);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    assert.deepEqual(Object.keys(files).sort(), ['gegevens.json', 'overzicht.html']);
    const json = strFromU8(files['gegevens.json']!);
    const data = JSON.parse(json);
    const byRef = (ref: string) => data.cases.find((c: { reference: string }) => c.reference === ref);
    assert.deepEqual(byRef(own.reference).roles, ['complainant']);
    assert.deepEqual(byRef(forNeighbour.reference).roles, ['representative']);
    assert.deepEqual(byRef(aboutRuud.reference).roles, ['complainedAbout']);
    assert.equal(byRef(forNeighbour.reference).complainant, OTHER);
    assert.equal(byRef(forNeighbour.reference).representative, 'Ruud Smit');
    assert.equal(byRef(forNeighbour.reference).description, `${OTHER} kan de trap niet op; bel haar op ${OTHER}.`);
    assert.equal(byRef(aboutRuud.reference).complainant, OTHER);
    assert.deepEqual(byRef(aboutRuud.reference).complainedPersons, ['Ruud Smit']);
    assert.equal(byRef(aboutRuud.reference).description, `Ruud Smit was onbeleefd tegen mij, ${OTHER}.`);
    const notes = byRef(aboutRuud.reference).notes;
    assert.deepEqual(
      notes.map((n: { body: string | null; withheld: boolean }) => [n.body, n.withheld]),
      [
        [`${OTHER} belde terug.`, false],
        [null, true],
      ],
    );
    for (const secret of ['Anna', 'Sanne', 'Visser', 'anna.kok@example.org', 'sanne@example.org', '0612345678', 'ziekte'])
      assert.ok(!json.includes(secret), `the export holds ${secret}`);
    const html = strFromU8(files['overzicht.html']!);
    assert.match(html, /<html lang="nl">/);
    assert.ok(html.includes(`Melding ${aboutRuud.reference}`) && html.includes(OTHER) && html.includes('medewerker over wie geklaagd is'));
    assert.ok(!html.includes('Sanne') && !html.includes('ziekte'));
    const detail = await call('GET', `/subject-requests/${req.id}`, 'officer');
    assert.deepEqual(
      detail.events.map((e: { type: string }) => e.type),
      ['requestRegistered', 'exported'],
    );
    assert.deepEqual(detail.events[1].data, { cases: 3, withheldNotes: 1 });
    const decided = await call('POST', `/subject-requests/${req.id}/decision`, 'officer', {
      status: 'granted',
      outcome: 'Overzicht per post verstuurd.',
    });
    assert.deepEqual([decided.status, decided.decidedBy.name, decided.registeredBy.name], ['granted', 'Naima Privacy', 'Naima Privacy']);
    await call('POST', `/subject-requests/${req.id}/decision`, 'officer', { status: 'refused', outcome: 'Nee.' }, 409);
  });

  test('deadline: one month from receipt (to the next working day), once extended by two months with notice; warned like a case', async () => {
    const anna = (await lookup('anna.kok@example.org')).persons[0];
    const req = await register({ kind: 'correction', personId: anna.id });
    assert.deepEqual([req.receivedOn, req.deadline, req.status], ['2026-03-02', '2026-04-02', 'open']);
    // 31 January + one month = 28 February, a Saturday: the next working day.
    assert.equal((await register({ kind: 'access', personId: anna.id, receivedOn: '2026-01-31' })).deadline, '2026-03-02');
    const future = await t.app.inject({
      method: 'POST',
      url: '/api/v1/subject-requests',
      headers: h.officer,
      payload: { kind: 'access', personId: anna.id, receivedOn: '2026-03-03' },
    });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().invalidParams[0].name, 'body.receivedOn');

    const warnings = async () =>
      (await t.services.db.selectFrom('notification').select('message').where('user_id', '=', who.officer!.id).execute()).map(
        (n) => n.message,
      );
    t.clock.set('2026-03-28T08:00:00Z');
    await warnSubjectRequestDeadlines(t.services);
    await warnSubjectRequestDeadlines(t.services);
    assert.equal((await warnings()).filter((m) => m.includes('2 april 2026')).length, 1);
    assert.ok((await warnings()).every((m) => !m.includes('Anna')));

    await login();
    const extended = await call('POST', `/subject-requests/${req.id}/extension`, 'officer', { reason: 'Veel dossiers' });
    assert.deepEqual([extended.deadline, extended.extended, extended.notice], ['2026-06-02', true, 'email']);
    const mail = await t.services.db
      .selectFrom('outbox_message')
      .select(['subject', 'body_text'])
      .where('to_address', '=', 'anna.kok@example.org')
      .where('template_key', '=', 'subjectRequestExtension')
      .execute();
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.body_text, /uiterlijk dinsdag 2 juni 2026 een antwoord/);
    assert.match(mail[0]!.body_text, /Veel dossiers/);
    await call('POST', `/subject-requests/${req.id}/extension`, 'officer', { reason: 'Nog eens' }, 409);
    t.clock.set('2026-05-28T08:00:00Z');
    await warnSubjectRequestDeadlines(t.services);
    assert.equal((await warnings()).filter((m) => m.includes('2 juni 2026')).length, 1);
    await login();
  });

  test('restriction: the cases can be read, but a step is refused with 409 until it is lifted', async () => {
    const c = await newCase({ subject: 'Afval', complainant: { name: 'Piet Jansen', email: 'piet@example.org' } });
    const req = await register({ kind: 'restriction', personId: await complainantId(c.id) });
    const placed = await call('POST', `/subject-requests/${req.id}/restriction`, 'officer');
    assert.deepEqual([placed.status, placed.restrictionInForce], ['granted', true]);
    assert.equal((await call('GET', `/cases/${c.id}/processing-restriction`, 'agent')).restricted, true);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/transitions`,
      headers: h.agent,
      payload: { transition: 'forwardToCoordinator', inputs: {} },
    });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(refused.json().processingRestricted, true);
    assert.match(refused.json().detail, /beperkt .*AVG art\. 18/);
    const readOnly = await call('GET', `/cases/${c.id}`, 'agent');
    assert.equal(readOnly.status, 'registered');
    // The case page offers nothing the server would refuse: no steps, no notes, no edits.
    assert.deepEqual([readOnly.abilities.transitions, readOnly.abilities.addNote, readOnly.abilities.editData], [[], false, false]);
    const lifted = await call('POST', `/subject-requests/${req.id}/restriction-lift`, 'officer');
    assert.equal(lifted.restrictionInForce, false);
    assert.equal((await call('GET', `/cases/${c.id}/processing-restriction`, 'agent')).restricted, false);
    const open = await call('GET', `/cases/${c.id}`, 'agent');
    assert.ok(open.abilities.transitions.some((s: { key: string }) => s.key === 'forwardToCoordinator'));
    assert.equal(open.abilities.addNote, true);
    await call('POST', `/cases/${c.id}/transitions`, 'agent', { transition: 'forwardToCoordinator', inputs: {} });
  });

  test('correction: name and contact details changed, recorded by field', async () => {
    const c = await newCase({ subject: 'Stoep', complainant: { name: 'Jan Pieterse', email: 'jan@example.org', phone: '0611111111' } });
    const req = await register({ kind: 'correction', personId: await complainantId(c.id) });
    const done = await call('POST', `/subject-requests/${req.id}/correction`, 'officer', {
      name: 'Jan Pietersen',
      email: 'Jan.Pietersen@Example.org',
      phone: '',
    });
    assert.deepEqual([done.status, done.outcome], ['granted', 'Gecorrigeerd: naam, e-mailadres, telefoonnummer.']);
    assert.deepEqual(done.subject, { name: 'Jan Pietersen', email: 'jan.pietersen@example.org', phone: null, address: null });
    assert.deepEqual(done.events.find((e: { type: string }) => e.type === 'corrected').data, { fields: ['name', 'email', 'phone'] });
    assert.equal((await call('GET', `/cases/${c.id}`, 'coordinator')).complainant.name, 'Jan Pietersen');
    const timeline = (await call('GET', `/cases/${c.id}/timeline?limit=100`, 'coordinator')).items as { type: string }[];
    assert.ok(timeline.some((e) => e.type === 'personCorrected'));
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/subject-requests/${req.id}/correction`,
      headers: h.officer,
      payload: { name: 'X' },
    });
    assert.equal(empty.statusCode, 409, 'a decided request is not changed again');
  });

  test('erasure: refused with the reason while a case is kept, done (anonymised) once none is', async () => {
    const piet = (await lookup('piet@example.org')).persons[0];
    const open = await register({ kind: 'erasure', personId: piet.id });
    const refusedOpen = await call('POST', `/subject-requests/${open.id}/erasure`, 'officer');
    assert.equal(refusedOpen.erased, false);
    assert.equal(refusedOpen.status, 'refused');
    assert.match(refusedOpen.outcome, /zolang de klacht nog in behandeling is/);

    t.clock.set('2026-06-01T08:00:00Z');
    await login();
    const c = await newCase({ subject: 'Bankje', complainant: { name: 'Joop Claassen', email: 'joop@example.org' } });
    await call('POST', `/cases/${c.id}/transitions`, 'agent', {
      transition: 'cancel',
      inputs: { cancelReason: 'withdrawn', note: 'Ingetrokken.' },
    });
    const joop = await complainantId(c.id);
    const kept = await call('POST', `/subject-requests/${(await register({ kind: 'erasure', personId: joop })).id}/erasure`, 'officer');
    assert.equal(kept.erased, false);
    // Withdrawn: one year from closing (the organisation's retention table), then it may be destroyed.
    assert.equal(
      kept.outcome,
      `Niet gewist: het klachtdossier ${c.reference} moet volgens de Archiefwet worden bewaard tot dinsdag 1 juni 2027. Daarna wordt het vernietigd (AVG art. 17 lid 3).`,
    );

    t.clock.set('2034-06-01T08:00:00Z');
    await login();
    const erasure = await register({ kind: 'erasure', personId: joop });
    const done = await call('POST', `/subject-requests/${erasure.id}/erasure`, 'officer');
    assert.deepEqual([done.erased, done.status], [true, 'granted']);
    assert.equal(done.subject.email, null);
    assert.notEqual(done.subject.name, 'Joop Claassen');
    assert.deepEqual((await lookup('joop@example.org')).persons, []);
    assert.deepEqual((await lookup('Claassen')).persons, []);
    const erasedCase = await call('GET', `/cases/${c.id}`, 'coordinator');
    assert.notEqual(erasedCase.complainant.name, 'Joop Claassen');
    assert.notEqual(erasedCase.subject, 'Bankje');
  });
});
