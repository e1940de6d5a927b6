import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import type { StaffActor } from '../commands/context.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { claimDueTimers, sweepTimers } from './timerSweeper.ts';

let env: TestEnv;
let agent: StaffActor, coordinator: StaffActor, backOffice: StaffActor;
const DAY = 86_400_000;

before(async () => {
  env = await createTestServices({ poolSize: 6 });
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
  backOffice = await buildStaff(env.services, { roles: ['backOffice'], teams: ['backOffice'] });
});
after(() => env.close());

const newCase = () =>
  asActor(env.services, agent, (ctx) =>
    registerCase(ctx, { subject: 'Wachttijd', description: 'x', channel: 'phone', complainant: { kind: 'person', name: 'Ria' }, data: {} }),
  );
const step = (actor: StaffActor, caseId: string, transition: string, inputs: Record<string, unknown> = {}) =>
  asActor(env.services, actor, (ctx) => transitionCase(ctx, { caseId, transition, inputs }));
const caseRow = (id: string) => env.services.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = async (id: string) =>
  (await env.services.db.selectFrom('timeline_event').select('type').where('case_id', '=', id).orderBy('id').execute()).map((e) => e.type);
async function sweepAll() {
  while ((await sweepTimers(env.services)) > 0);
}

describe('business rules 1–4 as durable timers', () => {
  test('rules 1 and 2: an information request starts a wait; without an answer the case closes itself', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const c = await newCase();
    await step(agent, c.id, 'requestInformation', { informationRequested: 'Uw klantnummer' });
    const timer = await env.services.db
      .selectFrom('timer')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('timer_key', '=', 'informationWait')
      .executeTakeFirstOrThrow();
    assert.equal(timer.fires_at.toISOString(), '2026-03-16T09:00:00.000Z', '14 days');
    env.clock.set('2026-03-16T08:59:00Z');
    await sweepAll();
    assert.equal((await caseRow(c.id)).status, 'awaitingInformation', 'not a minute early');
    env.clock.set('2026-03-16T09:00:30Z');
    await sweepAll();
    const row = await caseRow(c.id);
    assert.equal(row.status, 'closed');
    assert.ok(row.closed_at);
    const ev = await events(c.id);
    assert.ok(ev.includes('timerFired'));
    const last = await env.services.db
      .selectFrom('timeline_event')
      .select(['actor_name', 'actor_id'])
      .where('case_id', '=', c.id)
      .where('type', '=', 'statusChanged')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(last.actor_id, null, 'the system closed it');
  });

  test('an answer in time cancels the wait, and nothing fires later', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const c = await newCase();
    await step(agent, c.id, 'requestInformation', { informationRequested: 'Uw klantnummer' });
    env.clock.set('2026-03-05T09:00:00Z');
    await step(agent, c.id, 'informationReceived');
    env.clock.set('2026-04-30T09:00:00Z');
    await sweepAll();
    const row = await caseRow(c.id);
    assert.notEqual(row.status, 'closed');
    assert.ok((await events(c.id)).includes('timerCancelled'));
  });

  test('rule 4: no hearing appointment in time → a task to draft the decision letter', async () => {
    env.clock.set('2026-05-04T09:00:00Z');
    const c = await newCase();
    await step(agent, c.id, 'forwardToCoordinator');
    await step(coordinator, c.id, 'acknowledge');
    await step(coordinator, c.id, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
    await step(coordinator, c.id, 'forwardForJudgment');
    await step(backOffice, c.id, 'judge', { judgment: 'founded', judgmentReasons: 'x' });
    await step(coordinator, c.id, 'inviteForHearing');
    env.clock.advance(15 * DAY);
    await sweepAll();
    assert.equal((await caseRow(c.id)).status, 'draftingLetter');
    const tasks = await env.services.db
      .selectFrom('activity')
      .select(['task_key', 'status'])
      .where('case_id', '=', c.id)
      .where('task_key', '=', 'draftLetter')
      .execute();
    assert.deepEqual(tasks, [{ task_key: 'draftLetter', status: 'open' }]);
  });

  test('rule 3: a case unchanged for the period reminds its handler; a change moves the reminder', async () => {
    env.clock.set('2026-06-01T09:00:00Z'); // Monday
    const c = await newCase();
    // Changed on Wednesday: the reminder that was due after 5 working days moves.
    env.clock.set('2026-06-03T10:00:00Z');
    await env.services.db.updateTable('cases').set({ updated_at: env.clock.now() }).where('id', '=', c.id).execute();
    env.clock.set('2026-06-08T01:00:00Z'); // due for the first reminder (end of Fri 5 June... +5 wd from Mon = Mon 8 June 00:00)
    await sweepAll();
    let notes = await env.services.db.selectFrom('notification').selectAll().where('case_id', '=', c.id).execute();
    assert.equal(notes.length, 0, 'the case changed, so no reminder yet');
    env.clock.set('2026-06-11T01:00:00Z'); // Wed 3 June + 5 working days = Wed 10 June over
    await sweepAll();
    notes = await env.services.db.selectFrom('notification').selectAll().where('case_id', '=', c.id).execute();
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.user_id, agent.id, 'the handler is reminded');
    assert.match(notes[0]!.message, /ongewijzigd/);
    const pending = await env.services.db
      .selectFrom('timer')
      .select('fires_at')
      .where('case_id', '=', c.id)
      .where('status', '=', 'pending')
      .execute();
    assert.equal(pending.length, 1, 'the next reminder is set');
  });
});

describe('timers survive crashes and never fire twice', () => {
  test('a sweeper that crashed after claiming: the timer fires once, after the lease', async () => {
    env.clock.set('2026-09-01T09:00:00Z');
    const c = await newCase();
    await step(agent, c.id, 'requestInformation', { informationRequested: 'x' });
    env.clock.advance(15 * DAY);
    const claimed = await claimDueTimers(env.services); // …and the process dies here
    assert.ok(claimed.length >= 1);
    assert.deepEqual(await claimDueTimers(env.services), [], 'leased: another sweeper leaves it alone');
    assert.equal((await caseRow(c.id)).status, 'awaitingInformation');
    env.clock.advance(61_000);
    await sweepAll();
    await sweepAll();
    assert.equal((await caseRow(c.id)).status, 'closed');
    assert.equal((await events(c.id)).filter((e) => e === 'timerFired').length, 1);
  });

  test('sweepers running at the same time fire every timer exactly once', async () => {
    env.clock.set('2026-10-01T09:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const c = await newCase();
      await step(agent, c.id, 'requestInformation', { informationRequested: 'x' });
      ids.push(c.id);
    }
    env.clock.advance(15 * DAY);
    await Promise.all([sweepAll(), sweepAll(), sweepAll()]);
    for (const id of ids) {
      assert.equal((await caseRow(id)).status, 'closed');
      assert.equal((await events(id)).filter((e) => e === 'timerFired').length, 1);
    }
  });
});
