import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * The process owner's API: read a process with its versions, check a changed definition (every
 * problem, nothing stored), save it as a draft and publish it. Publishing needs the process owner
 * or the administrator; new cases then follow the new version and running cases keep theirs.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
const h: Record<string, Record<string, string>> = {};
const URL = '/api/v1/processes/kcc-complaint';

before(async () => {
  t = await createTestApp();
  h.owner = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['processOwner'], name: 'Henk Peters' }));
  h.admin = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['administrator'] }));
  h.coordinator = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] }));
  h.agent = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] }));
});
after(() => t.close());

const call = (method: 'GET' | 'POST', url: string, as: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: h[as], ...(payload !== undefined ? { payload: payload as object } : {}) });

async function ok(method: 'GET' | 'POST', url: string, as: string, payload?: unknown, status = 200) {
  const res = await call(method, url, as, payload);
  assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
  return res.json();
}

/** The published definition as written, changed: the first status gets another label. */
async function changedDefinition(label: string) {
  const p = await ok('GET', URL, 'owner');
  const def = structuredClone(p.published.definition);
  def.statuses[0].label = { nl: label, en: label };
  return def;
}

const newCase = (as: string) =>
  ok(
    'POST',
    '/api/v1/cases',
    as,
    { subject: 'Te lang gewacht', channel: 'phone', complainant: { name: 'Ria Bos', email: 'ria@example.org' } },
    201,
  );

describe('process versions over the API', () => {
  test('a process with its published version and history; who may read it', async () => {
    const p = await ok('GET', URL, 'owner');
    assert.equal(p.key, 'kcc-complaint');
    assert.equal(p.published.version, 1);
    assert.equal(p.published.state, 'published');
    assert.equal(p.published.source, 'file');
    assert.equal(p.published.definition.key, 'kcc-complaint');
    assert.equal(p.draft, null);
    assert.deepEqual(
      p.versions.map((v: { version: number }) => v.version),
      [1],
    );
    assert.equal((await call('GET', URL, 'coordinator')).statusCode, 200, 'coordinators may look');
    assert.equal((await call('GET', URL, 'agent')).statusCode, 403);
    assert.equal((await call('GET', '/api/v1/processes/no-such-process', 'owner')).statusCode, 404);
    assert.equal((await call('GET', `${URL}/versions/1`, 'owner')).json().definition.key, 'kcc-complaint');
    assert.equal((await call('GET', `${URL}/versions/9`, 'owner')).statusCode, 404);
  });

  test('a broken definition: the check lists every problem, a draft is refused with them, nothing is stored', async () => {
    const def = await changedDefinition('Controle');
    def.initialStatus = 'nergens';
    def.statuses.push({ ...def.statuses[1], key: 'verweesd' });
    def.transitions[0].to = 'onbekend';
    const check = await ok('POST', `${URL}/checks`, 'owner', { definition: def });
    assert.equal(check.valid, false);
    for (const expected of [/initialStatus: "nergens" is not a status/, /"verweesd" is unreachable/, /unknown status "onbekend"/])
      assert.ok(
        check.problems.some((p: string) => expected.test(p)),
        `${expected} in ${JSON.stringify(check.problems)}`,
      );

    const syntax = await ok('POST', `${URL}/checks`, 'owner', { definition: '{"key": "kcc-complaint",' });
    assert.equal(syntax.valid, false);
    assert.match(syntax.problems[0], /^JSON: /);

    const otherKey = await ok('POST', `${URL}/checks`, 'owner', {
      definition: { ...(await changedDefinition('x')), key: 'tax-complaint' },
    });
    assert.ok(otherKey.problems.some((p: string) => /^key: /.test(p)));

    const draft = await call('POST', `${URL}/drafts`, 'owner', { definition: def });
    assert.equal(draft.statusCode, 400, draft.body);
    assert.match(draft.headers['content-type'] as string, /^application\/problem\+json/);
    const problem = draft.json();
    assert.equal(problem.invalidParams.length, check.problems.length, 'the same problems as the check');
    assert.deepEqual(
      problem.invalidParams.map((p: { reason: string }) => p.reason),
      check.problems,
    );
    assert.equal((await ok('GET', URL, 'owner')).draft, null, 'nothing stored');

    const valid = await ok('POST', `${URL}/checks`, 'owner', { definition: JSON.stringify(await changedDefinition('Controle')) });
    assert.deepEqual(valid, { valid: true, problems: [] });
  });

  test('a coordinator may look but not check, save or publish (403)', async () => {
    const def = await changedDefinition('Mag niet');
    assert.equal((await call('POST', `${URL}/checks`, 'coordinator', { definition: def })).statusCode, 403);
    assert.equal((await call('POST', `${URL}/drafts`, 'coordinator', { definition: def })).statusCode, 403);
    await ok('POST', `${URL}/drafts`, 'owner', { definition: def }, 201);
    const refused = await call('POST', `${URL}/versions/2/publication`, 'coordinator');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal((await ok('GET', URL, 'owner')).published.version, 1);
  });

  test('publish: new cases get the new version, a running case keeps its version and its texts', async () => {
    const before = await newCase('agent');
    assert.equal(before.processVersion, 1);
    const firstLabel = before.statusLabel.nl;

    // Version 2 names the first status differently and calls "forwardToCoordinator" "passToCoordinator".
    const changed = await changedDefinition('Eerst controleren');
    changed.transitions.find((x: { key: string }) => x.key === 'forwardToCoordinator').key = 'passToCoordinator';
    const draft = await ok('POST', `${URL}/drafts`, 'owner', { definition: changed }, 201);
    assert.equal(draft.version, 2, 'saving again replaces the draft; it keeps its number');
    assert.equal(draft.state, 'draft');
    assert.equal(draft.createdBy, 'Henk Peters');

    const published = await ok('POST', `${URL}/versions/2/publication`, 'owner');
    assert.equal(published.state, 'published');
    assert.equal(published.publishedBy, 'Henk Peters');
    assert.equal(published.publishedAt, t.clock.now().toISOString());
    assert.equal((await call('POST', `${URL}/versions/2/publication`, 'owner')).statusCode, 409, 'published already');

    const after = await newCase('agent');
    assert.equal(after.processVersion, 2);
    assert.equal(after.statusLabel.nl, 'Eerst controleren');
    const old = await ok('GET', `/api/v1/cases/${before.id}`, 'agent');
    assert.equal(old.processVersion, 1);
    assert.equal(old.statusLabel.nl, firstLabel, 'the running case keeps the texts of its version');

    // Steps follow each case's own version.
    const moved = await ok('POST', `/api/v1/cases/${before.id}/transitions`, 'agent', { transition: 'forwardToCoordinator', inputs: {} });
    assert.equal(moved.processVersion, 1);
    assert.equal(moved.status, 'withCoordinator');
    const unknown = await call('POST', `/api/v1/cases/${after.id}/transitions`, 'agent', {
      transition: 'forwardToCoordinator',
      inputs: {},
    });
    assert.equal(unknown.statusCode, 400, 'version 2 has no such step');
    assert.equal(
      (await ok('POST', `/api/v1/cases/${after.id}/transitions`, 'agent', { transition: 'passToCoordinator', inputs: {} })).status,
      'withCoordinator',
    );

    const p = await ok('GET', URL, 'admin');
    assert.deepEqual(
      p.versions.map((v: { version: number; state: string; source: string }) => `${v.version}:${v.state}:${v.source}`),
      ['2:published:upload', '1:retired:file'],
    );
    assert.equal(p.published.version, 2);
    assert.equal(p.draft, null);

    // The published definitions every screen uses (directory) follow at once.
    const dir = await ok('GET', '/api/v1/processes', 'agent');
    assert.equal(dir.items.find((d: { key: string }) => d.key === 'kcc-complaint').statuses[0].label.nl, 'Eerst controleren');
  });

  test('the administrator may publish too', async () => {
    await ok('POST', `${URL}/drafts`, 'admin', { definition: await changedDefinition('Door de beheerder') }, 201);
    const published = await ok('POST', `${URL}/versions/3/publication`, 'admin');
    assert.equal(published.version, 3);
    assert.equal((await newCase('agent')).processVersion, 3);
  });

  test('bad input is a 400 problem naming the field', async () => {
    const bad = await call('POST', `${URL}/checks`, 'owner', { definition: 42 });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().invalidParams[0].name.startsWith('body.definition'), true, bad.body);
    assert.equal((await call('POST', `${URL}/versions/abc/publication`, 'owner')).statusCode, 400);
  });
});
