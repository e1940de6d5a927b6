import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import type { StaffActor } from '../commands/context.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { backfillAllNormDeadlines } from './normDeadlineBackfill.ts';

/**
 * Open cases from before 017_queue_deadlines have no stored service-norm deadline. The backfill
 * gives them the one a new case gets (seed 001: 7 days), leaves closed cases and filled ones alone,
 * and a second run changes nothing.
 */
const orgFile = path.resolve(import.meta.dirname, '../../config/examples/municipal-tax-cooperation.json');
let env: TestEnv;
let agent: StaffActor;

before(async () => {
  env = await createTestServices({ orgFile });
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
});
after(() => env.close());

const newCase = (subject: string, received: string) =>
  asActor(env.services, agent, (ctx) =>
    registerCase(ctx, {
      subject,
      description: 'De aanslag klopt niet.',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Henk' },
      receivedAt: new Date(`${received}T09:00:00+01:00`),
      data: {},
    }),
  );

const norms = (ids: string[]) =>
  env.services.db
    .selectFrom('cases')
    .select(['id', 'norm_deadline', 'norm_warn_from', 'first_deadline'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();

test('open cases without a service-norm deadline get the one a new case gets, batch by batch, once', async () => {
  env.clock.set('2026-04-03T09:00:00+02:00');
  // Easter (5–6 April 2026) falls inside some of these norms: the calendar must be the same one.
  const cases = [];
  for (const day of ['2026-03-02', '2026-03-04', '2026-03-31', '2026-04-01', '2026-04-02'])
    cases.push(await newCase(`Ontvangen ${day}`, day));
  const ids = cases.map((c) => c.id);
  const asNew = await norms(ids);
  assert.ok(
    asNew.every((r) => r.norm_deadline),
    'a new case has one',
  );
  const closed = await newCase('Al gesloten', '2026-03-03');

  // As before migration 017: nothing stored for the norm.
  await env.services.db
    .updateTable('cases')
    .set({ norm_deadline: null, norm_warn_from: null })
    .where('id', 'in', [...ids, closed.id])
    .execute();
  await env.services.db
    .updateTable('cases')
    .set({ closed_at: new Date('2026-03-05T10:00:00Z') })
    .where('id', '=', closed.id)
    .execute();
  assert.ok((await norms(ids)).every((r) => r.norm_deadline === null));

  await backfillAllNormDeadlines(env.services, 2);
  const filled = await norms(ids);
  assert.deepEqual(filled, asNew, 'the same deadline, warning day and earliest deadline as when new');
  // Norms already passed count as warned for (no storm of warnings at the upgrade); the others are still owed one.
  const warned = await env.services.db.selectFrom('cases').select(['norm_deadline', 'norm_warned_for']).where('id', 'in', ids).execute();
  assert.ok(warned.some((r) => r.norm_deadline! < '2026-04-03') && warned.some((r) => r.norm_deadline! >= '2026-04-03'));
  for (const r of warned) assert.equal(r.norm_warned_for, r.norm_deadline! < '2026-04-03' ? r.norm_deadline : null);
  const [closedRow] = await norms([closed.id]);
  assert.equal(closedRow!.norm_deadline, null, 'a closed case is left alone');

  // Idempotent: a value set since is not overwritten, a second run changes nothing.
  await env.services.db.updateTable('cases').set({ norm_deadline: '2026-05-01' }).where('id', '=', ids[0]!).execute();
  await backfillAllNormDeadlines(env.services, 2);
  const again = await norms(ids);
  assert.equal(again.find((r) => r.id === ids[0])!.norm_deadline, '2026-05-01');
  const others = (rows: typeof asNew) => rows.filter((r) => r.id !== ids[0]);
  assert.deepEqual(others(again), others(asNew));
});
