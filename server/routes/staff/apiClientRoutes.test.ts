import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
let admin: Record<string, string>;
let agent: Record<string, string>;
let caseId: string;

before(async () => {
  t = await createTestApp();
  admin = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['administrator'], name: 'Beheerder Bo' }));
  agent = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] }));
  const made = await call('POST', '/cases', agent, {
    subject: 'Onbeleefd behandeld',
    channel: 'letter',
    complainant: { name: 'Ria de Vries', email: 'ria@example.org' },
  });
  assert.equal(made.statusCode, 201, made.body);
  caseId = made.json().id;
});
after(() => t.close());

type Method = 'GET' | 'POST';
const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
async function newClient(body: { name: string; scopes: string[]; expiresAt?: string }) {
  const res = await call('POST', '/api-clients', admin, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { client: { id: string; keyPrefix: string; state: string }; key: string };
}
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('API clients: keys for other systems', () => {
  test('an administrator makes a key: shown once, stored hashed, listed by its first characters', async () => {
    const { client, key } = await newClient({ name: 'CRM', scopes: ['case:read', 'case:readAll'] });
    assert.match(key, /^kf_[A-Za-z0-9_-]{43}$/);
    assert.equal(client.keyPrefix, key.slice(0, 7));
    assert.equal(client.state, 'active');
    const list = await call('GET', '/api-clients', admin);
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(key), 'the list never holds the key');
    assert.ok(list.json().scopes.includes('case:create'));
    assert.ok(!list.json().scopes.includes('user:manage'));
    const stored = await t.services.db.selectFrom('api_client').selectAll().where('id', '=', client.id).executeTakeFirstOrThrow();
    assert.notEqual(stored.key_hash, key);
    assert.ok(!JSON.stringify(stored).includes(key.slice(7)), 'the table holds no part of the secret beyond the prefix');
    assert.equal(stored.created_by_name, 'Beheerder Bo');
    // Only an administrator manages keys.
    assert.equal((await call('GET', '/api-clients', agent)).statusCode, 403);
  });

  test('a key has a subset of the ordinary permissions, never administration; an expiry lies ahead', async () => {
    for (const [body, field] of [
      [{ name: 'x', scopes: ['case:read', 'user:manage'] }, 'body.scopes.1'],
      [{ name: 'x', scopes: ['apiClient:manage'] }, 'body.scopes.0'],
      [{ name: 'x', scopes: ['audit:read'] }, 'body.scopes.0'],
      [{ name: 'x', scopes: [] }, 'body.scopes'],
      [{ name: ' ', scopes: ['case:read'] }, 'body.name'],
      [{ name: 'x', scopes: ['case:read'], expiresAt: '2026-03-01T09:00:00Z' }, 'body.expiresAt'],
    ] as const) {
      const res = await call('POST', '/api-clients', admin, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(String(res.headers['content-type']), /problem\+json/);
      assert.ok(
        res.json().invalidParams.some((p: { name: string }) => p.name === field),
        `${JSON.stringify(body)} names ${field}: ${res.body}`,
      );
    }
  });

  test('a key works as Bearer or X-Api-Key, without a session or CSRF token, and writes as the client', async () => {
    const { client, key } = await newClient({ name: 'Website', scopes: ['activity:create', 'case:create', 'case:read', 'case:readAll'] });
    const activity = await call(
      'POST',
      '/activities',
      { 'x-api-key': key },
      { channel: 'email', subject: 'Via de website', assignTo: 'queue' },
    );
    assert.equal(activity.statusCode, 201, activity.body);
    const made = await call('POST', '/cases', bearer(key), {
      subject: 'Container niet geleegd',
      channel: 'email',
      complainant: { name: 'Evi', email: 'evi@example.org' },
    });
    assert.equal(made.statusCode, 201, made.body);
    const event = await t.services.db
      .selectFrom('timeline_event')
      .select(['actor_id', 'actor_name'])
      .where('case_id', '=', made.json().id)
      .orderBy('occurred_at')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event, { actor_id: null, actor_name: 'Koppeling: Website' });
    // The last use is kept (to the minute).
    const listed = (await call('GET', '/api-clients', admin)).json().items.find((c: { id: string }) => c.id === client.id);
    assert.equal(listed.lastUsedAt, t.clock.now().toISOString());
  });

  test("a key's reads are scoped like an actor with those permissions and no teams", async () => {
    const readOnly = await newClient({ name: 'Alleen lezen', scopes: ['case:read'] });
    const list = await call('GET', '/cases', bearer(readOnly.key));
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(list.json().items, [], 'case:read alone: a key has no own or team cases');
    assert.equal((await call('GET', `/cases/${caseId}`, bearer(readOnly.key))).statusCode, 404);

    const all = await newClient({ name: 'Rapportage', scopes: ['case:read', 'case:readAll'] });
    const seen = await call('GET', `/cases/${caseId}`, bearer(all.key));
    assert.equal(seen.statusCode, 200, seen.body);
    assert.deepEqual(seen.json().abilities.transitions, [], 'a key takes no process steps');

    // Outside its scopes, on a person's own routes, and on administration: refused.
    assert.equal((await call('POST', `/cases/${caseId}/notes`, bearer(all.key), { body: 'Notitie' })).statusCode, 403);
    assert.equal((await call('GET', '/saved-filters', bearer(all.key))).statusCode, 403);
    assert.equal((await call('GET', '/api-clients', bearer(all.key))).statusCode, 403);
  });

  test('a revoked or expired key is refused at once; an unknown key never falls back to the session', async () => {
    const { client, key } = await newClient({
      name: 'Oud systeem',
      scopes: ['case:read', 'case:readAll'],
      expiresAt: '2026-03-09T09:00:00Z',
    });
    assert.equal((await call('GET', '/cases', bearer(key))).statusCode, 200);
    const revoked = await call('POST', `/api-clients/${client.id}/revoke`, admin);
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().state, 'revoked');
    const refused = await call('GET', '/cases', bearer(key));
    assert.equal(refused.statusCode, 401);
    assert.match(String(refused.headers['content-type']), /problem\+json/);

    const later = await newClient({ name: 'Tijdelijk', scopes: ['case:read'], expiresAt: '2026-03-09T09:00:00Z' });
    assert.equal((await call('GET', '/cases', bearer(later.key))).statusCode, 200);
    t.clock.set('2026-03-09T09:00:00Z');
    assert.equal((await call('GET', '/cases', bearer(later.key))).statusCode, 401, 'expired');
    t.clock.set('2026-03-02T09:00:00Z');

    assert.equal((await call('GET', '/cases', { ...agent, 'x-api-key': `kf_${'A'.repeat(43)}` })).statusCode, 401);
    assert.equal((await call('GET', '/cases', bearer('kf_kort'))).statusCode, 401);
    assert.equal((await call('POST', '/api-clients/00000000-0000-4000-8000-000000000000/revoke', admin)).statusCode, 404);
  });

  test('a browser session still needs its CSRF token', async () => {
    const { 'x-csrf-token': _csrf, ...cookieOnly } = agent;
    const res = await call('POST', '/activities', cookieOnly, { channel: 'phone', subject: 'Zonder token', assignTo: 'queue' });
    assert.equal(res.statusCode, 403);
  });

  test("every call by a key is in the audit log as the client's", async () => {
    const { client, key } = await newClient({ name: 'Audit', scopes: ['case:read', 'case:readAll', 'activity:create'] });
    assert.equal((await call('GET', `/cases/${caseId}`, bearer(key))).statusCode, 200);
    assert.equal(
      (await call('POST', '/activities', bearer(key), { channel: 'phone', subject: 'Gelogd', assignTo: 'queue' })).statusCode,
      201,
    );
    const entries = await t.services.db
      .selectFrom('audit_entry')
      .select(['actor_kind', 'actor_id', 'action', 'case_id'])
      .where('actor_id', '=', client.id)
      .orderBy('seq')
      .execute();
    assert.equal(entries.length, 2, JSON.stringify(entries));
    assert.ok(entries.every((e) => e.actor_kind === 'client'));
    assert.equal(entries[0]!.case_id, caseId, 'the case read is named');
  });
});
