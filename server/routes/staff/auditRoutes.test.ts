import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../commands/context.ts';
import { verifyChain } from '../../audit/verifyChain.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * The audit log over HTTP: a coordinator's reads of a case (detail, timeline, a document) and
 * changes are recorded with ids only, who and from where; the privacy officer finds them by case,
 * person, user and period, page by page; anyone else gets 403; every route that reads personal
 * data says what it reads (or that it reads nothing personal).
 */
describe('audit log over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let coordinator: StaffActor;
  const h: Record<string, Record<string, string>> = {};
  let caseId: string, reference: string, personId: string, documentId: string;
  const SUBJECT = 'Lekkage in de kelder van Zonnelaan 12';
  const NAME = 'Fenna Oosterhuis';

  before(async () => {
    t = await createTestApp();
    // Late on 11 March in Amsterdam; the reads below are just after midnight, on the 12th.
    t.clock.set('2026-03-11T22:45:00Z');
    coordinator = await buildStaff(t.services, { roles: ['coordinator'], name: 'Coördinator Audit' });
    h.coordinator = await loginHeaders(t.services, coordinator);
    h.officer = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['privacyOfficer'] }));
    h.lead = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['teamLead'], teams: ['backOffice'] }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.coordinator,
      payload: { subject: SUBJECT, channel: 'letter', complainant: { name: NAME, email: 'fenna@example.org' } },
    });
    assert.equal(res.statusCode, 201, res.body);
    ({ id: caseId, reference } = res.json());
    personId = res.json().complainant.id;
    const boundary = '----kfaudit';
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents`,
      headers: { ...h.coordinator, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="docType"\r\n\r\nscan\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="brief.pdf"\r\nContent-Type: application/pdf\r\n\r\n` +
          `%PDF-1.4\n% ${SUBJECT}\n\r\n--${boundary}--\r\n`,
      ),
    });
    assert.equal(up.statusCode, 201, up.body);
    documentId = up.json().id;
  });
  after(() => t.close());

  const search = (who: string, body: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/audit-searches', headers: h[who], payload: body });
  type Entry = {
    seq: string;
    at: string;
    action: string;
    kind: string;
    change: string | null;
    actor: { id: string; name: string | null };
    case: { id: string; reference: string } | null;
    persons: { id: string; name: string | null; anonymised: boolean }[];
    objectId: string | null;
    ip: string | null;
  };

  test("a coordinator's reads of a case, its timeline and a document are recorded with ids only", async () => {
    t.clock.set('2026-03-11T23:15:00Z');
    for (const url of [`/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/timeline`, `/api/v1/documents/${documentId}/content`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: h.coordinator, remoteAddress: '198.51.100.23' });
      assert.equal(res.statusCode, 200, res.body);
    }
    // A read that fails (not found) is not a read of anything.
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cases/00000000-0000-4000-8000-000000000000',
      headers: h.coordinator,
    });
    assert.equal(missing.statusCode, 404);

    const rows = await t.services.db.selectFrom('audit_entry').selectAll().orderBy('seq').execute();
    const reads = rows.filter((r) => r.at.toISOString() === '2026-03-11T23:15:00.000Z');
    assert.deepEqual(
      reads.map((r) => [r.action, r.actor_kind, r.actor_id, r.case_id, r.person_ids, r.object_id, r.ip]),
      [
        ['case.read', 'staff', coordinator.id, caseId, [personId], null, '198.51.100.23'],
        ['case.timeline.read', 'staff', coordinator.id, caseId, [], null, '198.51.100.23'],
        ['document.read', 'staff', coordinator.id, caseId, [], documentId, '198.51.100.23'],
      ],
    );
    // The registration and the upload before them are changes, recorded too.
    assert.deepEqual(
      rows.slice(0, 2).map((r) => [r.action, r.case_id]),
      [
        ['POST /cases', caseId],
        ['POST /cases/:id/documents', caseId],
      ],
    );
    // Nothing of the case itself: no subject, no name, no e-mail address.
    const stored = JSON.stringify(rows.map(({ hash: _h, ...r }) => r));
    for (const secret of [SUBJECT, NAME, 'fenna@example.org', reference]) assert.ok(!stored.includes(secret), secret);
    assert.deepEqual((await verifyChain(t.services.db)).breaks, []);
  });

  test('the privacy officer finds the entries by case, person, user and period, newest first, page by page; others get 403', async () => {
    const byCase = await search('officer', { caseReference: reference });
    assert.equal(byCase.statusCode, 200, byCase.body);
    const items = byCase.json().items as Entry[];
    assert.deepEqual(
      items.map((e) => e.action),
      ['document.read', 'case.timeline.read', 'case.read', 'POST /cases/:id/documents', 'POST /cases'],
    );
    // A change reads as words (its route's summary), not as a method and a path.
    assert.deepEqual(
      items.map((e) => e.change),
      [null, null, null, 'Document toevoegen', 'Melding registreren'],
    );
    const read = items[2]!;
    assert.deepEqual(
      { kind: read.kind, actor: read.actor, case: read.case, persons: read.persons, ip: read.ip, at: read.at },
      {
        kind: 'read',
        actor: { kind: 'staff', id: coordinator.id, name: 'Coördinator Audit' },
        case: { id: caseId, reference },
        persons: [{ id: personId, name: NAME, anonymised: false }],
        ip: '198.51.100.23',
        at: '2026-03-11T23:15:00.000Z',
      },
    );
    assert.ok(!byCase.body.includes(SUBJECT), 'no subject on the audit screen');

    // By person (id or exact e-mail): the entries about their case, also those naming no person.
    const byPerson = (await search('officer', { personEmail: 'FENNA@example.org' })).json().items as Entry[];
    assert.equal(byPerson.length, 5);
    assert.deepEqual((await search('officer', { personId })).json().items.length, 5);
    // By user and period, with keyset pages of two.
    const first = (await search('officer', { userId: coordinator.id, from: '2026-03-12', to: '2026-03-12', limit: 2 })).json();
    assert.deepEqual(
      first.items.map((e: Entry) => e.action),
      ['document.read', 'case.timeline.read'],
    );
    const second = (
      await search('officer', { userId: coordinator.id, from: '2026-03-12', to: '2026-03-12', limit: 2, cursor: first.nextCursor })
    ).json();
    assert.deepEqual([second.items.map((e: Entry) => e.action), second.nextCursor], [['case.read'], null]);
    assert.equal((await search('officer', { from: '2026-03-13' })).json().items.filter((e: Entry) => e.case).length, 0);

    // An erased person shows as anonymised; the entry itself is untouched and the chain holds.
    await t.services.db.updateTable('person').set({ name: '', email: null }).where('id', '=', personId).execute();
    const after = (await search('officer', { caseReference: reference })).json().items as Entry[];
    assert.deepEqual(after.find((e) => e.action === 'case.read')!.persons, [{ id: personId, name: null, anonymised: true }]);
    assert.deepEqual((await verifyChain(t.services.db)).breaks, []);

    // Searching is itself recorded; nobody else may search.
    const searches = await t.services.db.selectFrom('audit_entry').select('action').where('action', '=', 'audit.search').execute();
    assert.ok(searches.length >= 5);
    assert.equal((await search('coordinator', { caseReference: reference })).statusCode, 403);
    assert.equal((await search('lead', {})).statusCode, 403);
    const bad = await search('officer', { personEmail: 'geen-adres', from: '2026-03-12', to: '2026-03-01' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.personEmail', 'body.to'],
    );
  });

  test("a citizen's submission, reads through their link and answer are recorded under the link's id, never its token", async () => {
    t.clock.set('2026-03-12T09:00:00Z');
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints',
      remoteAddress: '203.0.113.7',
      payload: {
        kind: 'complaint',
        subject: 'Niemand belt terug',
        description: 'Ik heb drie keer gebeld en niemand belt terug.',
        contactPreference: 'email',
        name: 'Ilse Veenstra',
        email: 'ilse@example.org',
        privacyAccepted: true,
      },
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const token = (submitted.json().trackingUrl as string).split('/volgen/')[1]!;
    const citizenRef = submitted.json().reference as string;
    for (const req of [
      { method: 'GET' as const, url: `/volgen/${token}` },
      { method: 'GET' as const, url: `/api/v1/portal/cases/${token}` },
      { method: 'POST' as const, url: `/api/v1/portal/cases/${token}/answers`, payload: { text: 'Ik ben bereikbaar na 17 uur.' } },
    ]) {
      const res = await t.app.inject({ ...req, remoteAddress: '203.0.113.7' });
      assert.ok(res.statusCode < 300, `${req.url}: ${res.statusCode}`);
    }
    // A link that opens nothing is no read of anything.
    assert.equal((await t.app.inject({ method: 'GET', url: `/volgen/${'x'.repeat(43)}` })).statusCode, 404);

    const rows = await t.services.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('at', '=', new Date('2026-03-12T09:00:00Z'))
      .orderBy('seq')
      .execute();
    const citizenCase = rows[0]!.case_id!;
    const link = await t.services.db.selectFrom('case_access').select('id').where('case_id', '=', citizenCase).executeTakeFirstOrThrow();
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor_kind, r.actor_id, r.case_id, r.ip]),
      [
        ['POST /portal/complaints', 'citizen', null, citizenCase, '203.0.113.7'],
        ['portal.case.read', 'citizen', link.id, citizenCase, '203.0.113.7'],
        ['portal.case.read', 'citizen', link.id, citizenCase, '203.0.113.7'],
        ['POST /portal/cases/:token/answers', 'citizen', link.id, citizenCase, '203.0.113.7'],
      ],
    );
    const stored = JSON.stringify(rows.map(({ hash: _h, ...r }) => r));
    for (const secret of [token, 'Ilse Veenstra', 'ilse@example.org', citizenRef]) assert.ok(!stored.includes(secret), secret);
    assert.deepEqual((await verifyChain(t.services.db)).breaks, []);

    // The privacy officer reads them in words, with the citizen as who (logged in again: the morning after).
    h.officer = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['privacyOfficer'] }));
    const found = await search('officer', { caseReference: citizenRef });
    assert.equal(found.statusCode, 200, found.body);
    const items = (found.json().items as (Entry & { actor: { kind: string } })[]).reverse();
    assert.deepEqual(
      items.map((e) => [e.actor.kind, e.kind, e.change]),
      [
        ['citizen', 'change', 'Klacht indienen'],
        ['citizen', 'read', null],
        ['citizen', 'read', null],
        ['citizen', 'change', 'Antwoord geven of iets toevoegen'],
      ],
    );
  });

  test('every route that reads case or person data declares what it reads (or that it reads nothing personal)', () => {
    // Changes are recorded without a declaration; reads must say so, or a new screen's data goes unrecorded.
    const personal = new Set(['case:read', 'activity:read', 'case:export', 'person:merge', 'post:handle', 'survey:read', 'case:import']);
    const undeclared = t.app.auditRoutes
      .filter((r) => r.method === 'GET' && personal.has(r.permission) && r.audit === undefined)
      .map((r) => `${r.method} ${r.url}`);
    // Lists of words and templates, with nothing of a case in them; whether a case's processing is restricted.
    const known = [
      'GET /api/v1/letter-templates',
      'GET /api/v1/standard-responses',
      'GET /api/v1/import-mappings',
      'GET /api/v1/cases/:id/processing-restriction',
    ];
    assert.deepEqual(
      undeclared.filter((r) => !known.includes(r)),
      [],
    );
  });
});
