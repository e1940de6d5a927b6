import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../domain/errors.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { registerActivity } from './activityRegistrar.ts';
import { registerCase } from './caseRegistrar.ts';
import { transitionCase } from './caseTransitioner.ts';
import type { StaffActor } from './context.ts';
import { writeAndSendLetter } from '../letters/testSupport.ts';

let env: TestEnv;
let agent: StaffActor, coordinator: StaffActor, backOffice: StaffActor;

before(async () => {
  env = await createTestServices({ poolSize: 4 });
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
  backOffice = await buildStaff(env.services, { roles: ['backOffice'], teams: ['backOffice'] });
});
after(() => env.close());

async function newCase() {
  return asActor(env.services, agent, async (ctx) => {
    const activityId = await registerActivity(ctx, {
      channel: 'phone',
      subject: 'Lang wachten',
      body: 'Ik wacht al weken.',
      contact: { name: 'Jan Jansen' },
      assignTo: 'self',
    });
    return registerCase(ctx, {
      activityId,
      subject: 'Lang wachten',
      description: 'Ik wacht al weken.',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Jan Jansen', email: 'jan@example.org' },
      data: { product: 'Registratie' },
    });
  });
}
const step = (actor: StaffActor, caseId: string, transition: string, inputs: Record<string, unknown> = {}, expectedVersion?: number) =>
  asActor(env.services, actor, (ctx) => transitionCase(ctx, { caseId, transition, inputs, expectedVersion }));

async function rejects(p: Promise<unknown>, code: string, match?: RegExp) {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, code);
    if (match) assert.match(JSON.stringify(err.invalidParams) + err.detail, match);
    return true;
  });
}

describe('case transitions', () => {
  test('a reference like KL-2026-000001 is given per year and the first status is the completeness check', async () => {
    const c = await newCase();
    assert.match(c.reference, /^KL-2026-\d{6}$/);
    const row = await env.services.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'registered');
    assert.equal(row.assignee_user_id, agent.id);
  });

  test('the statutory path moves the case, assigns teams and creates tasks, all on the timeline', async () => {
    const c = await newCase();
    await step(agent, c.id, 'forwardToCoordinator', { note: 'Volledig.' });
    let row = await env.services.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'withCoordinator');
    assert.equal(row.assignee_user_id, null);
    const tasks = await env.services.db
      .selectFrom('activity')
      .select(['task_key', 'status', 'assignee_team_id'])
      .where('case_id', '=', c.id)
      .where('kind', '=', 'task')
      .execute();
    assert.deepEqual(
      tasks.map((t) => [t.task_key, t.status]),
      [['assessCase', 'open']],
    );
    assert.equal(tasks[0]!.assignee_team_id, coordinator.teamIds[0]);

    await step(coordinator, c.id, 'acknowledge');
    await step(coordinator, c.id, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
    await step(coordinator, c.id, 'forwardForJudgment');
    await step(backOffice, c.id, 'judge', { judgment: 'founded', judgmentReasons: 'Te lang gewacht.' });
    await step(coordinator, c.id, 'skipHearing', { hearingSkipReason: 'complainantDeclined' });
    await assert.rejects(
      step(backOffice, c.id, 'submitLetter'),
      (e: unknown) => e instanceof AppError && e.invalidParams[0]?.name === 'letter',
      'no letter, no step',
    );
    await writeAndSendLetter(env.services, {
      caseId: c.id,
      kind: 'decision',
      drafter: backOffice,
      approver: coordinator,
    });

    row = await env.services.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.ok(row.closed_at);
    assert.equal(row.data.classification, 'complaint');
    assert.equal(row.data.judgment, 'founded');
    const open = await env.services.db
      .selectFrom('activity')
      .select('id')
      .where('case_id', '=', c.id)
      .where('status', 'in', ['open', 'inProgress'])
      .execute();
    assert.equal(open.length, 0, 'closing leaves no open task behind');
    const events = await env.services.db
      .selectFrom('timeline_event')
      .select(['type', 'before', 'after', 'actor_name'])
      .where('case_id', '=', c.id)
      .orderBy('id')
      .execute();
    const changes = events.filter((e) => e.type === 'statusChanged').map((e) => `${(e.before as any).status}→${(e.after as any).status}`);
    assert.deepEqual(changes, [
      'registered→withCoordinator',
      'withCoordinator→acknowledged',
      'acknowledged→classified',
      'classified→withBackOffice',
      'withBackOffice→judged',
      'judged→draftingLetter',
      'draftingLetter→letterReview',
      'letterReview→closed',
    ]);
    assert.equal(events.find((e) => e.type === 'statusChanged' && (e.after as any).status === 'judged')!.actor_name, backOffice.name);
    const notes = await env.services.db.selectFrom('note').select('body').where('case_id', '=', c.id).execute();
    assert.deepEqual(
      notes.map((n) => n.body),
      ['Volledig.'],
    );
  });

  test('a role may only take the steps the process gives it, in the status that allows them', async () => {
    const c = await newCase();
    await rejects(step(backOffice, c.id, 'forwardToCoordinator'), 'forbidden');
    await rejects(step(agent, c.id, 'judge', { judgment: 'founded', judgmentReasons: 'x' }), 'conflict', /kan niet in de status/);
    await rejects(step(agent, c.id, 'closeNoInformation'), 'conflict');
    await rejects(step(agent, c.id, 'noSuchStep'), 'invalid', /transition/);
  });

  test('inputs are validated against the definition and nothing changes on failure', async () => {
    const c = await newCase();
    await step(agent, c.id, 'forwardToCoordinator');
    await step(coordinator, c.id, 'acknowledge');
    await rejects(
      step(coordinator, c.id, 'classify', { classification: 'maybe', extra: 1 }),
      'invalid',
      /inputs\.classification.*inputs\.statutory|inputs\.extra/,
    );
    const row = await env.services.db.selectFrom('cases').select(['status', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'acknowledged');
  });

  test('a stale expected version is refused with 409', async () => {
    const c = await newCase();
    await rejects(step(agent, c.id, 'forwardToCoordinator', {}, 99), 'conflict');
  });

  test('the timeline cannot be changed or deleted', async () => {
    const c = await newCase();
    await assert.rejects(
      env.services.db.updateTable('timeline_event').set({ type: 'forged' }).where('case_id', '=', c.id).execute(),
      /append-only/,
    );
    await assert.rejects(env.services.db.deleteFrom('timeline_event').where('case_id', '=', c.id).execute(), /append-only/);
  });

  test('of two conflicting transitions fired at the same time, one wins and the other changes nothing', async () => {
    // Both users saw version 1. On PostgreSQL the two transactions really overlap (a pool of 4);
    // the compare-and-set on status and version lets exactly one through.
    for (let round = 0; round < 5; round++) {
      const c = await newCase();
      const results = await Promise.allSettled([
        step(agent, c.id, 'forwardToCoordinator', { note: 'A' }, 1),
        step(agent, c.id, 'cancel', { cancelReason: 'duplicate', note: 'B' }, 1),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      assert.equal(won.length, 1);
      assert.equal(lost.length, 1);
      assert.ok(lost[0]!.reason instanceof AppError && lost[0]!.reason.code === 'conflict', String(lost[0]!.reason));
      const events = await env.services.db
        .selectFrom('timeline_event')
        .select('type')
        .where('case_id', '=', c.id)
        .where('type', '=', 'statusChanged')
        .execute();
      assert.equal(events.length, 1, 'only the winner wrote a timeline event');
      const notes = await env.services.db.selectFrom('note').select('body').where('case_id', '=', c.id).execute();
      assert.equal(notes.length, 1, 'only the winner wrote its note');
    }
  });
});
