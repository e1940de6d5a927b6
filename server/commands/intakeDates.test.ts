import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../domain/errors.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { registerCase } from './caseRegistrar.ts';
import { recordComplainantContact } from './complainantContact.ts';
import { transitionCase } from './caseTransitioner.ts';
import type { StaffActor } from './context.ts';

/** Seed 000 details found by trying the product: dates a user would never accept. */
let env: TestEnv;
let agent: StaffActor;
before(async () => {
  env = await createTestServices();
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
});
after(() => env.close());

const register = (receivedAt?: Date) =>
  asActor(env.services, agent, (ctx) =>
    registerCase(ctx, {
      subject: 'Brief niet ontvangen',
      description: 'Ik heb de brief nooit gekregen.',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Mira Bos', email: 'mira@example.org' },
      data: {},
      receivedAt,
    }),
  );

test('a receipt date in the future is refused at the field, and nothing is registered', async () => {
  env.clock.set('2026-03-04T10:00:00+01:00');
  const count = async () =>
    Number(
      (
        await env.services.db
          .selectFrom('cases')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  await assert.rejects(register(new Date('2026-03-05T09:00:00+01:00')), (e: unknown) => {
    assert.ok(e instanceof AppError && e.code === 'invalid', String(e));
    assert.equal(e.invalidParams?.[0]?.name, 'receivedAt');
    return true;
  });
  assert.equal(await count(), before);
  await register(new Date('2026-03-03T09:00:00+01:00'));
  assert.equal(await count(), before + 1);
});

test('an information request whose wait ends on a Saturday asks for an answer by the Friday before', async () => {
  // Saturday 7 March 2026 + 14 days = Saturday 21 March: the mail names Friday 20 March.
  env.clock.set('2026-03-07T10:00:00+01:00');
  const c = await register();
  await asActor(env.services, agent, (ctx) =>
    transitionCase(ctx, { caseId: c.id, transition: 'requestInformation', inputs: { informationRequested: 'Uw klantnummer.' } }),
  );
  const mail = await env.services.db
    .selectFrom('outbox_message')
    .select('body_text')
    .where('case_id', '=', c.id)
    .where('template_key', '=', 'informationRequest')
    .executeTakeFirstOrThrow();
  assert.match(mail.body_text, /uiterlijk vrijdag 20 maart 2026/);
  assert.doesNotMatch(mail.body_text, /zaterdag/);
});

test('after closing, a call that explains the closing letter is recorded; it is not first contact', async () => {
  env.clock.set('2026-03-09T10:00:00+01:00');
  const c = await register();
  await asActor(env.services, agent, (ctx) =>
    transitionCase(ctx, { caseId: c.id, transition: 'cancel', inputs: { cancelReason: 'withdrawn', note: 'Klager trekt de klacht in.' } }),
  );
  env.clock.set('2026-03-10T10:00:00+01:00');
  await asActor(env.services, agent, (ctx) =>
    recordComplainantContact(ctx, c.id, { method: 'phone', summary: 'Uitgelegd wat de brief betekent.' }),
  );
  const row = await env.services.db
    .selectFrom('cases')
    .select(['clock_facts', 'closed_at'])
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  assert.notEqual(row.closed_at, null);
  assert.equal((row.clock_facts as { firstContactAt?: string }).firstContactAt, undefined);
  const events = await env.services.db
    .selectFrom('timeline_event')
    .select('type')
    .where('case_id', '=', c.id)
    .where('type', '=', 'complainantContacted')
    .execute();
  assert.equal(events.length, 1);
});
