import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DEMO_ORGANISATION_FILE } from '../config/organisation.ts';
import { ROLES } from '../domain/roles.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './plugins/auth.ts';
import { DOC_TYPES } from './staff/documentRoutes.ts';

/**
 * Bad input, property-based (fast-check), against EVERY route of the API in `app.routeTable`: path
 * parameters, query strings, headers and bodies that are random, malformed or almost right. Sent as
 * a user holding every role (so authorisation hides nothing), and some runs without a session, with
 * a garbage cookie or with a wrong CSRF token. Whatever comes in:
 *
 *  1. never a 5xx;
 *  2. every 4xx is `application/problem+json` with `status` equal to the HTTP status, and a 400 names
 *     what was wrong in `invalidParams` ({name, reason});
 *  3. a refused request (4xx) stores nothing: every table's row count and newest row version (xmin)
 *     are the same before and after it (a 2xx or 3xx may change them);
 *  4. a caller without a session, or without the CSRF token on an unsafe method, is refused before
 *     anything else is looked at (no 2xx, no validation details).
 *
 * A failure prints the route and the exact request (fast-check's shrunk counterexample, and its
 * seed and path). FUZZ_RUNS (default 50) sets the runs per route; FUZZ_SEED, FUZZ_PATH and
 * FUZZ_ROUTE ("POST /api/v1/cases") replay one counterexample.
 */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 50));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const REPLAY_PATH = process.env.FUZZ_PATH;
const ONLY_ROUTE = process.env.FUZZ_ROUTE;
const API = '/api/v1';
/** A small upload limit (instead of the default 10 MB) so "one byte too many" is cheap to send. */
const MAX_UPLOAD = 16 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
type Who = 'staff' | 'anonymous' | 'garbageCookie' | 'badCsrf' | 'noCsrf';
type FuzzRequest = {
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  remoteAddress: string;
  who: Who;
  /** The request is the route's own method and path shape (false: other method, trailing slash, …). */
  asRoute: boolean;
};

// ─── A stand-in OpenID provider, so the OIDC routes exist and /oidc/login can build its redirect.
// Its token endpoint refuses every code: a callback can only ever fail.
const oidcServer = http.createServer((req, res) => {
  const issuer = `http://127.0.0.1:${(oidcServer.address() as AddressInfo).port}`;
  res.setHeader('content-type', 'application/json');
  if (req.url === '/.well-known/openid-configuration') {
    res.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      }),
    );
  } else if (req.url === '/jwks') {
    res.end('{"keys":[]}');
  } else {
    res.statusCode = 400;
    res.end('{"error":"invalid_grant"}');
  }
});
await new Promise<void>((resolve) => oidcServer.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(oidcServer.address() as AddressInfo).port}`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-badinput-'));
const orgFile = path.join(tmp, 'organisation.json');
fs.writeFileSync(
  orgFile,
  JSON.stringify({ ...JSON.parse(fs.readFileSync(DEMO_ORGANISATION_FILE, 'utf8')), documents: { maxBytes: MAX_UPLOAD } }),
);

const t = await createTestApp({
  demo: true,
  orgFile,
  // This test sends what no client would, on purpose: unknown query parameters, bodies on a GET, garbage
  // in every field. What it checks is that each answer is a problem naming the field, never a 500. The
  // OpenAPI contract (server/test/contract.ts) is checked by the suites that use the API as a client does.
  contract: false,
  oidc: { issuer, clientId: 'klachtflow', clientSecret: 'bad-input-test-secret-0123456789abcdef' },
});
after(async () => {
  await t.close();
  await new Promise((resolve) => oidcServer.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

const me = await buildStaff(t.services, {
  roles: [...ROLES],
  teams: ['kcc', 'coordinators', 'backOffice', 'department'],
  name: 'Fuzz Alle Rollen',
});
const colleague = await buildStaff(t.services, { roles: ['coordinator', 'backOffice'], teams: ['coordinators'] });
let staff = await loginHeaders(t.services, me);

// ─── Fixtures, made through the API: rows the generators use as "valid ids of existing rows".
async function call(method: Method, url: string, payload?: object, headers: Record<string, string> = staff) {
  const res = await t.app.inject({ method, url: API + url, headers, ...(payload ? { payload } : {}), remoteAddress: '192.0.2.1' });
  assert.ok(res.statusCode < 400, `fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}
const json = async (method: Method, url: string, payload?: object) => (await call(method, url, payload)).json();
const slot = (day: string) => ({ startsAt: `${day}T10:00:00+01:00`, endsAt: `${day}T11:00:00+01:00`, location: 'Stadskantoor, kamer 2' });
const JUDGED: [string, Record<string, unknown>][] = [
  ['forwardToCoordinator', {}],
  ['acknowledge', {}],
  ['classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true }],
  ['forwardForJudgment', {}],
  ['judge', { judgment: 'partlyFounded', judgmentReasons: 'De medewerker had u rustiger moeten helpen.' }],
];
const caseBody = {
  subject: 'Onbeleefd behandeld',
  description: 'De medewerker aan de balie was onbeleefd.',
  channel: 'letter',
  complainant: { name: 'Ria de Vries', email: 'ria@example.org', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Dorp' },
};
async function judgedCase() {
  const c = await json('POST', '/cases', caseBody);
  for (const [transition, inputs] of JUDGED) await json('POST', `/cases/${c.id}/transitions`, { transition, inputs });
  return c.id as string;
}

const activities = [
  (await json('POST', '/activities', { channel: 'phone', subject: 'Terugbelverzoek', assignTo: 'queue' })).id,
  (
    await json('POST', '/activities', {
      channel: 'email',
      subject: 'Container niet geleegd',
      body: 'Al drie weken niet.',
      contact: { name: 'Evi', email: 'evi@example.org', phone: '06-12345678' },
      assignTo: 'self',
    })
  ).id,
  (await json('POST', '/activities', { channel: 'counter', subject: 'Balie', assignTo: { team: 'kcc' } })).id,
] as string[];
const plainCase = (await json('POST', '/cases', caseBody)).id as string;
const fromActivity = (
  await json('POST', '/cases', {
    activityId: activities[1],
    subject: 'Afval',
    channel: 'email',
    complainant: { name: 'Evi', email: 'evi@example.org' },
  })
).id as string;
const hearingCase = await judgedCase();
await json('POST', `/cases/${hearingCase}/hearing-invitation`, { slots: [slot('2026-03-10'), slot('2026-03-11'), slot('2026-03-12')] });
const slots = ((await json('GET', `/cases/${hearingCase}`)).hearingSlots as { id: string }[]).map((s) => s.id);
const letterCase = await judgedCase();
await json('POST', `/cases/${letterCase}/transitions`, { transition: 'skipHearing', inputs: { hearingSkipReason: 'complainantDeclined' } });
const letter = (await json('POST', `/cases/${letterCase}/letters`, { kind: 'decision' })).id as string;

const BOUNDARY = '----klachtflowBadInput';
type Part = { name: string; filename?: string; type?: string; content: string | Buffer };
function multipart(parts: Part[], opts: { boundary?: string; close?: boolean } = {}) {
  const b = opts.boundary ?? BOUNDARY;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    chunks.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: ${disposition}\r\n${p.type === undefined ? '' : `Content-Type: ${p.type}\r\n`}\r\n`,
        'utf8',
      ),
    );
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  if (opts.close !== false) chunks.push(Buffer.from(`--${b}--\r\n`));
  return Buffer.concat(chunks);
}
const upload = await t.app.inject({
  method: 'POST',
  url: `${API}/cases/${plainCase}/documents`,
  headers: { ...staff, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  payload: multipart([
    { name: 'docType', content: 'scan' },
    { name: 'file', filename: 'brief.txt', type: 'text/plain', content: 'Geachte heer, mevrouw.' },
  ]),
});
assert.equal(upload.statusCode, 201, upload.body);
const document = upload.json().id as string;

const complaintForm = {
  kind: 'complaint',
  subject: 'Niemand belt terug',
  description: 'Ik heb drie keer gebeld en niemand belt terug over mijn aanvraag.',
  contactPreference: 'email',
  name: 'Evi Jangha',
  email: 'evi.jangha@example.org',
  phone: '06 1234 5678',
  street: 'Laan 3',
  postcode: '1234AB',
  city: 'Dorp',
  privacyAccepted: true,
};
const portal = (await call('POST', '/portal/complaints', complaintForm, {})).json();
const portalToken = String(portal.trackingUrl).split('/volgen/')[1]!;
await call('GET', `/portal/cases/${portalToken}`, undefined, {});
const outbox = (await t.services.db.selectFrom('outbox_message').select('id').limit(3).execute()).map((r) => r.id);
assert.ok(outbox.length > 0, 'the portal complaint queued a confirmation');
const notification = (
  await t.services.db
    .insertInto('notification')
    .values({ user_id: me.id, case_id: plainCase, kind: 'reminder', message: 'Herinnering: melding loopt af', created_at: t.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const surveyToken = randomBytes(32).toString('base64url');
const complainant = (await t.services.db.selectFrom('cases').select('complainant_id').where('id', '=', plainCase).executeTakeFirstOrThrow())
  .complainant_id;
await t.services.db
  .insertInto('survey')
  .values({
    case_id: plainCase,
    person_id: complainant,
    token_hash: createHash('sha256').update(surveyToken).digest('base64url'),
    sent_at: t.clock.now(),
  })
  .execute();
const oidcStates: string[] = [];
for (let i = 0; i < 3; i++) {
  const login = await t.app.inject({ method: 'GET', url: `${API}/oidc/login?returnTo=%2Fwerkvoorraad` });
  assert.equal(login.statusCode, 302, login.body);
  oidcStates.push(new URL(String(login.headers.location)).searchParams.get('state')!);
}
// Real keyset cursors (the next page of a one-item page), and one in the same format for the mailbox.
const cursors = [
  (await json('GET', '/activities?limit=1')).nextCursor,
  (await json('GET', '/cases?limit=1')).nextCursor,
  Buffer.from(JSON.stringify([t.clock.now().toISOString(), outbox[0]])).toString('base64url'),
] as string[];
assert.ok(cursors.every(Boolean), 'the lists gave next-page cursors');
// An improvement measure on a case, open, so its steps (carried out, check) can succeed.
const measure = (
  await json('POST', '/measures', {
    description: 'Terugbelafspraken in de agenda',
    ownerId: me.id,
    dueDate: '2026-12-01',
    caseIds: [plainCase],
  })
).measure.id as string;
const teams = Object.fromEntries(
  (await t.services.db.selectFrom('team').select(['id', 'key']).execute()).map((r) => [r.key, r.id]),
) as Record<string, string>;

// Administration's own rows (issue 13), so its routes are fuzzed on real ids, never on the fuzzing
// user (whose roles and teams they would change) or the colleague the other examples assign to.
const adminUser = (await json('POST', '/admin/users', { name: 'Femke Fixture', email: 'femke.fixture@example.org', roles: ['backOffice'] }))
  .id as string;
const adminTeam = (await json('POST', '/admin/teams', { name: 'Team Fixture' })).id as string;
const adminUnit = (await json('POST', '/admin/org-units', { name: 'Afdeling Fixture' })).id as string;
const substitution = (
  await json('POST', `/admin/users/${adminUser}/substitutions`, {
    substituteId: colleague.id,
    startsOn: '2026-03-02',
    endsOn: '2026-03-06',
  })
).substitutions[0].id as string;

const ids = {
  adminUser: [adminUser],
  adminTeam: [adminTeam, ...Object.values(teams)],
  orgUnit: [adminUnit],
  substitution: [substitution],
  activity: activities,
  case: [plainCase, fromActivity, hearingCase, letterCase],
  letter: [letter],
  document: [document],
  notification: [notification],
  outbox,
  slot: slots,
  user: [me.id, colleague.id],
  team: Object.values(teams),
  person: [complainant],
  measure: [measure],
};
const allIds = Object.values(ids).flat();
const processDefinition = (await json('GET', '/processes/kcc-complaint')).published.definition as Json;

// ─── Hand-written valid bodies per route; the generators mutate them one field at a time. Every
// route that takes a body is listed (null: no body), so a new route cannot slip past this test.
const now = '2026-03-02T10:00:00+01:00';
const EXAMPLES: Record<string, Json[] | 'multipart' | null> = {
  'POST /api/v1/activities': [
    {
      channel: 'phone',
      subject: 'Terugbelverzoek',
      body: 'Graag terugbellen na 14 uur.',
      contact: { name: 'Evi', email: 'evi@example.org', phone: '+31 6 1234 5678' },
      assignTo: 'queue',
    },
    { channel: 'counter', subject: 'Vraag aan de balie', contact: { phone: '+32 470 12 34 56' }, assignTo: { team: 'kcc' } },
  ],
  'POST /api/v1/activities/:id/assignment': [
    { userId: me.id, reason: 'Overdracht' },
    { userId: null, teamId: teams.kcc! },
  ],
  'POST /api/v1/activity-assignments': [
    { activityIds: [activities[0]!, activities[2]!], userId: colleague.id },
    { activityIds: [activities[0]!], teamId: teams.kcc! },
  ],
  'POST /api/v1/activities/:id/pick-up': null,
  'POST /api/v1/activities/:id/release': null,
  'POST /api/v1/activities/:id/closure': [
    { status: 'done', reason: 'Teruggebeld' },
    { status: 'cancelled' },
    { status: 'done', completionReason: 'done' },
  ],
  'POST /api/v1/activities/:id/start': null,
  'POST /api/v1/activities/:id/case-link': [{ caseId: plainCase }],
  'POST /api/v1/case-match-suggestions': [
    { email: 'ria@example.org', name: 'Ria' },
    { activityId: activities[1]! },
    { phone: '0031 6 1234 5678', text: 'onbeleefd aan de balie' },
  ],
  'POST /api/v1/case-searches': [{ q: 'onbeleefd', limit: 5 }],
  'POST /api/v1/audit-searches': [
    { caseReference: 'KF-2026-000001', from: '2026-01-01', to: '2026-03-01', limit: 20 },
    { personEmail: 'ria@example.org', userId: '00000000-0000-4000-8000-000000000000', cursor: '12' },
  ],
  'POST /api/v1/cases': [
    { ...caseBody, receivedAt: now, complainant: { ...caseBody.complainant, kind: 'person', phone: '06-12345678' }, data: {} },
    {
      activityId: activities[0]!,
      subject: 'Telefonische klacht',
      channel: 'phone',
      complainant: { personId: complainant },
      representative: {
        person: { name: 'Ahmed', kind: 'person' },
        relation: 'mantelzorger',
        mandate: { verification: 'writtenAuthorisation', validFrom: '2026-01-05', validUntil: null },
      },
      data: { incidentDate: '2026-01-05' },
      emailConsent: false,
      language: 'en',
      sendConfirmation: true,
    },
  ],
  'PATCH /api/v1/cases/:id': [{ data: { incidentDate: '2026-01-05' } }, { data: {}, expectedVersion: 1 }],
  'POST /api/v1/cases/:id/complained-persons': [{ name: 'Jan Balie', jobTitle: 'Baliemedewerker' }, { userId: colleague.id }],
  'POST /api/v1/cases/:id/contacts': [
    { method: 'phone', summary: 'Klager gebeld.' },
    { method: 'letter', summary: 'Brief gestuurd.', at: now },
  ],
  'POST /api/v1/cases/:id/consent-delay': [{ consentAt: now, newEnd: '2026-06-01', note: 'Klager stemt schriftelijk in.' }],
  'POST /api/v1/cases/:id/documents': 'multipart',
  'POST /api/v1/imports': 'multipart',
  'POST /api/v1/imports/:id/dry-run': [{ columns: { 'Datum ontvangst': 'receivedAt', Omschrijving: 'subject' } }],
  'POST /api/v1/imports/:id/run': null,
  'POST /api/v1/import-mappings': [{ name: 'Centraal klachtenregister', processKey: 'kcc-complaint', columns: { Nummer: 'reference' } }],
  'PUT /api/v1/cases/:id/regime': [{ regime: 'awbCommittee' }, { regime: 'awb', expectedVersion: 1 }],
  'PUT /api/v1/cases/:id/committee-advice': [
    { followsAdvice: true },
    { followsAdvice: false, departureReason: 'Het advies ging uit van een oude regel.', expectedVersion: 1 },
  ],
  'POST /api/v1/cases/:id/extension': [{ weeks: 4, reason: 'Advies van de afdeling nodig', noticeSentAt: now }],
  'POST /api/v1/cases/:id/hearing-invitation': [
    { slots: [slot('2026-03-16'), slot('2026-03-17')], note: 'Neem uw brief mee.', expectedVersion: 1 },
  ],
  'POST /api/v1/cases/:id/hearing-slots/:slotId/booking': null,
  'POST /api/v1/cases/:id/letters': [{ kind: 'decision' }, { kind: 'decision', templateKey: 'decision.awb' }],
  'POST /api/v1/cases/:id/notes': [{ body: 'Klager teruggebeld.' }],
  'POST /api/v1/cases/:id/action-lines': [
    { fromTemplate: { template: 'complaint', line: 0 } },
    { subject: 'Schilder laten komen', dueDate: '2026-03-20' },
  ],
  'PATCH /api/v1/cases/:id/action-lines/:lineId': [{ dueDate: '2026-03-20' }],
  'POST /api/v1/cases/:id/action-lines/:lineId/comments': [{ body: 'Huurder is na 17 uur bereikbaar.' }],
  'POST /api/v1/cases/:id/tasks': [
    { subject: 'Huurder bellen', body: 'Na 17 uur.', userId: colleague.id },
    { subject: 'Foto’s opvragen', teamId: teams.kcc!, dueDate: '2026-03-20', lineId: activities[0]! },
  ],
  'POST /api/v1/cases/:id/tasks/:taskId/assignment': [{ userId: colleague.id }, { teamId: teams.kcc!, reason: 'Overdracht' }],
  'PUT /api/v1/cases/:id/handler': [{ userId: colleague.id }],
  'POST /api/v1/cases/:id/transitions': [
    { transition: 'forwardToCoordinator', inputs: {} },
    {
      transition: 'classify',
      inputs: { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true },
      expectedVersion: 2,
    },
    { transition: 'requestInformation', inputs: { informationRequested: 'Wat is uw klantnummer?' } },
  ],
  'POST /api/v1/dev-login': [{ userId: colleague.id }],
  'POST /api/v1/letters/:id/versions': [
    {
      expectedVersion: 1,
      sections: [{ key: 'findings', heading: 'Wat wij vonden', text: 'Wij hebben met de medewerker gesproken.' }],
      insertStandardResponses: [{ section: 'conclusions', responseKey: 'excuses-bejegening' }],
    },
  ],
  'POST /api/v1/letters/:id/submit': [{ expectedVersion: 2, caseTransition: { key: 'submitLetter', inputs: {} } }, { expectedVersion: 2 }],
  'POST /api/v1/letters/:id/approve': [{ expectedVersion: 3, signerUserId: me.id }],
  'POST /api/v1/letters/:id/send': [{ expectedVersion: 3, caseTransition: { key: 'sendLetter' } }],
  'POST /api/v1/notifications/:id/read': null,
  'POST /api/v1/postal-items/:id/posted': null,
  'POST /api/v1/portal/cases/:token/answers': [{ text: 'Mijn klantnummer is 12345.' }],
  'POST /api/v1/portal/cases/:token/hearing-booking': [{ slotId: slots[0]! }],
  'POST /api/v1/portal/complaints': [
    complaintForm,
    {
      ...complaintForm,
      email: '',
      onBehalfOf: 'on',
      behalfName: 'Ahmed',
      behalfRelation: 'mantelzorger',
      privacyAccepted: 'on',
      incidentDate: '2026-02-01',
    },
  ],
  'POST /api/v1/portal/surveys/:token': [{ score: 4, comment: 'Goed geholpen.' }, { score: '5' }],
  'POST /api/v1/readability-checks': [{ text: 'Wij hebben uw klacht goed bekeken. U krijgt binnen twee weken antwoord.' }],
  'POST /api/v1/saved-filters': [
    { name: 'Te laat via e-mail', query: 'queue=mine&channel=email&sort=-createdAt' },
    { name: 'Leeg', query: '' },
  ],
  'DELETE /api/v1/saved-filters/:id': null,
  'POST /api/v1/report-subscriptions': [
    { frequency: 'monthly', filter: { granularity: 'quarter', ground: 'conduct' }, language: 'en' },
    { report: 'periodic', frequency: 'weekly' },
  ],
  'DELETE /api/v1/report-subscriptions/:id': null,
  'POST /api/v1/retention/lists/:id/cases/:caseId/hold': [{ reason: 'Loopt een rechtszaak' }],
  'DELETE /api/v1/retention/lists/:id/cases/:caseId/hold': null,
  'POST /api/v1/retention/lists/:id/approve': null,
  'POST /api/v1/quarantined-mail/:id/release': null,
  'DELETE /api/v1/quarantined-mail/:id': null,
  'POST /api/v1/report-subscriptions/:id/pause': null,
  'POST /api/v1/report-subscriptions/:id/resume': null,
  'POST /api/v1/reports': [
    { kind: 'periodic', from: '2026-01-01', to: '2026-06-30' },
    { kind: 'annual', from: '2025-01-01', to: '2025-12-31', title: 'Klachtenjaarverslag 2025' },
  ],
  'PATCH /api/v1/reports/:id': [
    { conclusions: 'Klagers wachten te lang.', recommendations: 'Bel sneller terug.' },
    { title: 'Halfjaaranalyse' },
  ],
  'POST /api/v1/reports/:id/finalise': null,
  'POST /api/v1/person-suggestions': [{ email: 'Ria@Example.org ' }, { phone: '+31 6 1234 5678' }],
  'POST /api/v1/person-merges': [{ survivorId: complainant, duplicateId: complainant }],
  'POST /api/v1/person-merges/:id/undo': null,
  'POST /api/v1/mandate-lookups': [{ representedId: complainant, representativeId: colleague.id }],
  'POST /api/v1/cases/:id/mandate': [{ verification: 'phoneWithRepresentedPresent', validFrom: '2026-01-05', validUntil: '2026-12-31' }],
  'POST /api/v1/mandates/:id/revoke': null,
  'POST /api/v1/measures': [
    { description: 'Wachttijd aan de telefoon melden', ownerId: me.id, dueDate: '2026-12-01', caseIds: [plainCase], ground: 'conduct' },
    {
      description: 'Klachtenmethodiek evalueren',
      ownerId: colleague.id,
      dueDate: '2026-06-30',
      source: 'systemReview',
      finding: 'Bevinding 2',
    },
  ],
  'PATCH /api/v1/measures/:id': [{ dueDate: '2026-12-15' }, { description: 'Terugbelafspraken in de gedeelde agenda' }],
  'POST /api/v1/measures/:id/cases': [{ caseId: '00000000-0000-4000-8000-000000000000' }],
  'POST /api/v1/measures/:id/carried-out': [{ carriedOutOn: '2026-03-02', note: 'Besproken in het teamoverleg' }],
  'POST /api/v1/measures/:id/check': [
    { method: 'Steekproef', conclusion: 'Werkt nog niet', effective: false, newDueDate: '2026-06-01' },
    { method: 'Steekproef', conclusion: 'Werkt', effective: true },
  ],
  // The published definition, as the process owner's page sends it back (as JSON and as its text).
  'POST /api/v1/processes/:key/checks': [{ definition: processDefinition }, { definition: JSON.stringify(processDefinition) }],
  'POST /api/v1/processes/:key/drafts': [{ definition: processDefinition }],
  'POST /api/v1/processes/:key/versions/:version/publication': null,
  'PUT /api/v1/analysis/volumes': [
    {
      items: [
        { month: '2026-01', volume: 1200 },
        { month: '2026-02', kind: 'customers', volume: null },
      ],
    },
  ],
  'POST /api/v1/subject-lookups': [{ query: 'Ria' }, { query: 'ria@example.org' }],
  'POST /api/v1/subject-requests': [
    { kind: 'access', personId: complainant },
    { kind: 'restriction', staffUserId: colleague.id, receivedOn: '2026-02-27' },
  ],
  'POST /api/v1/subject-requests/:id/extension': [{ reason: 'Veel dossiers om door te nemen' }],
  'POST /api/v1/subject-requests/:id/correction': [{ name: 'Ria de Boer', email: 'ria@example.org', phone: '' }, { city: 'Utrecht' }],
  'POST /api/v1/subject-requests/:id/restriction': null,
  'POST /api/v1/subject-requests/:id/restriction-lift': null,
  'POST /api/v1/subject-requests/:id/erasure': null,
  'POST /api/v1/subject-requests/:id/decision': [{ status: 'granted', outcome: 'Overzicht verstuurd' }],
  'POST /api/v1/cases/:id/notes/:noteId/others-data': [{ othersData: true }],
  'POST /api/v1/admin/users': [
    {
      name: 'Ilse Jansen',
      email: 'ilse.jansen@example.org',
      roles: ['backOffice', 'teamLead'],
      teamIds: [teams.kcc!],
      jobTitle: 'Klachtbehandelaar',
    },
    { name: 'Ruud Vos', email: 'ruud.vos@example.org', roles: ['department'], orgUnitId: null, phone: '088 123 45 00' },
  ],
  'PATCH /api/v1/admin/users/:id': [
    { roles: ['backOffice', 'teamLead'], teamIds: [teams.kcc!] },
    { name: 'Femke de Fixture', phone: null },
  ],
  'POST /api/v1/admin/users/:id/deactivation': null,
  'POST /api/v1/admin/users/:id/reactivation': null,
  'POST /api/v1/admin/users/:id/substitutions': [{ substituteId: colleague.id, startsOn: '2026-03-09', endsOn: '2026-03-13' }],
  'DELETE /api/v1/admin/substitutions/:id': null,
  'POST /api/v1/admin/teams': [{ name: 'Team Vergunningen' }, { name: 'Team Wonen', key: 'wonen', orgUnitId: null }],
  'PATCH /api/v1/admin/teams/:id': [{ name: 'Team Fixture en Zo' }, { orgUnitId: null }],
  'POST /api/v1/admin/org-units': [{ name: 'Afdeling Wonen' }, { name: 'Bouwtoezicht', key: 'bouwtoezicht', parentId: null }],
  'PATCH /api/v1/admin/org-units/:id': [{ name: 'Afdeling Fixture en Zo' }, { parentId: null }],
  'POST /api/v1/api-clients': [
    { name: 'CRM', scopes: ['case:read', 'case:readAll', 'activity:create'], expiresAt: '2026-12-31T23:00:00Z' },
    { name: 'Website', scopes: ['case:create'], expiresAt: null },
  ],
  'POST /api/v1/api-clients/:id/revoke': null,
  'POST /api/v1/zgw/syncs/:id/retry': null,
  'POST /api/v1/admin/event-subscriptions': [
    {
      name: 'Zaaksysteem',
      url: 'https://zaken.example.org/klachtflow-events',
      eventTypes: ['nl.klachtflow.case.created', 'nl.klachtflow.case.closed'],
    },
    { name: 'Lokale ontvanger', url: 'http://localhost:8080/events', eventTypes: ['nl.klachtflow.case.status-changed'] },
  ],
  'PATCH /api/v1/admin/event-subscriptions/:id': [
    { active: false },
    { name: 'Zaaksysteem', url: 'https://zaken.example.org/events', eventTypes: ['nl.klachtflow.case.assigned'] },
  ],
  'POST /api/v1/admin/event-subscriptions/:id/test': null,
  'POST /api/v1/admin/event-deliveries/:id/retry': null,
  'DELETE /api/v1/session': null,
};

const routes = t.app.routeTable
  .filter((r) => r.url.startsWith(`${API}/`) && !r.url.startsWith(`${API}/docs`))
  .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

// ─── Generators ──────────────────────────────────────────────────────────────────────────────────
/** A JSON literal JSON.stringify cannot write (1e400, -0, 20 000 levels of nesting): spliced in as text. */
const raw = (text: string) => `\u0000raw:${Buffer.from(text).toString('base64')}\u0000`;
/** JSON text of a generated value; `__proto_x__` keys become real `__proto__` keys (prototype poisoning). */
const toJsonText = (v: unknown) =>
  (JSON.stringify(v) ?? 'null')
    .replace(/"\\u0000raw:([A-Za-z0-9+/=]*)\\u0000"/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString())
    .replace(/"__proto_x__":/g, '"__proto__":');
const nested = (depth: number, kind: 'array' | 'object'): Json =>
  raw(kind === 'array' ? `${'['.repeat(depth)}"bodem"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}"bodem"${'}'.repeat(depth)}`);
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const latin1 = fc
  .integer({ min: 0x20, max: 0xff })
  .filter((c) => c < 0x7f || c > 0x9f)
  .map((c) => String.fromCharCode(c));
const longText = fc
  .tuple(fc.constantFrom('x', 'é', '😀', 'a b ', '\u200b'), fc.constantFrom(101, 201, 1001, 2001, 10_001, 20_001, 50_001, 150_000))
  .map(([c, n]) => c.repeat(n));
const realId = fc.constantFrom(...allIds);
const uuidLike = fc.oneof(
  fc.uuid(),
  realId.map((id) => id.toUpperCase()),
  realId.map((id) => `{${id}}`),
  realId.map((id) => id.replace(/-/g, '')),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '------------------------------------',
    '00000000-0000-0000-0000-00000000000g',
  ),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef-'), minLength: 36, maxLength: 36 }),
);
const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 53 + 2,
    -1e308,
    1e308,
    '',
    ' ',
    '\u0000',
    'null',
    'true',
    '0',
    '-1',
    '[]',
    '{}',
    '2026-02-30T25:61:00Z',
    '9999-12-31T23:59:59Z',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '2026-03-02',
    '2026-03-02T10:00:00',
    '1234 AB',
    // Phone numbers that look like one but are none (too short, an extension, not in the numbering plan).
    '06-1234',
    '0612345678 ext. 12',
    '+31 0123 45678',
    'a@b',
    'x@example.org\r\nBcc: y@example.org',
    '<script>alert(1)</script>',
    "'; drop table cases; --",
    '../../etc/passwd',
    '%00',
    '\u202e\u200b',
    '😀',
    [],
    [null],
    {},
    { $ne: null },
    raw('1e400'),
    raw('-0'),
    raw('123456789012345678901234567890'),
    raw('1e-400'),
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  uuidLike,
  realId,
  longText,
  fc.constantFrom(3, 100, 1000, 5000).chain((n) => fc.constantFrom<'array' | 'object'>('array', 'object').map((k) => nested(n, k))),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type PathPart = string | number;
function pathsOf(v: Json, prefix: PathPart[] = []): PathPart[][] {
  const out: PathPart[][] = [];
  if (Array.isArray(v)) {
    for (const [i, item] of v.entries()) out.push([...prefix, i], ...pathsOf(item, [...prefix, i]));
  } else if (v && typeof v === 'object')
    for (const [k, item] of Object.entries(v)) out.push([...prefix, k], ...pathsOf(item, [...prefix, k]));
  return out;
}
type Mutation =
  | { op: 'set'; value: Json }
  | { op: 'delete' }
  | { op: 'wrap' }
  | { op: 'stringify' }
  | { op: 'addKey'; key: string; value: Json };
function mutate(example: Json, at: PathPart[], m: Mutation): Json {
  const root = structuredClone(example);
  if (at.length === 0) {
    if (m.op === 'addKey' && root && typeof root === 'object' && !Array.isArray(root)) return { ...root, [m.key]: m.value };
    return m.op === 'set' ? m.value : root;
  }
  let parent = root as Record<string | number, Json>;
  for (const p of at.slice(0, -1)) parent = parent[p] as Record<string | number, Json>;
  const last = at[at.length - 1]!;
  const current = parent[last]!;
  if (m.op === 'set') parent[last] = m.value;
  else if (m.op === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else if (m.op === 'wrap') parent[last] = [current];
  else if (m.op === 'stringify') parent[last] = typeof current === 'string' ? [current] : JSON.stringify(current);
  else if (current && typeof current === 'object' && !Array.isArray(current)) (current as Record<string, Json>)[m.key] = m.value;
  else parent[last] = { [m.key]: m.value };
  return root;
}
/** Every leaf of the example replaced by a value of another type. */
function wrongTypes(v: Json): Json {
  if (Array.isArray(v)) return v.length ? v.map(wrongTypes) : {};
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrongTypes(x)]));
  if (typeof v === 'string') return 1;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return 'true';
  return [];
}
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: weirdValue.map((value) => ({ op: 'set' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ op: 'delete' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'wrap' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'stringify' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('addKey' as const),
      key: fc.oneof(
        fc.constantFrom('__proto_x__', 'constructor', 'id', 'version', 'status', 'createdBy', 'caseId', 'admin'),
        fc.string({ maxLength: 10 }),
      ),
      value: weirdValue,
    }),
  },
);
function mutatedExample(example: Json): fc.Arbitrary<Json> {
  const paths: PathPart[][] = [[], ...pathsOf(example)];
  return fc.tuple(fc.integer({ min: 0, max: paths.length - 1 }), mutationArb).map(([i, m]) => mutate(example, paths[i]!, m));
}
/** Text-level damage to a valid JSON body: what a broken client or a proxy might send. */
function corruptJson(text: string): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((k) => text.slice(0, k)),
    fc
      .tuple(fc.integer({ min: 0, max: text.length }), fc.constantFrom('{', '}', '[', ',', '"', '\\', ':', '\u0000', 'x', '\ud800'))
      .map(([k, c]) => text.slice(0, k) + c + text.slice(k)),
    fc.constantFrom(
      text.replace(/}$/, ',}'),
      text.replace(/"/g, "'"),
      `\ufeff${text}`,
      `${text} trailing`,
      `/* c */${text}`,
      `${text}${text}`,
      text.replace(/\d+/, 'NaN'),
      '',
      '   ',
      'null',
      '"tekst"',
      '123',
      'true',
      '[]',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '{"a":1,"a":{"b":2}}',
    ),
    fc.constant(Buffer.concat([Buffer.from(text.slice(0, 10)), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from(text.slice(10))])),
    fc.constant(Buffer.from(text, 'utf16le')),
  );
}

const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=latin1',
  'application/json; charset=utf-16',
];
const OTHER_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/xml',
  'text/html',
  'application/problem+json',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  `multipart/form-data; boundary=${BOUNDARY}`,
  'multipart/mixed; boundary=xyz',
  '*/*',
  'application/*',
  ';',
  'json',
  'application/json, text/plain',
];
type Body = { payload?: string | Buffer; contentType?: string };

type UploadSpec = {
  docType: string | undefined;
  files: { field: string; filename: string; type: string | undefined; size: number }[];
  extraFields: number;
  damage: 'none' | 'unclosed' | 'otherBoundary' | 'noBoundary';
};
const VALID_UPLOAD: UploadSpec = {
  docType: 'attachment',
  files: [{ field: 'file', filename: 'brief.txt', type: 'text/plain', size: 22 }],
  extraFields: 0,
  damage: 'none',
};
const uploadField = {
  docType: fc.option(fc.oneof(fc.constantFrom(...DOC_TYPES), printable, fc.constantFrom('__proto__', '', 'x'.repeat(5000))), {
    nil: undefined,
  }),
  field: fc.constantFrom('file', 'attachment', '__proto__', 'docType', 'constructor', ''),
  filename: fc.oneof(
    fc.constantFrom('../../etc/passwd', 'a\\b.txt', '', `${'x'.repeat(300)}.pdf`, 'ré sumé €.pdf', 'nul\u0000.txt', '"quoted".txt', '.'),
    printable,
  ),
  type: fc.option(
    fc.constantFrom(
      'text/plain',
      'application/pdf',
      'image/png',
      'application/x-msdownload',
      'image/svg+xml',
      'text/html',
      '',
      'text/plain; charset=utf-8',
      'garbage',
    ),
    { nil: undefined },
  ),
  size: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(MAX_UPLOAD + 1, MAX_UPLOAD + 4096, 3 * MAX_UPLOAD) },
    { weight: 2, arbitrary: fc.constantFrom(0, 1, MAX_UPLOAD - 1, MAX_UPLOAD) },
    { weight: 1, arbitrary: fc.nat({ max: 2000 }) },
  ),
  damage: fc.constantFrom<UploadSpec['damage']>('unclosed', 'otherBoundary', 'noBoundary'),
};
const file0 = VALID_UPLOAD.files[0]!;
/** The valid upload with one thing changed; or anything at all. */
const uploadSpecArb: fc.Arbitrary<UploadSpec> = fc.oneof(
  uploadField.docType.map((docType) => ({ ...VALID_UPLOAD, docType })),
  uploadField.field.map((field) => ({ ...VALID_UPLOAD, files: [{ ...file0, field }] })),
  uploadField.filename.map((filename) => ({ ...VALID_UPLOAD, files: [{ ...file0, filename }] })),
  uploadField.type.map((type) => ({ ...VALID_UPLOAD, files: [{ ...file0, type }] })),
  { weight: 6, arbitrary: uploadField.size.map((size) => ({ ...VALID_UPLOAD, files: [{ ...file0, size }] })) },
  fc.constant<UploadSpec>({ ...VALID_UPLOAD, files: [file0, file0] }),
  fc.constant<UploadSpec>({ ...VALID_UPLOAD, files: [] }),
  fc.integer({ min: 1, max: 15 }).map((extraFields) => ({ ...VALID_UPLOAD, extraFields })),
  { weight: 2, arbitrary: uploadField.damage.map((damage) => ({ ...VALID_UPLOAD, damage })) },
  fc.record({
    docType: uploadField.docType,
    files: fc.array(
      fc.record({ field: uploadField.field, filename: uploadField.filename, type: uploadField.type, size: uploadField.size }),
      { maxLength: 3 },
    ),
    extraFields: fc.nat({ max: 12 }),
    damage: fc.constantFrom<UploadSpec['damage']>('none', 'none', 'unclosed', 'otherBoundary', 'noBoundary'),
  }),
);
function toUpload({ docType, files, extraFields, damage }: UploadSpec): Body {
  const parts: Part[] = [];
  if (docType !== undefined) parts.push({ name: 'docType', content: docType });
  for (let i = 0; i < extraFields; i++) parts.push({ name: `veld${i}`, content: 'waarde' });
  for (const f of files) parts.push({ name: f.field, filename: f.filename, type: f.type, content: Buffer.alloc(f.size, 'a') });
  const payload = multipart(parts, { close: damage !== 'unclosed', boundary: damage === 'otherBoundary' ? 'anderegrens' : BOUNDARY });
  return { payload, contentType: damage === 'noBoundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${BOUNDARY}` };
}
const uploadArb = uploadSpecArb.map(toUpload);
const validUpload = toUpload(VALID_UPLOAD);

function bodyArb(examples: Json[] | 'multipart' | null | undefined): fc.Arbitrary<Body> {
  const jsonExamples = Array.isArray(examples) && examples.length ? examples : [{} as Json];
  const example = fc.constantFrom(...jsonExamples);
  const asJson = (a: fc.Arbitrary<Json>) =>
    fc.tuple(a, fc.constantFrom(...JSON_TYPES.slice(0, 3))).map(([v, contentType]): Body => ({ payload: toJsonText(v), contentType }));
  const variants: fc.WeightedArbitrary<Body>[] = [
    { weight: 4, arbitrary: asJson(example) },
    { weight: 6, arbitrary: asJson(example.chain(mutatedExample)) },
    { weight: 1, arbitrary: asJson(example.map(wrongTypes)) },
    { weight: 2, arbitrary: asJson(fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>) },
    {
      weight: 1,
      arbitrary: asJson(
        fc.constantFrom(2000, 20_000).chain((n) => fc.constantFrom<'array' | 'object'>('array', 'object').map((k) => nested(n, k))),
      ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          example.chain((e) => corruptJson(toJsonText(e))),
          fc.constantFrom(...JSON_TYPES),
        )
        .map(([payload, contentType]) => ({ payload, contentType })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(example.map(toJsonText), fc.oneof(fc.constantFrom(...OTHER_TYPES), printable))
        .map(([payload, contentType]) => ({ payload, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { payload: 'subject=x&channel=phone', contentType: 'application/x-www-form-urlencoded' },
        { payload: undefined, contentType: 'application/json' },
        { payload: undefined },
        { payload: '{}' },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => ({ payload: Buffer.from(b), contentType: 'application/octet-stream' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(1024 * 1024 + 1, 1024 * 1024 - 50)
        .map((n) => ({ payload: `{"text":"${'x'.repeat(n)}"}`, contentType: 'application/json' })),
    },
    { weight: 2, arbitrary: uploadArb },
  ];
  if (examples === 'multipart') variants.push({ weight: 4, arbitrary: fc.constant(validUpload) }, { weight: 40, arbitrary: uploadArb });
  return fc.oneof(...variants);
}

function validParams(route: string, name: string): string[] {
  if (name === 'key' && route.startsWith(`${API}/processes`)) return ['kcc-complaint'];
  if (name === 'version' && route.startsWith(`${API}/processes`)) return ['1'];
  if (name === 'token') return route.includes('/surveys/') ? [surveyToken, portalToken] : [portalToken, surveyToken];
  // Administration's routes on its own fixture rows (see adminUser above).
  if (route.startsWith(`${API}/admin/users`)) return ids.adminUser;
  if (route.startsWith(`${API}/admin/teams`)) return ids.adminTeam;
  if (route.startsWith(`${API}/admin/org-units`)) return ids.orgUnit;
  if (route.startsWith(`${API}/admin/substitutions`)) return ids.substitution;
  const kind =
    name === 'slotId'
      ? 'slot'
      : route.startsWith(`${API}/activities`)
        ? 'activity'
        : route.startsWith(`${API}/cases`)
          ? 'case'
          : route.startsWith(`${API}/letters`)
            ? 'letter'
            : route.startsWith(`${API}/documents`)
              ? 'document'
              : route.startsWith(`${API}/notifications`)
                ? 'notification'
                : route.startsWith(`${API}/demo-mailbox`)
                  ? 'outbox'
                  : route.startsWith(`${API}/persons`)
                    ? 'person'
                    : route.startsWith(`${API}/measures`)
                      ? 'measure'
                      : 'case';
  return ids[kind];
}
const validParam = (route: string, name: string) => validParams(route, name)[0]!;

/** Raw segments that URL normalisation turns into another path ("a/../b" is "b", "\\" is "/"). */
const MOVES_PATH = new Set(['..', '../', '%2e%2e', '.', '\\']);
function paramArb(route: string, name: string): fc.Arbitrary<{ text: string; encode: boolean }> {
  const valid = validParams(route, name);
  const encoded = (a: fc.Arbitrary<string>) => a.map((text) => ({ text, encode: true }));
  return fc.oneof(
    { weight: 14, arbitrary: encoded(fc.constantFrom(...valid)) },
    { weight: 2, arbitrary: encoded(realId) },
    { weight: 3, arbitrary: encoded(fc.uuid()) },
    { weight: 2, arbitrary: encoded(uuidLike) },
    { weight: 2, arbitrary: encoded(fc.string({ maxLength: 40 })) },
    { weight: 1, arbitrary: encoded(fc.string({ unit: 'grapheme', maxLength: 30 })) },
    {
      weight: 1,
      arbitrary: encoded(fc.tuple(fc.constantFrom('a', '€', '_'), fc.integer({ min: 43, max: 3000 })).map(([c, n]) => c.repeat(n))),
    },
    { weight: 1, arbitrary: encoded(fc.constantFrom(portalToken.slice(0, 42), `${portalToken}A`, portalToken.replace(/^./, '*'))) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '..',
          '../',
          '..%2F..%2Fetc%2Fpasswd',
          '%00',
          '%',
          '%zz',
          '%2e%2e',
          '%252e',
          '%C0%AE',
          '%FF',
          '%E2%82',
          'null',
          'undefined',
          '-1',
          '0',
          '1e999',
          '%20',
          ';',
          'a;b=c',
          '*',
          '~',
          "'",
          '<script>',
          '%0d%0aSet-Cookie:%20x=y',
          '.',
          '%2F',
          '\\',
          'a%2Fb',
          `${valid[0]}%00`,
          `${valid[0]}%20`,
          `${valid[0]}.json`,
        )
        .map((text) => ({ text, encode: false })),
    },
  );
}

function queryKeysOf(route: { method: string; url: string }): Map<string, string[]> {
  const spec = t.app.swagger() as {
    paths?: Record<
      string,
      Record<string, { parameters?: { in: string; name: string; schema?: { enum?: unknown[]; items?: { enum?: unknown[] } } }[] }>
    >;
  };
  const op = spec.paths?.[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
  const keys = new Map<string, string[]>();
  for (const p of op?.parameters ?? [])
    if (p.in === 'query') keys.set(p.name, [...(p.schema?.enum ?? p.schema?.items?.enum ?? [])].map(String));
  return keys;
}
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
/** Keyset cursors: mostly a real one (base64url of [ISO instant, uuid]) with its instant or its id bent. */
const badInstant = fc.oneof(
  fc.constantFrom(
    '0',
    '2026',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '-004714-01-01T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    'Tue, 01 Jan 3000 00:00:00 GMT',
    '2026-02-30T00:00:00.000Z',
    '2026-03-02',
    '1e400',
    '9999-12-31T23:59:59.999Z',
    '2026-03-02T09:00:00.000001Z',
    '',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  printable,
);
const badId = fc.oneof(uuidLike, printable, fc.constantFrom('', '-'.repeat(36)));
const cursorParts = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
const cursorArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...cursors), badInstant).map(([c, v]) => b64url(JSON.stringify([v, cursorParts(c)[1]]))),
  },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...cursors), badId).map(([c, id]) => b64url(JSON.stringify([cursorParts(c)[0], id]))) },
  fc.jsonValue({ maxDepth: 2 }).map((v) => b64url(JSON.stringify(v))),
  fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('base64url')),
  fc.constantFrom('999999999999999999', '9223372036854775807', '0', '1', '-1', 'eyJ4Ijp9', '%%%', 'W10', 'WyIiLCIiXQ', 'x'.repeat(501)),
  fc.string({ maxLength: 40 }),
);
/** Valid values of the query parameters the schemas do not enumerate (enums come from the OpenAPI document). */
function validQueryValues(route: { url: string }, key: string, enums: string[]): string[] {
  if (enums.length) return enums;
  if (key === 'cursor') return route.url.endsWith('/timeline') ? ['1', '3'] : cursors;
  const values: Record<string, string[]> = {
    limit: ['1', '10', '25'],
    assigneeId: ids.user,
    teamId: ids.team,
    caseType: ['complaint'],
    processKey: ['kcc-complaint'],
    createdBefore: ['2026-03-03T00:00:00Z', '2026-03-02T10:00:00+01:00'],
    createdAfter: ['2026-01-01T00:00:00Z'],
    returnTo: ['/werkvoorraad', '/meldingen/1?tab=brieven'],
    state: oidcStates,
  };
  return values[key] ?? ['x'];
}
const q = (k: string, v: string) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;

function queryArb(route: { method: string; url: string }): fc.Arbitrary<string> {
  const known = queryKeysOf(route);
  const keys = [
    ...known.keys(),
    'limit',
    'cursor',
    'status',
    'queue',
    'q',
    'id',
    'state',
    'returnTo',
    'code',
    'error',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ];
  const value = (key: string) =>
    key === 'cursor'
      ? cursorArb
      : fc.oneof(
          { weight: 3, arbitrary: known.get(key)?.length ? fc.constantFrom(...known.get(key)!) : fc.constantFrom('1', 'true', 'x') },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              '-1',
              '0',
              '1',
              '25',
              '100',
              '101',
              '500',
              '501',
              '1e9',
              '1e400',
              '-0',
              '0x10',
              '1.5',
              'NaN',
              'Infinity',
              '99999999999999999999999',
              ' 5',
              '5abc',
              '',
              'true',
              'null',
              '[]',
            ),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '2026-03-02T09:00:00Z',
              '2026-13-45T99:00:00Z',
              '2026-03-02',
              '+275760-09-13T00:00:00.000Z',
              '0000-01-01T00:00:00Z',
            ),
          },
          { weight: 1, arbitrary: cursorArb },
          {
            weight: 1,
            arbitrary: fc
              .array(fc.oneof(fc.constantFrom(...(known.get(key)?.length ? known.get(key)! : ['open'])), printable), { maxLength: 25 })
              .map((xs) => xs.join(',')),
          },
          { weight: 1, arbitrary: fc.oneof(uuidLike, realId, fc.constantFrom(...oidcStates)) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '//evil.example/',
              '/\\evil.example',
              'javascript:alert(1)',
              'https://evil.example',
              '/%0d%0aLocation:%20x',
            ),
          },
          { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 6000 }).map((n) => 'q'.repeat(n)) },
        );
  const pair = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...keys)
        .chain((k) => fc.array(value(k), { minLength: 1, maxLength: 3 }).map((vs) => vs.map((v) => q(k, v)).join('&'))),
    },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([k, v]) => q(k, v)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '&&',
        '=',
        'a',
        '%',
        '%zz=1',
        'limit=%ZZ',
        'a[b]=c',
        'limit[]=1',
        'status[0]=open',
        '=x',
        'cursor',
        '?',
        'limit=1;limit=2',
      ),
    },
  );
  const random = fc.array(pair, { minLength: 1, maxLength: 5 }).map((ps) => ps.join('&'));
  const names = [...known.keys()];
  if (!names.length) return fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 3, arbitrary: random });
  // A valid query with exactly one parameter bent (or repeated), so the bent one is what gets checked.
  const valid = fc.record(Object.fromEntries(names.map((k) => [k, fc.constantFrom(...validQueryValues(route, k, known.get(k)!))])), {
    requiredKeys: [],
  });
  const bent = fc.constantFrom(...names).chain((k) => fc.tuple(fc.constant(k), fc.array(value(k), { minLength: 1, maxLength: 2 })));
  const nearValid = fc.tuple(valid, bent).map(([good, [key, values]]) =>
    [
      ...Object.entries(good)
        .filter(([k]) => k !== key)
        .map(([k, v]) => q(k, v as string)),
      ...values.map((v) => q(key, v)),
    ].join('&'),
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 2,
      arbitrary: valid.map((good) =>
        Object.entries(good)
          .map(([k, v]) => q(k, v as string))
          .join('&'),
      ),
    },
    { weight: 5, arbitrary: nearValid },
    { weight: 3, arbitrary: random },
  );
}

const whoArb: fc.Arbitrary<Who> = fc.oneof(
  { weight: 14, arbitrary: fc.constant<Who>('staff') },
  { weight: 2, arbitrary: fc.constant<Who>('anonymous') },
  { weight: 2, arbitrary: fc.constant<Who>('badCsrf') },
  { weight: 1, arbitrary: fc.constant<Who>('noCsrf') },
  { weight: 1, arbitrary: fc.constant<Who>('garbageCookie') },
);
const badCsrfArb = fc.oneof(
  fc.string({ unit: latin1, minLength: 32, maxLength: 32 }),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 32, maxLength: 32 }),
  printable,
  fc.constantFrom('', 'wrong', 'x'.repeat(4000)),
);
const garbageCookieArb = fc.oneof(
  fc.string({ unit: latin1, maxLength: 60 }).map((v) => `${SESSION_COOKIE}=${v}`),
  printable,
  fc.constantFrom(
    `${SESSION_COOKIE}=`,
    `${SESSION_COOKIE}=%E0%A4%A`,
    `${SESSION_COOKIE}=${'a'.repeat(4000)}`,
    `=;;;=`,
    `${SESSION_COOKIE}="unterminated`,
    `kf_oidc_state=${oidcStates[0]}`,
  ),
);
const extraHeadersArb = fc.record(
  {
    accept: fc.constantFrom('application/json', 'application/xml', '*/*', 'text/html', 'application/problem+json', 'garbage/;;'),
    'accept-language': fc.constantFrom('nl', 'en', '*', 'x'.repeat(300)),
    'x-filler': fc.integer({ min: 1, max: 8000 }).map((n) => 'h'.repeat(n)),
    'content-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'garbage'),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage', '::1, 10.0.0.1'),
    'if-none-match': fc.constantFrom('*', '"x"'),
    range: fc.constantFrom('bytes=0-10', 'bytes=-1', 'garbage'),
    'x-csrf-token': badCsrfArb,
  },
  { requiredKeys: [] },
);

function requestArb(route: { method: string; url: string; permission: string }): fc.Arbitrary<FuzzRequest> {
  const names = route.url.match(/:\w+/g) ?? [];
  const params = fc.tuple(...names.map((n) => paramArb(route.url, n.slice(1))));
  const shape = fc.oneof(
    { weight: 18, arbitrary: fc.constant({ kind: 'asRoute' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Method>('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')
        .map((method) => ({ kind: 'method' as const, method })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('trailingSlash' as const, 'doubleSlash' as const, 'upperCase' as const, 'extraSegment' as const)
        .map((kind) => ({ kind })),
    },
  );
  return fc
    .record({
      params,
      query: queryArb(route),
      body: bodyArb(EXAMPLES[keyOf(route)]),
      who: whoArb,
      shape,
      extra: fc.option(extraHeadersArb, { freq: 4, nil: undefined }),
      badCsrf: badCsrfArb,
      garbageCookie: garbageCookieArb,
      oidcCookie: fc.option(fc.constantFrom(...oidcStates), { freq: 3, nil: undefined }),
      sendBody: fc.oneof(
        { weight: 9, arbitrary: fc.constant(!['GET', 'DELETE'].includes(route.method)) },
        { weight: 1, arbitrary: fc.boolean() },
      ),
      remoteAddress: fc.oneof({ weight: 3, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: fc.constant('10.9.8.7') }),
    })
    .map((g): FuzzRequest => {
      let i = 0;
      let pathname = route.url.replace(/:\w+/g, () => {
        const p = g.params[i++]!;
        return p.encode ? encodeURIComponent(p.text) : p.text;
      });
      const samePath = g.params.every((p) => p.encode || !MOVES_PATH.has(p.text));
      let method = route.method as Method;
      if (g.shape.kind === 'method') method = g.shape.method;
      else if (g.shape.kind === 'trailingSlash') pathname += '/';
      else if (g.shape.kind === 'doubleSlash') pathname = pathname.replace(`${API}/`, `${API}//`);
      else if (g.shape.kind === 'upperCase') pathname = API + pathname.slice(API.length).toUpperCase();
      else if (g.shape.kind === 'extraSegment') pathname += '/extra';
      const headers: Record<string, string> = {};
      const cookies: string[] = [];
      if (g.who === 'staff' || g.who === 'badCsrf' || g.who === 'noCsrf') cookies.push(staff.cookie!);
      if (g.who === 'staff') headers[CSRF_HEADER] = staff[CSRF_HEADER]!;
      if (g.who === 'badCsrf') headers[CSRF_HEADER] = g.badCsrf;
      if (g.who === 'garbageCookie') cookies.push(g.garbageCookie);
      if (g.oidcCookie && route.url.endsWith('/oidc/callback')) cookies.push(`kf_oidc_state=${g.oidcCookie}`);
      if (cookies.length) headers.cookie = cookies.join('; ');
      const extra = { ...g.extra };
      if (g.who !== 'badCsrf') delete extra['x-csrf-token'];
      Object.assign(headers, extra);
      const withBody = g.sendBody && g.body.payload !== undefined;
      if (g.sendBody && g.body.contentType !== undefined) headers['content-type'] = g.body.contentType;
      return {
        method,
        url: `${pathname}${g.query ? `?${g.query}` : ''}`,
        headers,
        ...(withBody ? { payload: g.body.payload } : {}),
        remoteAddress: g.remoteAddress,
        who: g.who,
        asRoute: g.shape.kind === 'asRoute' && samePath,
        [fc.toStringMethod]: function (this: FuzzRequest) {
          return show(this);
        },
      } as FuzzRequest;
    });
}

// ─── Showing a request: exact up to a few KB; longer values are shortened with their length. ──
/** A string as a JS literal with everything outside printable ASCII escaped (a no-break space is not a space). */
const literal = (s: string) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const clip = (s: string, max = 400) =>
  s.length <= max
    ? literal(s)
    : `${literal(s.slice(0, 160))}…(${s.length} chars, sha256 ${createHash('sha256').update(s).digest('hex').slice(0, 12)})`;
function showPayload(p: string | Buffer | undefined) {
  if (p === undefined) return '(none)';
  if (typeof p === 'string') return clip(p, 2000);
  const text = p.toString('latin1');
  return /^[\x20-\x7e\r\n\t]*$/.test(text)
    ? `Buffer(${clip(text, 2000)})`
    : `Buffer(${p.length} bytes, base64 ${clip(p.toString('base64'), 2000)})`;
}
function show(r: FuzzRequest) {
  const headers = Object.entries(r.headers)
    .map(([k, v]) => `\n    ${k}: ${clip(v, 300)}`)
    .join('');
  return `\n  ${r.method} ${clip(r.url, 1000)}  (as ${r.who}, from ${r.remoteAddress})\n  headers:${headers || ' (none)'}\n  payload: ${showPayload(r.payload)}\n`;
}

// ─── The database before and after each request, per table: the row count, and the newest xmin
// (the id of the last transaction that inserted or updated a row). Any committed write changes one
// of them; a rolled-back one changes neither. ─────────────────────────────────────────────────────
let snapshotQuery: ReturnType<typeof sql<{ t: string; n: number; h: string }>> | undefined;
let snapshotMs = 0;
let injectMs = 0;
async function snapshot(): Promise<Record<string, string>> {
  const started = performance.now();
  if (!snapshotQuery) {
    // The portal's request counter (rate_limit_hit) counts refused requests too, by design: that is
    // what stops a robot sending garbage. Every other table must stay as it was.
    const tables = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely%' and table_name <> 'rate_limit_hit' order by table_name`.execute(
      t.services.db,
    );
    assert.ok(tables.rows.length >= 20, 'the table list was read');
    snapshotQuery = sql<{ t: string; n: number; h: string }>`${sql.join(
      tables.rows.map(
        ({ table_name }) =>
          sql`select ${table_name} as t, count(*)::int as n, coalesce(max(xmin::text::bigint), 0)::text as h from ${sql.table(table_name)}`,
      ),
      sql` union all `,
    )}`;
  }
  const rows = (await snapshotQuery.execute(t.services.db)).rows;
  snapshotMs += performance.now() - started;
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n} rows, last written by xid ${r.h}`]));
}
const rowCount = (s: Record<string, string>, table: string) => Number.parseInt(s[table] ?? '0', 10);
/**
 * The fast path: the snapshot's xmax (one past the newest completed transaction id) only moves when
 * a transaction that was given an id, i.e. one that wrote or tried to, has ended. Unmoved, nothing can
 * have been stored, and the full snapshot is skipped. (On PostgreSQL the counter is cluster-wide, so
 * other databases' work only sends more requests down the slow path.)
 */
async function writeMark(): Promise<string> {
  const started = performance.now();
  const row = (await sql<{ x: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`.execute(t.services.db)).rows[0]!;
  snapshotMs += performance.now() - started;
  return row.x;
}

/**
 * The writes a refused request may make on purpose, each in one table with a fixed change in its
 * row count; every other table must stay exactly as it was.
 *  - An OIDC callback consumes its login attempt (delete … returning) before asking the provider,
 *    so a failed or replayed callback cannot be tried again.
 *  - A portal link records its last use (case_access.last_used_at, an update) as soon as the token
 *    is recognised, before the action it was used for is tried.
 */
const REFUSAL_WRITES: { route: RegExp; table: string; rowChange: number }[] = [
  { route: /^GET \/api\/v1\/oidc\/callback$/, table: 'oidc_login', rowChange: -1 },
  { route: /^(GET|POST) \/api\/v1\/portal\/cases\/:token(\/|$)/, table: 'case_access', rowChange: 0 },
];
function allowedRefusalWrite(route: string, before: Record<string, string>, after: Record<string, string>) {
  return REFUSAL_WRITES.some(({ route: pattern, table, rowChange }) => {
    if (!pattern.test(route) || rowCount(after, table) !== rowCount(before, table) + rowChange) return false;
    return Object.keys(after).every((k) => k === table || after[k] === before[k]);
  });
}

/** The fuzzing may log the test user out (DELETE /session, dev-login): log back in. */
async function ensureSession() {
  const token = staff.cookie!.split('=')[1]!;
  const row = await t.services.db
    .selectFrom('session')
    .select('id')
    .where('id', '=', createHash('sha256').update(token).digest('base64url'))
    .executeTakeFirst();
  if (!row) staff = await loginHeaders(t.services, me);
}

// ─── The properties ─────────────────────────────────────────────────────────────────────────────
const stats = new Map<string, Map<number, number>>();
let requests = 0;
let state: { tables: Record<string, string>; mark: string } | undefined;
async function observe() {
  const mark = await writeMark();
  return { mark, tables: await snapshot() };
}
const isRouterRefusal = (status: number, problem: { title?: string }) =>
  status === 404 || status === 414 || (status === 400 && problem.title === 'Ongeldig adres');

async function check(route: { method: string; url: string; permission: string }, r: FuzzRequest) {
  state ??= await observe();
  const before = state.tables;
  const started = performance.now();
  const res = await t.app.inject({
    method: r.method,
    url: r.url,
    headers: r.headers,
    remoteAddress: r.remoteAddress,
    ...(r.payload === undefined ? {} : { payload: r.payload }),
  });
  injectMs += performance.now() - started;
  requests++;
  const perRoute = stats.get(keyOf(route))!;
  perRoute.set(res.statusCode, (perRoute.get(res.statusCode) ?? 0) + 1);
  let observed = (await writeMark()) === state.mark ? state : await observe();
  if (res.statusCode < 400 && observed.tables.session !== before.session) {
    await ensureSession();
    observed = await observe();
  }
  state = observed;
  const afterState = observed.tables;
  const where = `${keyOf(route)}\nrequest:${show(r)}response: ${res.statusCode} ${String(res.headers['content-type'])} ${clip(res.body, 600)}`;

  assert.ok(res.statusCode < 500, `5xx from ${where}`);
  if (res.statusCode < 400) return;
  assert.match(String(res.headers['content-type']), /^application\/problem\+json\b/, `not problem+json: ${where}`);
  let problem: { status?: unknown; title?: unknown; invalidParams?: unknown };
  try {
    problem = JSON.parse(res.body);
  } catch {
    assert.fail(`problem+json that is not JSON: ${where}`);
  }
  assert.equal(typeof problem.status, 'number', `problem.status is not a number: ${where}`);
  assert.equal(problem.status, res.statusCode, `problem.status differs from the HTTP status: ${where}`);
  assert.equal(typeof problem.title, 'string', `problem without title: ${where}`);
  // SQL as Kysely writes it (select "col" …, select * …); the word alone is a field type of process definitions.
  assert.doesNotMatch(
    res.body,
    /\bat .+\.(ts|js):\d+|node_modules|\bSELECT\s+(?:"|\*|DISTINCT\b)|syntax error at/i,
    `a stack trace or SQL leaked: ${where}`,
  );
  if (res.statusCode === 400) {
    const params = problem.invalidParams as { name?: unknown; reason?: unknown }[] | undefined;
    assert.ok(Array.isArray(params) && params.length > 0, `400 without invalidParams: ${where}`);
    for (const p of params)
      assert.ok(
        typeof p.name === 'string' && p.name.length > 0 && typeof p.reason === 'string' && p.reason.length > 0,
        `invalidParams entry without name or reason (${JSON.stringify(p)}): ${where}`,
      );
  }
  if (JSON.stringify(afterState) !== JSON.stringify(before) && !allowedRefusalWrite(keyOf(route), before, afterState)) {
    const changed = Object.keys(afterState)
      .filter((k) => afterState[k] !== before[k])
      .map((k) => `${k}: ${before[k]} → ${afterState[k]}`);
    assert.fail(`refused with ${res.statusCode} but the database changed (${changed.join('; ')}): ${where}`);
  }
  // Without a session (or without its CSRF token on an unsafe method) nothing past the router answers.
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
  if (r.asRoute && route.permission !== 'public' && !isRouterRefusal(res.statusCode, problem as { title?: string })) {
    if (r.who === 'anonymous' || r.who === 'garbageCookie') assert.equal(res.statusCode, 401, `no session, yet not 401: ${where}`);
    if ((r.who === 'badCsrf' || r.who === 'noCsrf') && unsafe)
      assert.equal(res.statusCode, 403, `no valid CSRF token, yet not 403: ${where}`);
  }
}

test('the route list is complete: every route with a body has example bodies here', () => {
  assert.ok(routes.length >= 50, `only ${routes.length} routes`);
  for (const r of ['GET /api/v1/oidc/login', 'GET /api/v1/oidc/callback', 'POST /api/v1/dev-login', 'GET /api/v1/demo-mailbox']) {
    assert.ok(
      routes.some((x) => keyOf(x) === r),
      `${r} is registered for this test`,
    );
  }
  const missing = routes.filter((r) => r.method !== 'GET' && !(keyOf(r) in EXAMPLES)).map(keyOf);
  assert.deepEqual(missing, [], 'add valid example bodies (or null) for these routes to EXAMPLES');
  const stale = Object.keys(EXAMPLES).filter((k) => !routes.some((r) => keyOf(r) === k));
  assert.deepEqual(stale, [], 'EXAMPLES names routes that do not exist');
});

test("the example bodies pass their route's schema, so mutations of them are one change away from valid", async () => {
  for (const route of routes) {
    const examples = EXAMPLES[keyOf(route)];
    if (!Array.isArray(examples)) continue;
    const url = route.url.replace(/:(\w+)/g, (_m, name: string) => validParam(route.url, name));
    for (const example of examples) {
      const res = await t.app.inject({
        method: route.method as Method,
        url,
        headers: route.url.includes('/portal/') ? {} : staff,
        payload: toJsonText(example),
        remoteAddress: '192.0.2.2',
      });
      const body = res.json();
      const schemaErrors = (body.invalidParams ?? []).filter(
        (p: { name: string; code?: string }) => /^(body|querystring|params)(\.|$)/.test(p.name) && p.code !== 'unknown',
      );
      assert.deepEqual(schemaErrors, [], `${keyOf(route)} example ${toJsonText(example)} → ${res.statusCode} ${res.body}`);
      assert.ok(res.statusCode < 500, `${keyOf(route)} example → ${res.statusCode} ${res.body}`);
    }
    await ensureSession();
  }
  state = undefined;
});

// ─── NUL characters (issue 13, point 9). PostgreSQL text cannot hold U+0000, so one that reached a
// query was a 500 (notes, cases, activities, saved filters, match suggestions, the portal). Property:
// for EVERY route, a NUL anywhere in any one string of a valid request (a body field of each example,
// an object key, a query parameter, a path parameter) is a 400 problem+json naming that field
// (or a path under it); fast-check picks where in the string it goes and whether it replaces the whole value (two runs).
const NUL = '\u0000';
function valueAt(v: Json, at: PathPart[]): Json | undefined {
  return at.reduce<Json | undefined>((o, k) => (o && typeof o === 'object' ? (o as Record<string | number, Json>)[k] : undefined), v);
}
const withNul = (text: string, where: number, whole: boolean) =>
  whole ? NUL : text.slice(0, where % (text.length + 1)) + NUL + text.slice(where % (text.length + 1));
type NulCase = { what: string; field: string; request: (where: number, whole: boolean) => { url: string; payload?: string } };
function nulCases(route: { method: string; url: string }): NulCase[] {
  const names = (route.url.match(/:(\w+)/g) ?? []).map((n) => n.slice(1));
  const pathWith = (bent?: { name: string; where: number; whole: boolean }) =>
    route.url.replace(/:(\w+)/g, (_m, name: string) => {
      const valid = validParam(route.url, name);
      return encodeURIComponent(bent?.name === name ? withNul(valid, bent.where, bent.whole) : valid);
    });
  const known = queryKeysOf(route);
  const validQuery = [...known.keys()].map((k) => [k, validQueryValues(route, k, known.get(k)!)[0]!] as const);
  const query = (bent?: { key: string; where: number; whole: boolean }) =>
    validQuery.map(([k, v]) => q(k, bent?.key === k ? withNul(v, bent.where, bent.whole) : v)).join('&');
  const examples = EXAMPLES[keyOf(route)];
  const body = Array.isArray(examples) ? examples : [];
  const cases: NulCase[] = [];
  for (const name of names)
    cases.push({
      what: `path parameter ${name}`,
      field: `params.${name}`,
      request: (where, whole) => ({ url: pathWith({ name, where, whole }), ...(body[0] ? { payload: toJsonText(body[0]) } : {}) }),
    });
  for (const [key] of validQuery)
    cases.push({
      what: `query parameter ${key}`,
      field: `querystring.${key}`,
      request: (where, whole) => ({
        url: `${pathWith()}?${query({ key, where, whole })}`,
        ...(body[0] ? { payload: toJsonText(body[0]) } : {}),
      }),
    });
  for (const [i, example] of body.entries()) {
    for (const at of pathsOf(example)) {
      const value = valueAt(example, at);
      if (typeof value !== 'string') continue;
      cases.push({
        what: `example ${i} ${at.join('.')}`,
        field: ['body', ...at].join('.'),
        request: (where, whole) => ({
          url: pathWith(),
          payload: toJsonText(mutate(example, at, { op: 'set', value: withNul(value, where, whole) })),
        }),
      });
    }
    if (example && typeof example === 'object' && !Array.isArray(example))
      cases.push({
        what: `example ${i}, a key`,
        field: 'body',
        request: (where, whole) => ({ url: pathWith(), payload: toJsonText({ ...example, [withNul('veld', where, whole)]: 'x' }) }),
      });
  }
  return cases;
}
let nulAddress = 0;
/**
 * Every case of a route, except where there are hundreds: a process definition holds a thousand
 * strings of a few shapes (labels, keys), so each run there tries 20 of them, fast-check choosing which.
 */
const someOf = (cases: NulCase[]) =>
  cases.length <= 200 ? fc.constant(cases) : fc.shuffledSubarray(cases, { minLength: 20, maxLength: 20 });
test('a NUL character in any string of any route is a 400 naming its field, never a 500', async () => {
  const counted = { routes: 0, fields: 0, requests: 0 };
  for (const route of routes) {
    const cases = nulCases(route);
    if (!cases.length) continue;
    counted.routes++;
    counted.fields += cases.length;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 400 }), fc.boolean(), someOf(cases), async (where, whole, picked) => {
        for (const c of picked) {
          const { url, payload } = c.request(where, whole);
          counted.requests++;
          const login = route.url.includes('/portal/') ? {} : staff;
          const res = await t.app.inject({
            method: route.method as Method,
            url,
            ...(payload === undefined ? { headers: login } : { payload, headers: { ...login, 'content-type': 'application/json' } }),
            // Its own address each time: the portal's rate limit must not answer before the field check.
            remoteAddress: `198.18.${(++nulAddress >> 8) & 255}.${nulAddress & 255}`,
          });
          const seen = `${keyOf(route)}, ${c.what}: ${res.statusCode} ${res.body.slice(0, 300)}`;
          assert.equal(res.statusCode, 400, seen);
          assert.match(String(res.headers['content-type']), /^application\/problem\+json\b/, seen);
          const names = ((res.json().invalidParams ?? []) as { name: string }[]).map((p) => p.name);
          assert.ok(
            names.some((n) => n === c.field || n.startsWith(`${c.field}.`)),
            `${seen} (expected invalidParams to name ${c.field})`,
          );
        }
      }),
      { numRuns: 2, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    await ensureSession();
  }
  console.log(`NUL property: ${counted.routes} routes, ${counted.fields} strings, ${counted.requests} requests`);
  assert.ok(counted.routes >= 50, `only ${counted.routes} routes take a body, query or path parameter`);
  state = undefined;
});

/** More runs where there is more to bend: many query parameters, or a multipart upload. */
const runsFor = (route: { method: string; url: string }) =>
  RUNS * (1 + Math.floor(queryKeysOf(route).size / 4) + (EXAMPLES[keyOf(route)] === 'multipart' ? 1 : 0));

for (const route of routes) {
  const key = keyOf(route);
  stats.set(key, new Map());
  test(`bad input: ${key}`, { skip: ONLY_ROUTE !== undefined && ONLY_ROUTE !== key, timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(requestArb(route), (r) => check(route, r)),
      {
        numRuns: runsFor(route),
        includeErrorInReport: true,
        ...(SEED === undefined ? {} : { seed: SEED }),
        ...(REPLAY_PATH === undefined ? {} : { path: REPLAY_PATH }),
      },
    );
  });
}

test('every route was exercised', () => {
  const lines = [...stats].map(
    ([key, codes]) =>
      `  ${key.padEnd(58)} ${[...codes]
        .sort((a, b) => a[0] - b[0])
        .map(([c, n]) => `${c}×${n}`)
        .join(' ')}`,
  );
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `\nbad-input requests sent: ${requests} over ${routes.length} routes (${RUNS} runs per route, more on wide ones; ${secs(injectMs)} in requests, ${secs(snapshotMs)} in table snapshots)\n${lines.join('\n')}\n`,
  );
  if (ONLY_ROUTE === undefined) for (const [key, codes] of stats) assert.ok(codes.size > 0, `${key} got no requests`);
});
