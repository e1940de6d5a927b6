import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { StaffActor } from '../commands/context.ts';
import { ROLES } from '../domain/roles.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * Bad input, property-based: random and malformed paths, query strings, headers and bodies against
 * every route. Whatever comes in: never a 5xx, every 4xx is problem+json with its status, and a
 * rejected request stores nothing.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let all: StaffActor;
let headers: Record<string, string>;
const ids: Record<string, string> = {};
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

before(async () => {
  // Random paths, queries and bodies are beyond any document on purpose: no OpenAPI contract check here
  // (server/test/contract.ts); the suites that use the API as a client does are checked against it.
  t = await createTestApp({ demo: true, contract: false });
  all = await buildStaff(t.services, { roles: [...ROLES], teams: ['kcc', 'coordinators', 'backOffice'] });
  headers = await loginHeaders(t.services, all);
  const act = await t.app.inject({
    method: 'POST',
    url: '/api/v1/activities',
    headers,
    payload: { channel: 'phone', subject: 'Fuzz', assignTo: 'queue' },
  });
  ids.activity = act.json().id;
  const c = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers,
    payload: { subject: 'Fuzz', channel: 'phone', complainant: { name: 'F', email: 'f@example.org' } },
  });
  ids.case = c.json().id;
});
after(() => t.close());

let countQuery: ReturnType<typeof sql<{ t: string; n: number }>> | undefined;
/** Row counts of every table in one round trip. */
async function counts(): Promise<Record<string, number>> {
  if (!countQuery) {
    // The portal's request counter (rate_limit_hit) counts refused requests too, by design: that is
    // what stops a robot sending garbage. Every other table must stay as it was.
    const tables = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely%' and table_name <> 'rate_limit_hit'`.execute(
      t.services.db,
    );
    countQuery = sql<{ t: string; n: number }>`${sql.join(
      tables.rows.map(({ table_name }) => sql`select ${table_name} as t, count(*)::int as n from ${sql.table(table_name)}`),
      sql` union all `,
    )}`;
  }
  const rows = (await countQuery.execute(t.services.db)).rows;
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

const uuidish = fc.oneof(fc.uuid(), fc.constantFrom(ids.activity ?? '', ids.case ?? '', '00000000-0000-0000-0000-000000000000'));
const segment = fc.oneof(
  uuidish,
  fc.string({ maxLength: 60 }),
  fc.constantFrom('..%2F..%2Fetc', '%00', 'x'.repeat(300), '%E2%82%AC', 'null', '-1'),
);
const scalar = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const query = fc.dictionary(
  fc.constantFrom(
    'limit',
    'cursor',
    'queue',
    'channel',
    'status',
    'sort',
    'q',
    'teamId',
    'createdBefore',
    'open',
    'unread',
    fc.sample(fc.string(), 1)[0] ?? 'z',
  ),
  fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e9', '0', 'NaN', 'mine', 'phone,fax', 'eyJ4Ijp9')),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record(
    {
      channel: scalar,
      subject: scalar,
      body: scalar,
      contact: fc.oneof(scalar, fc.record({ email: scalar, phone: scalar })),
      assignTo: scalar,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      transition: fc.constantFrom('forwardToCoordinator', 'cancel', 'judge', 'nope'),
      inputs: fc.dictionary(fc.string({ maxLength: 12 }), scalar),
      expectedVersion: scalar,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      subject: scalar,
      channel: scalar,
      complainant: fc.oneof(scalar, fc.record({ name: scalar, email: scalar, postcode: scalar })),
      data: fc.dictionary(fc.string({ maxLength: 10 }), scalar),
    },
    { requiredKeys: [] },
  ),
);
const rawBody = fc.oneof(fc.constant('{"unterminated": '), fc.constant('\u0000\u0001'), fc.string({ maxLength: 200 }));
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/json; charset=latin1',
);

test('no route answers 5xx or stores anything on bad input', { timeout: 600_000 }, async () => {
  const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && !r.url.startsWith('/api/v1/docs'));
  let requests = 0;
  for (const route of routes) {
    const params = (route.url.match(/:\w+/g) ?? []).length;
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: params, maxLength: params }),
        query,
        fc.oneof(
          body.map((b) => ({ json: b })),
          rawBody.map((raw) => ({ raw })),
        ),
        contentType,
        fc.constantFrom('staff', 'anonymous', 'badCsrf'),
        async (segs, q, payload, type, who) => {
          let i = 0;
          const path = route.url.replace(/:\w+/g, () => encodeURIComponent(segs[i++] ?? ''));
          const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
          const h: Record<string, string> =
            who === 'staff' ? { ...headers } : who === 'badCsrf' ? { cookie: headers.cookie!, 'x-csrf-token': 'wrong' } : {};
          const hasBody = !['GET', 'DELETE'].includes(route.method);
          if (hasBody) h['content-type'] = type;
          const before = await counts();
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: `${path}${qs ? `?${qs}` : ''}`,
            headers: h,
            ...(hasBody ? { payload: 'json' in payload ? JSON.stringify(payload.json) : payload.raw } : {}),
          });
          requests++;
          assert.ok(res.statusCode < 500, `${route.method} ${path}?${qs} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            assert.match(String(res.headers['content-type']), /application\/problem\+json/, `${route.method} ${path}`);
            const problem = res.json();
            assert.equal(problem.status, res.statusCode);
            if (res.statusCode === 400)
              assert.ok(
                Array.isArray(problem.invalidParams) &&
                  problem.invalidParams.every((p: { name: string; reason: string }) => p.name && p.reason),
              );
            const after = await counts();
            assert.deepEqual(after, before, `${route.method} ${path} was refused but stored something`);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }
  console.log(`bad-input requests sent: ${requests} over ${routes.length} routes`);
});
