import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import type { StaffActor } from '../commands/context.ts';
import { surveyResultsQuery, SURVEY_GROUPS } from './surveyResults.ts';

/**
 * A million cases means some hundred thousand surveys: a month's figures must come from the
 * survey_sent index range (migration 024), never from reading every survey. Planted in bulk: 40,000
 * surveys over two years; the planner chooses with up-to-date statistics.
 */
let env: TestEnv;
let manager: StaffActor;
before(async () => {
  env = await createTestServices();
  manager = await buildStaff(env.services, { roles: ['serviceManager'] });
  const db = env.services.db;
  await sql`insert into person (kind, name, created_at) values ('person', 'Klager', now())`.execute(db);
  await sql`
    insert into cases (reference, process_key, case_type, status, status_changed_at, subject, channel, complainant_id,
                       received_at, created_at, updated_at, facts)
    select 'PLAN-' || i, 'kcc-complaint', 'complaint', 'closed', now(), 'Klacht ' || i, 'phone', (select id from person limit 1),
           t, t, t, jsonb_build_object('ground', (array['conduct', 'communication', 'substance'])[1 + i % 3])
    from generate_series(1, 40000) i, lateral (select timestamptz '2025-01-01' + (i * interval '26 minutes') as t) s
  `.execute(db);
  await sql`
    insert into survey (case_id, person_id, token_hash, sent_at, score, answered_at)
    select id, complainant_id, 'hash-' || reference, received_at + interval '1 day',
           case when random() < 0.6 then 1 + floor(random() * 5)::int end, null
    from cases where reference like 'PLAN-%'
  `.execute(db);
  await sql`analyze survey`.execute(db);
  await sql`analyze cases`.execute(db);
});
after(() => env.close());

async function planOf(groupBy: (typeof SURVEY_GROUPS)[number]) {
  const q = surveyResultsQuery(env.services, manager, { from: '2026-02-01', to: '2026-02-28', groupBy }).compile();
  const rows = await sql
    .raw<{ 'QUERY PLAN': string }>(`explain ${q.sql.replace(/\$(\d+)/g, (_m, n) => `'${String(q.parameters[Number(n) - 1])}'`)}`)
    .execute(env.services.db);
  return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
}

test("a month's figures per handler, team or ground read the survey_sent index range, not every survey", async () => {
  for (const groupBy of SURVEY_GROUPS) {
    const plan = await planOf(groupBy);
    if (process.env.SHOW_PLAN) console.log(plan);
    assert.match(plan, /survey_sent/, plan);
    assert.doesNotMatch(plan, /Seq Scan on survey/, plan);
  }
});
