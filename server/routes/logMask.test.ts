import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { loggablePath } from './logMask.ts';

/** A log line must not open a case: not the secret link, not encoded, not the paper short link's code. */
const lines: string[] = [];
let t: Awaited<ReturnType<typeof createTestApp>>;
before(async () => {
  t = await createTestApp({ logStream: { write: (line) => void lines.push(line) } });
});
after(() => t.close());

test('a percent-encoded secret link opens its page but reaches the log masked', async () => {
  const token = randomBytes(32).toString('base64url');
  const agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: await loginHeaders(t.services, agent),
    payload: { subject: 'Niet teruggebeld', description: 'Twee keer beloofd.', channel: 'phone', complainant: { name: 'Ria' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const kase = await t.services.db
    .selectFrom('cases')
    .select(['id', 'complainant_id'])
    .where('id', '=', created.json().id)
    .executeTakeFirstOrThrow();
  await t.services.db
    .insertInto('survey')
    .values({
      case_id: kase.id,
      person_id: kase.complainant_id,
      token_hash: createHash('sha256').update(token).digest('base64url'),
      sent_at: t.services.clock.now(),
    })
    .execute();
  const encoded = [...token].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const res = await t.app.inject({ method: 'GET', url: `/enquete/${encoded}` });
  assert.equal(res.statusCode, 200, 'the encoded link opens the survey, so it is as secret as the link itself');
  const logged = lines.join('');
  assert.ok(logged.includes('/enquete/***'), 'the request is logged, its link masked');
  assert.ok(!logged.includes(token) && !logged.includes(encoded.slice(0, 30)), 'neither form of the link is in the log');
});

test('which paths are masked: secret links in any encoding and short-link codes; case ids stay readable', () => {
  const token = 'A'.repeat(43);
  assert.equal(loggablePath(`/volgen/${token}?taal=en`), '/volgen/***');
  assert.equal(loggablePath(`/volgen/${encodeURIComponent('%41').repeat(43)}/ontvangen`), '/volgen/***/ontvangen');
  assert.equal(loggablePath('/v/Ab3dE5gH7jK9mN2pQ4'), '/v/***');
  assert.equal(loggablePath(`/api/v1/portal/cases/${token}`), '/api/v1/portal/cases/***');
  assert.equal(
    loggablePath('/api/v1/cases/0b7e4a52-9a51-4d8f-9f7e-1d2c3b4a5f6e/timeline'),
    '/api/v1/cases/0b7e4a52-9a51-4d8f-9f7e-1d2c3b4a5f6e/timeline',
  );
});
