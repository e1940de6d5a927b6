import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { registerCase } from '../commands/caseRegistrar.ts';
import { runCommand, SYSTEM_ACTOR } from '../commands/context.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import { smtpTransport } from '../mail/transport.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { backoffMs, MAX_ATTEMPTS, sendDueMessages } from './outboxSender.ts';

/** A real SMTP server on loopback that refuses while `down` is set. */
function localSmtp() {
  const received: { messageId: string; to: string; subject: string }[] = [];
  const state = { down: false, server: undefined as unknown as SMTPServer, port: 0 };
  state.server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_addr, _session, cb) {
      if (state.down) return cb(Object.assign(new Error('Service tijdelijk niet beschikbaar'), { responseCode: 451 }));
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream).then((m) => {
        received.push({ messageId: m.messageId ?? '', to: (m.to as { text: string }).text, subject: m.subject ?? '' });
        cb();
      }, cb);
    },
  });
  return {
    received,
    state,
    start: () => new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', () => { state.port = (state.server.server.address() as AddressInfo).port; resolve(); })),
    stop: () => new Promise<void>((resolve) => state.server.close(() => resolve())),
  };
}

let env: TestEnv;
const smtp = localSmtp();
before(async () => {
  env = await createTestServices({ poolSize: 6 });
  await smtp.start();
});
after(async () => {
  await smtp.stop();
  await env.close();
});

const transport = () => smtpTransport({ host: '127.0.0.1', port: smtp.state.port, secure: false }, 'klachten@voorbeeld.example');
async function queue(n: number, tag: string) {
  const agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  const c = await asActor(env.services, agent, (ctx) => registerCase(ctx, { subject: 'x', description: 'y', channel: 'phone', complainant: { kind: 'person', name: 'Jan', email: 'jan@example.org' }, data: {} }));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await runCommand(env.services, SYSTEM_ACTOR, (ctx) =>
      enqueueMessage(ctx, { caseId: c.id, template: 'autoClose', recipientRole: 'complainant', to: { address: `jan+${tag}${i}@example.org`, name: 'Jan' }, vars: { complainantName: 'Jan', organisationName: 'Voorbeeld', organisationPhone: '088', caseReference: c.reference }, idempotencyKey: `${tag}:${i}` }),
    );
    ids.push(id!);
  }
  return { caseId: c.id, ids };
}
const drain = async () => {
  while ((await sendDueMessages(env.services, transport(), 'klachten@voorbeeld.example')) > 0);
};

describe('the outbox sender', () => {
  test('enqueueing is part of the transaction: a rolled-back change leaves no message', async () => {
    await assert.rejects(runCommand(env.services, SYSTEM_ACTOR, async (ctx) => {
      await enqueueMessage(ctx, { caseId: null, template: 'autoClose', recipientRole: 'complainant', to: { address: 'x@example.org' }, vars: { complainantName: 'X', organisationName: 'O', organisationPhone: '1', caseReference: 'R' }, idempotencyKey: 'rollback' });
      throw new Error('the change failed');
    }));
    assert.equal(await env.services.db.selectFrom('outbox_message').select('id').where('idempotency_key', '=', 'rollback').executeTakeFirst(), undefined);
  });

  test('with SMTP down messages wait, and go out once it is back: none lost, none doubled', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const { caseId, ids } = await queue(5, 'down');
    smtp.state.down = true;
    await drain();
    let rows = await env.services.db.selectFrom('outbox_message').select(['status', 'attempts', 'next_attempt_at', 'last_error']).where('id', 'in', ids).execute();
    assert.ok(rows.every((r) => r.status === 'pending' && r.attempts === 1));
    assert.match(rows[0]!.last_error!, /451/);
    env.clock.advance(30_000);
    await drain();
    assert.ok((await env.services.db.selectFrom('outbox_message').select('attempts').where('id', 'in', ids).execute()).every((r) => r.attempts === 1), 'backoff is honoured');
    smtp.state.down = false;
    env.clock.advance(2 * 60_000);
    await drain();
    rows = await env.services.db.selectFrom('outbox_message').select(['status', 'attempts', 'next_attempt_at', 'last_error']).where('id', 'in', ids).execute();
    assert.ok(rows.every((r) => r.status === 'sent'));
    const got = smtp.received.filter((m) => m.to.includes('+down'));
    assert.equal(got.length, 5);
    assert.equal(new Set(got.map((m) => m.messageId)).size, 5);
    const events = await env.services.db.selectFrom('timeline_event').select('type').where('case_id', '=', caseId).where('type', '=', 'messageSent').execute();
    assert.equal(events.length, 5, 'each sent message is on the case timeline');
  });

  test('a message that keeps failing is marked failed after the last attempt, visibly on the case', async () => {
    const { caseId, ids } = await queue(1, 'fail');
    smtp.state.down = true;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await drain();
      env.clock.advance(2 * 3600_000);
    }
    smtp.state.down = false;
    const row = await env.services.db.selectFrom('outbox_message').select(['status', 'attempts']).where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'failed', attempts: MAX_ATTEMPTS });
    assert.ok(await env.services.db.selectFrom('timeline_event').select('id').where('case_id', '=', caseId).where('type', '=', 'messageFailed').executeTakeFirst());
  });

  test('senders running at the same time deliver each message exactly once', async () => {
    const { ids } = await queue(30, 'race');
    await Promise.all([drain(), drain(), drain()]);
    const got = smtp.received.filter((m) => m.to.includes('+race'));
    assert.equal(got.length, 30);
    assert.equal(new Set(got.map((m) => m.to)).size, 30);
    assert.ok((await env.services.db.selectFrom('outbox_message').select('status').where('id', 'in', ids).execute()).every((r) => r.status === 'sent'));
  });

  test('backoff doubles up to an hour, with jitter', () => {
    assert.equal(backoffMs(1, () => 0.5), 60_000);
    assert.equal(backoffMs(3, () => 0.5), 240_000);
    assert.equal(backoffMs(20, () => 0.5), 3600_000);
    assert.equal(backoffMs(1, () => 0), 48_000);
  });
});
