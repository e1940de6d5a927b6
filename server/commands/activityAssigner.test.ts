import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../domain/errors.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { assignActivity, bulkAssignActivities, closeActivity, pickUpActivity, releaseActivity } from './activityAssigner.ts';
import { registerActivity } from './activityRegistrar.ts';
import type { StaffActor } from './context.ts';

let env: TestEnv;
let dispatcher: StaffActor, agentA: StaffActor, agentB: StaffActor, outsider: StaffActor;
let kccTeam: string;

before(async () => {
  env = await createTestServices({ poolSize: 4 });
  dispatcher = await buildStaff(env.services, { roles: ['dispatcher'], teams: ['kcc'] });
  agentA = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  agentB = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  outsider = await buildStaff(env.services, { roles: ['department'], teams: ['department'] });
  kccTeam = agentA.teamIds[0]!;
});
after(() => env.close());

const incoming = (assignTo: 'queue' | 'self' | { team: string } = 'queue') =>
  asActor(env.services, dispatcher, (ctx) =>
    registerActivity(ctx, {
      channel: 'email',
      subject: 'Klacht over wachttijd',
      body: 'Tekst',
      contact: { email: 'a@example.org' },
      assignTo,
    }),
  );
const load = (id: string) => env.services.db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const code = (c: string) => (err: unknown) => err instanceof AppError && err.code === c;

describe('work queue assignment', () => {
  test('the dispatcher assigns to a person; reassigning away from someone needs a reason', async () => {
    const id = await incoming();
    await asActor(env.services, dispatcher, (ctx) => assignActivity(ctx, id, { userId: agentA.id, teamId: kccTeam }));
    assert.equal((await load(id)).assignee_user_id, agentA.id);
    await assert.rejects(
      asActor(env.services, dispatcher, (ctx) => assignActivity(ctx, id, { userId: agentB.id })),
      code('invalid'),
    );
    await asActor(env.services, dispatcher, (ctx) => assignActivity(ctx, id, { userId: agentB.id, reason: 'Sanne is ziek' }));
    assert.equal((await load(id)).assignee_user_id, agentB.id);
    const events = await env.services.db
      .selectFrom('timeline_event')
      .select(['type', 'data'])
      .where('activity_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map((e) => e.type),
      ['activityRegistered', 'activityAssigned', 'activityReassigned'],
    );
    assert.equal((events[2]!.data as { reason: string }).reason, 'Sanne is ziek');
  });

  test('a team task is claimed by one member and can be released back to the team', async () => {
    const id = await incoming({ team: 'kcc' });
    await asActor(env.services, agentA, (ctx) => pickUpActivity(ctx, id));
    let row = await load(id);
    assert.equal(row.assignee_user_id, agentA.id);
    assert.equal(row.status, 'inProgress');
    await assert.rejects(
      asActor(env.services, agentB, (ctx) => pickUpActivity(ctx, id)),
      code('conflict'),
    );
    await assert.rejects(
      asActor(env.services, agentB, (ctx) => releaseActivity(ctx, id)),
      code('conflict'),
    );
    await asActor(env.services, agentA, (ctx) => releaseActivity(ctx, id));
    row = await load(id);
    assert.equal(row.assignee_user_id, null);
    assert.equal(row.assignee_team_id, kccTeam);
    assert.equal(row.status, 'open');
  });

  test('someone outside the team can neither see nor claim its task', async () => {
    const id = await incoming({ team: 'kcc' });
    await assert.rejects(
      asActor(env.services, outsider, (ctx) => pickUpActivity(ctx, id)),
      code('not_found'),
    );
  });

  test('two agents picking up the same activity at once: exactly one gets it', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await incoming();
      const results = await Promise.allSettled([
        asActor(env.services, agentA, (ctx) => pickUpActivity(ctx, id)),
        asActor(env.services, agentB, (ctx) => pickUpActivity(ctx, id)),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const events = await env.services.db
        .selectFrom('timeline_event')
        .select('type')
        .where('activity_id', '=', id)
        .where('type', '=', 'activityPickedUp')
        .execute();
      assert.equal(events.length, 1);
    }
  });

  test('bulk assign assigns the open ones and reports the skipped ones', async () => {
    const ids = [await incoming(), await incoming(), await incoming()];
    await asActor(env.services, agentA, (ctx) => pickUpActivity(ctx, ids[2]!));
    await asActor(env.services, agentA, (ctx) => closeActivity(ctx, ids[2]!, { status: 'done' }));
    const result = await asActor(env.services, dispatcher, (ctx) => bulkAssignActivities(ctx, ids, { userId: agentB.id }));
    assert.deepEqual(result.assigned.sort(), ids.slice(0, 2).sort());
    assert.deepEqual(result.skipped, [ids[2]]);
    for (const id of ids.slice(0, 2)) assert.equal((await load(id)).assignee_user_id, agentB.id);
  });

  test('cancelling needs a reason; a closed activity cannot be closed again', async () => {
    const id = await incoming('self');
    await assert.rejects(
      asActor(env.services, dispatcher, (ctx) => closeActivity(ctx, id, { status: 'cancelled' })),
      code('invalid'),
    );
    await asActor(env.services, dispatcher, (ctx) => closeActivity(ctx, id, { status: 'cancelled', reason: 'Dubbel' }));
    await assert.rejects(
      asActor(env.services, dispatcher, (ctx) => closeActivity(ctx, id, { status: 'done' })),
      code('conflict'),
    );
  });
});
