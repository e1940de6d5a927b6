import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_SAVED_FILTERS } from '../../commands/savedFilters.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
let anna: Record<string, string>, bram: Record<string, string>, carla: Record<string, string>;

before(async () => {
  t = await createTestApp();
  anna = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] }));
  bram = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] }));
  carla = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['dispatcher'], teams: ['kcc'] }));
});
after(() => t.close());

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string> | undefined, payload?: unknown) =>
  t.app.inject({ method, url, headers: headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

describe('saved personal filters', () => {
  test("save, list by name and delete one's own filters", async () => {
    const a = await call('POST', '/api/v1/saved-filters', anna, {
      name: '  Te laat via e-mail ',
      query: 'queue=mine&channel=email&sort=-createdAt',
    });
    assert.equal(a.statusCode, 201, a.body);
    const saved = a.json();
    assert.equal(saved.name, 'Te laat via e-mail', 'the name is trimmed');
    assert.equal(saved.query, 'queue=mine&channel=email&sort=-createdAt');
    assert.equal(saved.createdAt, t.clock.now().toISOString());
    const b = await call('POST', '/api/v1/saved-filters', anna, { name: 'alle brieven', query: 'queue=all&channel=letter' });
    assert.equal(b.statusCode, 201, b.body);

    const list = await call('GET', '/api/v1/saved-filters', anna);
    assert.equal(list.statusCode, 200);
    assert.deepEqual(
      list.json().items.map((f: { name: string }) => f.name),
      ['alle brieven', 'Te laat via e-mail'],
      'sorted by name, case-insensitively',
    );

    const del = await call('DELETE', `/api/v1/saved-filters/${saved.id}`, anna);
    assert.equal(del.statusCode, 204);
    assert.deepEqual(
      (await call('GET', '/api/v1/saved-filters', anna)).json().items.map((f: { name: string }) => f.name),
      ['alle brieven'],
    );
    assert.equal((await call('DELETE', `/api/v1/saved-filters/${saved.id}`, anna)).statusCode, 404, 'deleting twice');
  });

  test("a user never sees or deletes another user's filters", async () => {
    const mine = (await call('POST', '/api/v1/saved-filters', bram, { name: 'Mijn team', query: 'queue=team' })).json();
    const annaList = (await call('GET', '/api/v1/saved-filters', anna)).json().items;
    assert.ok(!annaList.some((f: { id: string }) => f.id === mine.id));

    const stolen = await call('DELETE', `/api/v1/saved-filters/${mine.id}`, anna);
    assert.equal(stolen.statusCode, 404, "another user's filter answers exactly like a missing one");
    assert.match(stolen.headers['content-type'] as string, /^application\/problem\+json/);
    assert.deepEqual(
      (await call('GET', '/api/v1/saved-filters', bram)).json().items.map((f: { id: string }) => f.id),
      [mine.id],
    );

    // The same name is fine for someone else.
    assert.equal((await call('POST', '/api/v1/saved-filters', carla, { name: 'Mijn team', query: 'queue=team' })).statusCode, 201);
  });

  test('a name used twice by the same user is a 409 naming the field', async () => {
    const again = await call('POST', '/api/v1/saved-filters', bram, { name: 'MIJN TEAM', query: 'queue=all' });
    assert.equal(again.statusCode, 409, again.body);
    assert.match(again.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(again.json().invalidParams[0].name, 'body.name');
  });

  test('bad input is a 400 problem with the field named; no login is 401', async () => {
    const cases: [unknown, string][] = [
      [{ name: '', query: 'queue=mine' }, 'body.name'],
      [{ name: '   ', query: 'queue=mine' }, 'body.name'],
      [{ name: 'x'.repeat(81), query: 'queue=mine' }, 'body.name'],
      [{ name: 'Lang', query: `queue=mine&channel=${'a'.repeat(1000)}` }, 'body.query'],
      [{ name: 'Script', query: 'queue=mine"><script>' }, 'body.query'],
      [{ name: 'Spatie', query: 'queue=mine channel=email' }, 'body.query'],
      [{ name: 'Geen query' }, 'body.query'],
      [{ name: 42, query: 'queue=mine' }, 'body.name'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', '/api/v1/saved-filters', anna, payload);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
      assert.ok(
        res.json().invalidParams.some((p: { name: string }) => p.name === field),
        `${JSON.stringify(payload)} names ${field}: ${res.body}`,
      );
    }
    assert.equal((await call('DELETE', '/api/v1/saved-filters/not-a-uuid', anna)).statusCode, 400);
    assert.equal((await call('GET', '/api/v1/saved-filters', undefined)).statusCode, 401);
    assert.equal((await call('POST', '/api/v1/saved-filters', undefined, { name: 'x', query: '' })).statusCode, 401);
    // A cookie without its CSRF token cannot save.
    assert.equal((await call('POST', '/api/v1/saved-filters', { cookie: anna.cookie! }, { name: 'x', query: '' })).statusCode, 403);
  });

  test(`at most ${MAX_SAVED_FILTERS} filters per person`, async () => {
    const dora = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['coordinator'] }));
    for (let i = 0; i < MAX_SAVED_FILTERS; i++) {
      const res = await call('POST', '/api/v1/saved-filters', dora, { name: `Filter ${i}`, query: `queue=all&status=${i}` });
      assert.equal(res.statusCode, 201, res.body);
    }
    const over = await call('POST', '/api/v1/saved-filters', dora, { name: 'Eén te veel', query: 'queue=all' });
    assert.equal(over.statusCode, 409);
    assert.match(over.json().detail, /Verwijder er eerst een/);
    assert.equal((await call('GET', '/api/v1/saved-filters', dora)).json().items.length, MAX_SAVED_FILTERS);
  });
});
