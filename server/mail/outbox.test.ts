import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import { runCommand, SYSTEM_ACTOR } from '../commands/context.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { enqueueMessage, type EnqueueInput } from './outbox.ts';

let env: TestEnv;
let caseId: string;
let reference: string;
before(async () => {
  env = await createTestServices();
  const agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  const c = await asActor(env.services, agent, (ctx) =>
    registerCase(ctx, {
      subject: 'Geen antwoord',
      description: 'Ik hoor niets.',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Jan', email: 'jan@example.org' },
      data: {},
    }),
  );
  caseId = c.id;
  reference = c.reference;
});
after(() => env.close());

const input = (key: string, over: Partial<EnqueueInput> = {}): EnqueueInput => ({
  caseId,
  template: 'autoClose',
  recipientRole: 'complainant',
  to: { address: 'jan@example.org', name: 'Jan de Vries' },
  vars: { complainantName: 'Jan de Vries', organisationPhone: '088 123 45 67', caseReference: reference },
  idempotencyKey: key,
  ...over,
});
const rows = (key: string) => env.services.db.selectFrom('outbox_message').selectAll().where('idempotency_key', '=', key).execute();
const events = (type: string) =>
  env.services.db.selectFrom('timeline_event').select(['data']).where('case_id', '=', caseId).where('type', '=', type).execute();

test("a message is written in the caller's transaction: rolled back with it, nothing queued", async () => {
  const queuedBefore = (await events('messageQueued')).length;
  await assert.rejects(
    runCommand(env.services, SYSTEM_ACTOR, async (ctx) => {
      const id = await enqueueMessage(ctx, input('rollback'));
      assert.ok(id, 'visible inside the transaction');
      assert.equal((await ctx.tx.selectFrom('outbox_message').select('id').where('id', '=', id).execute()).length, 1);
      throw new Error('the change that caused the message failed');
    }),
    /failed/,
  );
  assert.deepEqual(await rows('rollback'), []);
  assert.equal((await events('messageQueued')).length, queuedBefore, 'and no timeline event either');
});

test('a queued message is rendered, addressed, has our Message-ID and is due at once', async () => {
  env.clock.set('2026-03-02T10:00:00Z');
  const id = await runCommand(env.services, SYSTEM_ACTOR, (ctx) =>
    enqueueMessage(ctx, input('queued', { inReplyTo: '<their-id@example.org>', attachments: [] })),
  );
  const [row] = await rows('queued');
  assert.equal(row!.id, id);
  assert.equal(row!.status, 'pending');
  assert.equal(row!.attempts, 0);
  assert.equal(row!.to_address, 'jan@example.org');
  assert.equal(row!.to_name, 'Jan de Vries');
  assert.equal(row!.subject, `Wij hebben uw klacht gesloten (${reference})`);
  assert.match(row!.body_text, /^Beste Jan de Vries,/);
  assert.match(row!.body_html, /<p>Beste Jan de Vries,<\/p>/);
  assert.match(row!.message_id, /^<[0-9a-f-]{36}@klachtflow\.test>$/, "the domain is the public URL's host");
  assert.equal(row!.in_reply_to, '<their-id@example.org>');
  assert.deepEqual(row!.next_attempt_at, new Date('2026-03-02T10:00:00Z'));
});

test('the organisation name comes from the configuration, whatever the caller passes', async () => {
  await runCommand(env.services, SYSTEM_ACTOR, (ctx) =>
    enqueueMessage(ctx, input('orgname', { vars: { ...input('x').vars, organisationName: 'Een Andere Organisatie' } })),
  );
  const [row] = await rows('orgname');
  assert.ok(row!.body_text.endsWith(`\n${env.services.org.name}`), row!.body_text);
  assert.doesNotMatch(row!.body_text, /Een Andere Organisatie/);
});

test('the same idempotency key queues one message and one event, and returns the same id', async () => {
  const before = (await events('messageQueued')).length;
  const first = await runCommand(env.services, SYSTEM_ACTOR, (ctx) => enqueueMessage(ctx, input('once')));
  const second = await runCommand(env.services, SYSTEM_ACTOR, (ctx) =>
    enqueueMessage(ctx, input('once', { vars: { ...input('x').vars, complainantName: 'Iemand Anders' } })),
  );
  assert.equal(second, first);
  const found = await rows('once');
  assert.equal(found.length, 1);
  assert.match(found[0]!.body_text, /Beste Jan de Vries/, 'the first message stands');
  assert.equal((await events('messageQueued')).length, before + 1);
});

test('the timeline says which template went to which role, never the text, subject or address', async () => {
  const id = await runCommand(env.services, SYSTEM_ACTOR, (ctx) => enqueueMessage(ctx, input('event')));
  const event = (await events('messageQueued')).find((e) => e.data.messageId === id);
  assert.deepEqual(event?.data, { messageId: id, template: 'autoClose', recipientRole: 'complainant' });
});

test('an unknown or missing merge field rolls the change back instead of mailing a gap', async () => {
  await assert.rejects(
    runCommand(env.services, SYSTEM_ACTOR, (ctx) => enqueueMessage(ctx, input('missing', { vars: { complainantName: 'Jan' } }))),
    /no value for merge field/,
  );
  assert.deepEqual(await rows('missing'), []);
});

test('an address that can never be mailed is not queued; the timeline says so and the step goes on', async () => {
  for (const address of ['jan@', 'jan de vries@example.org', 'geen adres', 'a@b', '']) {
    const id = await runCommand(env.services, SYSTEM_ACTOR, (ctx) => enqueueMessage(ctx, input(`bad:${address}`, { to: { address } })));
    assert.equal(id, null, address);
    assert.deepEqual(await rows(`bad:${address}`), []);
  }
  const notSent = await events('messageNotSent');
  assert.ok(notSent.some((e) => e.data.reason === 'invalidEmailAddress' && e.data.template === 'autoClose'));
  assert.ok(notSent.every((e) => !JSON.stringify(e.data).includes('jan@')));
});

test('a message without a case (a handler reminder) is queued without a case event', async () => {
  const id = await runCommand(env.services, SYSTEM_ACTOR, (ctx) =>
    enqueueMessage(ctx, {
      template: 'reminder',
      recipientRole: 'handler',
      to: { address: 'behandelaar@example.org' },
      vars: { handlerName: 'Sanne', caseReference: reference, since: '2 maart 2026', status: 'In behandeling' },
      idempotencyKey: 'nocase',
    }),
  );
  const [row] = await rows('nocase');
  assert.equal(row!.id, id);
  assert.equal(row!.case_id, null);
  assert.equal(row!.to_name, null);
});
