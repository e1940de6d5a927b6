import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * Bad input is answered in the words of the person filling in the form (plainIssues.ts): "Vul dit
 * veld in." instead of zod's "Te kort: verwacht dat string >=1 tekens heeft", with a code the staff
 * app turns into English.
 */
let env: Awaited<ReturnType<typeof createTestApp>>;
let agent: StaffActor;
before(async () => {
  env = await createTestApp();
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
});
after(() => env.close());

type Problem = { invalidParams: { name: string; code: string; reason: string; limit?: number }[] };

async function register(body: Record<string, unknown>) {
  const headers = await loginHeaders(env.services, agent);
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: body });
  assert.equal(res.statusCode, 400, res.body);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  return Object.fromEntries((res.json() as Problem).invalidParams.map((p) => [p.name, p]));
}

test('an empty, missing, too long or malformed field gets a plain message, never the schema words', async () => {
  const params = await register({
    subject: '',
    channel: 'fax',
    complainant: { name: 'Ria', email: 'geen-adres' },
    representative: { person: { name: 'Jan' }, relation: 'x'.repeat(101) },
  });
  assert.deepEqual(params['body.subject'], { name: 'body.subject', code: 'required', reason: 'Vul dit veld in.' });
  assert.deepEqual(params['body.channel'], { name: 'body.channel', code: 'choice', reason: 'Kies een van de mogelijkheden.' });
  assert.equal(params['body.complainant.email']?.code, 'email');
  assert.equal(params['body.complainant.email']?.reason, 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
  assert.deepEqual(params['body.representative.relation'], {
    name: 'body.representative.relation',
    code: 'tooLong',
    reason: 'Dit is te lang: gebruik hoogstens 100 tekens.',
    limit: 100,
  });
  for (const p of Object.values(params)) assert.doesNotMatch(p.reason, /verwacht|string|>=|<=|Ongeldige invoer|Te kort|Te groot/);
});

test('a required field that is left out altogether: the same plain message', async () => {
  const params = await register({ complainant: { name: 'Ria' } });
  assert.deepEqual(params['body.subject'], { name: 'body.subject', code: 'required', reason: 'Vul dit veld in.' });
  assert.equal(params['body.channel']?.reason, 'Vul dit veld in.');
});

test("a message the schema's author wrote (a postcode's form) is kept as written", async () => {
  const params = await register({ subject: 'Post', channel: 'letter', complainant: { name: 'Ria', postcode: 'abc' } });
  assert.equal(params['body.complainant.postcode']?.code, 'custom');
  assert.match(params['body.complainant.postcode']?.reason ?? '', /postcode/i);
});

test('a NUL character, which the database cannot store, is refused at its field (400, not 500)', async () => {
  const params = await register({
    subject: 'Klacht',
    channel: 'phone',
    complainant: { name: 'Ria\u0000' },
  });
  assert.equal(params['body.complainant.name']?.code, 'invalidCharacter');
  const headers = await loginHeaders(env.services, agent);
  const c = await env.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers,
    payload: { subject: 'Klacht', channel: 'phone', complainant: { name: 'Ria' } },
  });
  assert.equal(c.statusCode, 201, c.body);
  const note = await env.app.inject({ method: 'POST', url: `/api/v1/cases/${c.json().id}/notes`, headers, payload: { body: '\u0000' } });
  assert.equal(note.statusCode, 400, note.body);
  assert.equal(note.json().invalidParams[0].name, 'body.body');
});

test('a date or time outside the years a register can hold is a plain 400, never a database error', async () => {
  const headers = await loginHeaders(env.services, agent);
  for (const url of [
    '/api/v1/activities?createdAfter=0000-01-01T00:00:00Z',
    '/api/v1/activities?createdBefore=0000-01-01T00:00:00%2B01:00',
    '/api/v1/activities?createdAfter=1200-12-31T23:00:00Z',
  ]) {
    const res = await env.app.inject({ method: 'GET', url, headers });
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    const [param] = (res.json() as Problem).invalidParams;
    assert.match(param!.name, /^querystring\.created(After|Before)$/);
    assert.equal(param!.reason, 'Kies een datum tussen 1900 en 9999.');
  }
  const params = await register({ subject: 'Post', channel: 'letter', complainant: { name: 'Ria' }, receivedAt: '0000-03-01T09:00:00Z' });
  assert.equal(params['body.receivedAt']?.reason, 'Kies een datum tussen 1900 en 9999.');
});
