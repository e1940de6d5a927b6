import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { checkMeasure } from '../commands/measureCheck.ts';
import { recordMeasure } from '../commands/measureRecorder.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { remindMeasureOwners } from './measureReminder.ts';

let env: TestEnv;
let quality: StaffActor, owner: StaffActor;

before(async () => {
  env = await createTestServices();
  quality = await buildStaff(env.services, { roles: ['qualityOfficer'], teams: ['coordinators'] });
  owner = await buildStaff(env.services, { roles: ['teamLead'], teams: ['backOffice'] });
});
after(() => env.close());

const reminders = () =>
  env.services.db
    .selectFrom('notification')
    .select(['message', 'measure_id'])
    .where('user_id', '=', owner.id)
    .where('kind', '=', 'measureReminder')
    .orderBy('created_at')
    .execute();

test('the owner is reminded once, five working days before the due date; the rows survive a restart; a new due date after "not effective" reminds again', async () => {
  env.clock.set('2026-03-02T09:00:00Z');
  const m = await asActor(env.services, quality, (ctx) =>
    recordMeasure(ctx, {
      description: 'Wachtrij telefonie verkorten',
      ownerId: owner.id,
      dueDate: '2026-04-10',
      source: 'systemReview',
      caseIds: [],
    }),
  );
  // Five working days before it, by the organisation's calendar (Easter Monday is skipped).
  const reminderDay = env.services.calendar.addWorkingDays('2026-04-10', -5);
  assert.equal(m.remind_from, reminderDay);

  env.clock.set(`${reminderDay}T06:00:00Z`);
  env.clock.advance(-86_400_000);
  await remindMeasureOwners(env.services);
  assert.equal((await reminders()).length, 0, 'not before the reminder day');

  // A restart: a fresh server over the same database sweeps the same rows.
  const restarted = await createTestServices({ database: env.database });
  restarted.clock.set(`${reminderDay}T06:00:00Z`);
  await remindMeasureOwners(restarted.services);
  await remindMeasureOwners(restarted.services);
  env.clock.set(`${reminderDay}T12:00:00Z`);
  await remindMeasureOwners(env.services);
  let got = await reminders();
  assert.equal(got.length, 1, 'once, whichever instance sweeps');
  assert.equal(got[0]!.measure_id, m.id);
  assert.match(got[0]!.message, /uiterlijk vrijdag 10 april 2026 ingevoerd zijn/);
  const history = await env.services.db
    .selectFrom('improvement_measure_event')
    .select('type')
    .where('measure_id', '=', m.id)
    .orderBy('occurred_at')
    .execute();
  assert.deepEqual(
    history.map((h) => h.type),
    ['recorded', 'reminderSent'],
  );

  // Checked as not effective: a new due date, reminded again before it, once.
  env.clock.set('2026-04-20T09:00:00Z');
  await asActor(env.services, quality, (ctx) =>
    checkMeasure(ctx, m.id, { method: 'Cijfers telefonie', conclusion: 'Niet ingevoerd.', effective: false, newDueDate: '2026-06-01' }),
  );
  await remindMeasureOwners(env.services);
  assert.equal((await reminders()).length, 1);
  env.clock.set(`${env.services.calendar.addWorkingDays('2026-06-01', -5)}T06:00:00Z`);
  await remindMeasureOwners(env.services);
  await remindMeasureOwners(env.services);
  got = await reminders();
  assert.equal(got.length, 2);
  assert.match(got[1]!.message, /maandag 1 juni 2026/);
  // Reminder mail is on by default for the owner.
  const mail = await env.services.db.selectFrom('outbox_message').select('subject').where('to_address', '=', owner.email).execute();
  assert.ok(mail.some((x) => /Verbetermaatregel moet bijna klaar zijn/.test(x.subject)));
});
