import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestServices, type TestEnv } from '../test/harness.ts';
import { phoneLookupKeys } from '../domain/phone.ts';
import { livePersonsByKeys } from './personSuggestions.ts';

/**
 * A million cases means hundreds of thousands of person records: the intake lookup must come
 * from the indexes on the normalised keys, never from reading the table.
 */
let env: TestEnv;
before(async () => {
  env = await createTestServices();
  await sql`
    insert into person (kind, name, email, phone, created_at)
    -- E.164 since libphonenumber-js; every third row in the national digits earlier rows hold.
    select 'person', 'Persoon ' || i, 'persoon' || i || '@example.org',
      case when i % 3 = 0 then '061' else '+3161' end || lpad(i::text, 7, '0'), now()
    from generate_series(1, 20000) i
  `.execute(env.services.db);
  await sql`analyze person`.execute(env.services.db);
});
after(() => env.close());

async function planOf(email: string | null, phone: string | null) {
  const q = livePersonsByKeys(env.services.db, email, phoneLookupKeys(phone)).limit(5).compile();
  const rows = await sql
    .raw<{ 'QUERY PLAN': string }>(`explain ${q.sql.replace(/\$(\d+)/g, (_m, n) => `'${String(q.parameters[Number(n) - 1])}'`)}`)
    .execute(env.services.db);
  return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
}

test('the known-person lookup by e-mail, phone or both reads the partial key indexes, not the table', async () => {
  for (const [email, phone] of [
    ['persoon123@example.org', null],
    [null, '06-10000123'],
    ['persoon123@example.org', '+31 6 1000 0456'],
  ] as const) {
    const plan = await planOf(email, phone);
    assert.doesNotMatch(plan, /Seq Scan/, plan);
    if (email) assert.match(plan, /person_email_live/, plan);
    if (phone) assert.match(plan, /person_phone_live/, plan);
  }
});

test('a number typed in any spelling finds the record whether it is stored as E.164 or in the earlier national digits', async () => {
  for (const [typed, stored] of [
    ['06-10000124', '+31610000124'],
    ['0031 6 1000 0123', '0610000123'],
  ] as const) {
    const rows = await livePersonsByKeys(env.services.db, null, phoneLookupKeys(typed)).execute();
    assert.deepEqual(
      rows.map((r) => r.phone),
      [stored],
      typed,
    );
  }
});
