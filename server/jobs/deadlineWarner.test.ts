import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assignActivity, pickUpActivity } from '../commands/activityAssigner.ts';
import { registerActivity } from '../commands/activityRegistrar.ts';
import { extendHandlingPeriod } from '../commands/caseExtension.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import type { StaffActor } from '../commands/context.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { warnDeadlines } from './deadlineWarner.ts';

let env: TestEnv;
let agent: StaffActor, dispatcher: StaffActor, coordinator: StaffActor, coordinator2: StaffActor, backOffice: StaffActor;

before(async () => {
  env = await createTestServices();
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  dispatcher = await buildStaff(env.services, { roles: ['dispatcher'], teams: ['kcc'] });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
  coordinator2 = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
  backOffice = await buildStaff(env.services, { roles: ['backOffice'], teams: ['backOffice'] });
});
after(() => env.close());

const notices = async (userId: string, kind: string) =>
  env.services.db
    .selectFrom('notification')
    .select(['case_id', 'message'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();

describe('staff notifications', () => {
  test('deadline warning: once per deadline, to the handler or else the whole team, in the app and by e-mail; an extension warns again', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const newCase = () =>
      asActor(env.services, agent, (ctx) =>
        registerCase(ctx, {
          subject: 'Lange wachttijd',
          description: 'x',
          channel: 'phone',
          complainant: { kind: 'person', name: 'Ria' },
          data: {},
        }),
      );
    const teamCase = await newCase();
    await asActor(env.services, agent, (ctx) =>
      transitionCase(ctx, { caseId: teamCase.id, transition: 'forwardToCoordinator', inputs: {} }),
    );
    const ownCase = await newCase();
    await env.services.db.updateTable('cases').set({ assignee_user_id: backOffice.id }).where('id', '=', ownCase.id).execute();
    const row = await env.services.db
      .selectFrom('cases')
      .select(['handling_deadline', 'handling_warn_from'])
      .where('id', '=', teamCase.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.handling_deadline, '2026-04-13');

    // The day before the warning day: nothing.
    env.clock.set(`${row.handling_warn_from}T06:00:00Z`);
    env.clock.advance(-86_400_000);
    await warnDeadlines(env.services);
    assert.equal((await notices(coordinator.id, 'deadlineWarning')).length, 0);

    env.clock.set(`${row.handling_warn_from}T06:00:00Z`);
    await warnDeadlines(env.services);
    await warnDeadlines(env.services);
    for (const member of [coordinator, coordinator2]) {
      const got = await notices(member.id, 'deadlineWarning');
      assert.equal(got.filter((n) => n.case_id === teamCase.id).length, 1, 'every team member, once');
      assert.match(got[0]!.message, /uiterlijk maandag 13 april 2026/);
    }
    assert.equal((await notices(backOffice.id, 'deadlineWarning')).filter((n) => n.case_id === ownCase.id).length, 1, 'the handler');
    assert.equal(
      (await notices(coordinator.id, 'deadlineWarning')).filter((n) => n.case_id === ownCase.id).length,
      0,
      'not the team of someone else’s case',
    );
    const mail = await env.services.db
      .selectFrom('outbox_message')
      .select(['to_address', 'subject'])
      .where('case_id', '=', ownCase.id)
      .where('template_key', '=', 'staffNotice')
      .execute();
    assert.deepEqual(
      mail.map((m) => m.to_address),
      [backOffice.email],
    );
    assert.match(mail[0]!.subject, /Termijn verloopt bijna/);

    // An extension moves the deadline: a new warning when the new warning day comes.
    await asActor(env.services, coordinator, (ctx) => extendHandlingPeriod(ctx, ownCase.id, { weeks: 2, reason: 'Advies nodig' }));
    await warnDeadlines(env.services);
    assert.equal((await notices(backOffice.id, 'deadlineWarning')).filter((n) => n.case_id === ownCase.id).length, 1);
    const moved = await env.services.db
      .selectFrom('cases')
      .select('handling_warn_from')
      .where('id', '=', ownCase.id)
      .executeTakeFirstOrThrow();
    env.clock.set(`${moved.handling_warn_from}T06:00:00Z`);
    await warnDeadlines(env.services);
    const again = (await notices(backOffice.id, 'deadlineWarning')).filter((n) => n.case_id === ownCase.id);
    assert.equal(again.length, 2);
    assert.match(again[1]!.message, /dinsdag 28 april 2026/, 'two weeks on is King’s Day, so the next working day');
  });

  test('assignment: a colleague who gets work from the dispatcher is notified; picking up yourself is silent', async () => {
    const a = await asActor(env.services, agent, (ctx) =>
      registerActivity(ctx, { channel: 'phone', subject: 'Terugbelverzoek', body: 'x', contact: {}, assignTo: 'queue' }),
    );
    await asActor(env.services, dispatcher, (ctx) => assignActivity(ctx, a, { userId: agent.id }));
    const got = await notices(agent.id, 'assignment');
    assert.equal(got.length, 1);
    assert.match(got[0]!.message, /heeft "Terugbelverzoek" aan u toegewezen/);
    const b = await asActor(env.services, agent, (ctx) =>
      registerActivity(ctx, { channel: 'phone', subject: 'Zelf oppakken', body: 'x', contact: {}, assignTo: 'queue' }),
    );
    await asActor(env.services, agent, (ctx) => pickUpActivity(ctx, b));
    assert.equal((await notices(agent.id, 'assignment')).length, 1);
    // Not by e-mail: the organisation did not switch that on for assignments.
    assert.equal(
      (await env.services.db.selectFrom('outbox_message').select('id').where('to_address', '=', agent.email).execute()).length,
      0,
    );
  });
});
