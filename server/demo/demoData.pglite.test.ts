import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROLES } from '../domain/roles.ts';
import { createTestServices } from '../test/harness.ts';
import { seedDemoData } from './demoData.ts';

/**
 * The demo must work for every organisation configuration that ships: `ORG_CONFIG=… npm run demo`
 * is how someone tries an organisation's process. Each one is seeded through the real commands.
 * On the embedded database only, where the demo runs (npm run demo); the commands it uses run on
 * both backends in their own tests, and seeding five organisations twice cost a minute of CI.
 */
const root = path.resolve(import.meta.dirname, '../..');
const examples = path.join(root, 'config/examples');
const CONFIGS = [
  path.join(root, 'config/demo-organisation.json'),
  // Only the configurations: logos and other assets live in the same folder.
  ...fs
    .readdirSync(examples)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(examples, f)),
];

describe('demo data for every organisation configuration', () => {
  for (const orgFile of CONFIGS) {
    test(path.relative(root, orgFile), { timeout: 60_000 }, async () => {
      const env = await createTestServices({ orgFile });
      try {
        const { services } = env;
        const seeded = await seedDemoData(services);
        assert.equal(seeded.created, true);

        const users = await services.db.selectFrom('staff_user').select(['id', 'roles']).execute();
        assert.equal(seeded.users, users.length);
        for (const role of ROLES)
          assert.ok(
            users.some((u) => u.roles.includes(role)),
            `a demo user with role ${role}`,
          );
        const teamKeys = services.org.teams.map((t) => t.key);
        const members = await services.db
          .selectFrom('team_member')
          .innerJoin('team', 'team.id', 'team_member.team_id')
          .select('team.key')
          .execute();
        for (const m of members) assert.ok(teamKeys.includes(m.key), `member of configured team ${m.key}`);

        const cases = await services.db.selectFrom('cases').select(['id', 'reference', 'process_key', 'status']).execute();
        assert.equal(seeded.cases, cases.length);
        assert.ok(cases.length >= 40, `at least 40 cases, got ${cases.length}`);
        for (const c of cases) assert.ok(services.processes.get(c.process_key), `case ${c.reference} has a configured process`);

        const statuses = new Set(cases.map((c) => c.status));
        assert.ok(statuses.size >= 3, `at least 3 statuses, got ${[...statuses].join(', ')}`);
        const terminal = new Set(services.processes.all().flatMap((d) => d.statuses.filter((s) => s.terminal).map((s) => s.key)));
        assert.ok(
          [...statuses].some((s) => terminal.has(s)),
          `a terminal status among ${[...statuses].join(', ')}`,
        );

        const withEvents = await services.db
          .selectFrom('timeline_event')
          .select('case_id')
          .where('case_id', 'is not', null)
          .distinct()
          .execute();
        const timelines = new Set(withEvents.map((e) => e.case_id));
        for (const c of cases) assert.ok(timelines.has(c.id), `case ${c.reference} has a timeline`);

        // Seeding is for an empty database only: a second run adds nothing.
        assert.deepEqual(await seedDemoData(services), { created: false, users: 0, cases: 0 });
      } finally {
        await env.close();
      }
    });
  }
});
