import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { registerCase } from '../commands/caseRegistrar.ts';
import { runCommand, SYSTEM_ACTOR } from '../commands/context.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import { demoMailbox, smtpTransport, type MailTransport } from '../mail/transport.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { backoffMs, claimNext, DEFAULT_MAX_ATTEMPTS, plusAddress, sendDueMessages, type SenderOptions } from './outboxSender.ts';

type Received = {
  messageId: string;
  to: string;
  inReplyTo?: string;
  replyTo?: string;
  headers: Map<string, unknown>;
  attachments: { filename?: string; content: Buffer }[];
};

/**
 * A real SMTP server on loopback with an ephemeral port. It answers 451 to every recipient while
 * `refusing`, 550 5.1.1 to `unknown` addresses, and can be stopped and started on the same port.
 */
function localSmtp() {
  const received: Received[] = [];
  const state = { refusing: false, unknown: new Set<string>(), rcptTried: [] as string[], port: 0, dataDelayMs: 0 };
  let server: SMTPServer | undefined;
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(addr, _session, cb) {
        state.rcptTried.push(addr.address);
        if (state.unknown.has(addr.address))
          return cb(Object.assign(new Error(`5.1.1 <${addr.address}>: User unknown`), { responseCode: 550 }));
        if (state.refusing) return cb(Object.assign(new Error('4.3.0 Service tijdelijk niet beschikbaar'), { responseCode: 451 }));
        cb();
      },
      onData(stream, _session, cb) {
        simpleParser(stream).then(async (m) => {
          if (state.dataDelayMs) await new Promise((r) => setTimeout(r, state.dataDelayMs));
          const replyTo = m.replyTo?.value[0]?.address;
          received.push({
            messageId: m.messageId ?? '',
            to: (m.to as { text: string }).text,
            inReplyTo: m.inReplyTo,
            replyTo,
            headers: m.headers,
            attachments: m.attachments,
          });
          cb();
        }, cb);
      },
    });
  return {
    received,
    state,
    start: () =>
      new Promise<void>((resolve) => {
        server = create();
        server.listen(state.port, '127.0.0.1', () => {
          state.port = (server!.server.address() as AddressInfo).port;
          resolve();
        });
      }),
    stop: () => new Promise<void>((resolve) => server!.close(() => resolve())),
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

const FROM = 'Klachtenteam <klachten@voorbeeld.example>';
const transport = () => smtpTransport({ host: '127.0.0.1', port: smtp.state.port, secure: false }, 'klachten@voorbeeld.example');
const drain = async (t: MailTransport = transport(), opts: SenderOptions = {}) => {
  while ((await sendDueMessages(env.services, t, FROM, opts)) > 0);
};
const db = () => env.services.db;
const rowsOf = (ids: string[]) =>
  db().selectFrom('outbox_message').selectAll().where('id', 'in', ids).orderBy('created_at').orderBy('idempotency_key').execute();
const gotFor = (tag: string) => smtp.received.filter((m) => m.to.includes(`+${tag}`));
const eventsOf = (caseId: string, type: string) =>
  db().selectFrom('timeline_event').select('data').where('case_id', '=', caseId).where('type', '=', type).execute();

async function queue(n: number, tag: string, extra: { attachments?: string[]; inReplyTo?: string } = {}) {
  const agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  const c = await asActor(env.services, agent, (ctx) =>
    registerCase(ctx, {
      subject: 'x',
      description: 'y',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Jan', email: 'jan@example.org' },
      data: {},
    }),
  );
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await runCommand(env.services, SYSTEM_ACTOR, (ctx) =>
      enqueueMessage(ctx, {
        caseId: c.id,
        template: 'autoClose',
        recipientRole: 'complainant',
        to: { address: `jan+${tag}${i}@example.org`, name: 'Jan' },
        vars: { complainantName: 'Jan', organisationPhone: '088', caseReference: c.reference },
        idempotencyKey: `${tag}:${i}`,
        ...extra,
      }),
    );
    ids.push(id!);
  }
  return { caseId: c.id, reference: c.reference, ids };
}

describe('the outbox sender against a real SMTP server', () => {
  test('while the server answers 451 messages wait with backoff; once it accepts, each goes out exactly once', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const { caseId, ids } = await queue(5, 'down');
    smtp.state.refusing = true;
    await drain();
    let rows = await rowsOf(ids);
    assert.ok(rows.every((r) => r.status === 'pending' && r.attempts === 1 && r.lease_until === null));
    assert.match(rows[0]!.last_error!, /451/);
    assert.doesNotMatch(rows[0]!.last_error!, /jan/, 'no address in the stored error');
    for (const r of rows) {
      const wait = r.next_attempt_at.getTime() - env.clock.now().getTime();
      assert.ok(wait >= 48_000 && wait <= 72_000, `first backoff about a minute, was ${wait}`);
    }
    const tried = smtp.state.rcptTried.length;
    env.clock.advance(30_000);
    await drain();
    assert.equal(smtp.state.rcptTried.length, tried, 'nothing is tried before its backoff ends');
    env.clock.advance(60_000);
    await drain();
    rows = await rowsOf(ids);
    assert.ok(rows.every((r) => r.attempts === 2 && r.status === 'pending'));

    smtp.state.refusing = false;
    env.clock.advance(60_000);
    await drain();
    assert.equal(gotFor('down').length, 0, 'the second backoff (about two minutes) is honoured too');
    env.clock.advance(2 * 60_000);
    await drain();
    rows = await rowsOf(ids);
    assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 3 && r.last_error === null));
    const got = gotFor('down');
    assert.equal(got.length, 5, 'none lost, none doubled');
    assert.deepEqual(new Set(got.map((m) => m.messageId)), new Set(rows.map((r) => r.message_id)), 'our Message-IDs, as fixed at enqueue');
    const sent = await eventsOf(caseId, 'messageSent');
    assert.equal(sent.length, 5, 'each sent message is on the case timeline once');
    assert.deepEqual(Object.keys(sent[0]!.data).sort(), ['messageId', 'recipientRole', 'template', 'via']);
  });

  test('with the server stopped (connection refused) messages wait, and go out when it is back on its port', async () => {
    const { ids } = await queue(3, 'stopped');
    await smtp.stop();
    await drain();
    let rows = await rowsOf(ids);
    assert.ok(rows.every((r) => r.status === 'pending' && r.attempts === 1));
    assert.match(rows[0]!.last_error!, /ECONNREFUSED|ESOCKET|ECONNECTION/);
    await smtp.start();
    env.clock.advance(2 * 60_000);
    await drain();
    rows = await rowsOf(ids);
    assert.ok(rows.every((r) => r.status === 'sent'));
    assert.equal(gotFor('stopped').length, 3);
  });

  test('an unknown mailbox fails at once, visibly on the case, with the address masked', async () => {
    const { caseId, ids } = await queue(1, 'unknown');
    smtp.state.unknown.add('jan+unknown0@example.org');
    await drain();
    const [row] = await rowsOf(ids);
    assert.deepEqual([row!.status, row!.attempts], ['failed', 1]);
    assert.match(row!.last_error!, /550 5\.1\.1 <<adres>>/);
    assert.deepEqual(
      (await eventsOf(caseId, 'messageFailed')).map((e) => e.data.attempts),
      [1],
    );
  });

  test('a message that keeps being refused is marked failed after the last attempt, and then left alone', async () => {
    assert.equal(DEFAULT_MAX_ATTEMPTS, 10);
    const { caseId, ids } = await queue(1, 'fail');
    smtp.state.refusing = true;
    for (let i = 0; i < 5; i++) {
      await drain(transport(), { maxAttempts: 3 });
      env.clock.advance(2 * 3600_000);
    }
    smtp.state.refusing = false;
    const [row] = await rowsOf(ids);
    assert.deepEqual([row!.status, row!.attempts], ['failed', 3]);
    assert.equal(smtp.state.rcptTried.filter((a) => a === 'jan+fail0@example.org').length, 3);
    assert.equal((await eventsOf(caseId, 'messageFailed')).length, 1);
  });

  test('senders running at the same time deliver each message exactly once', async () => {
    const { caseId, ids } = await queue(30, 'race');
    smtp.state.dataDelayMs = 15;
    try {
      await Promise.all([drain(transport()), drain(transport()), drain(transport()), drain(transport())]);
    } finally {
      smtp.state.dataDelayMs = 0;
    }
    const got = gotFor('race');
    assert.equal(got.length, 30);
    assert.equal(new Set(got.map((m) => m.messageId)).size, 30, 'no Message-ID received twice');
    assert.ok((await rowsOf(ids)).every((r) => r.status === 'sent' && r.attempts === 1));
    assert.equal((await eventsOf(caseId, 'messageSent')).length, 30);
  });

  test('a sender that crashed after claiming: the message waits for the lease, then another sender sends it once', async () => {
    const { ids } = await queue(1, 'crash');
    const claimed = await claimNext(env.services);
    assert.equal(claimed?.id, ids[0]);
    await drain();
    assert.equal(gotFor('crash').length, 0, 'the lease holds while the first sender might still be sending');
    env.clock.advance(5 * 60_000 + 1);
    await drain();
    const [row] = await rowsOf(ids);
    assert.deepEqual([row!.status, row!.attempts], ['sent', 2]);
    assert.equal(gotFor('crash').length, 1);
  });

  test("a crash between the server's acceptance and the commit resends with the same Message-ID", async () => {
    const { ids } = await queue(1, 'window');
    const claimed = (await claimNext(env.services))!;
    // The first sender delivers, then dies before it can mark the row sent.
    await transport().send({
      from: FROM,
      to: { address: claimed.to_address, name: null },
      subject: claimed.subject,
      text: claimed.body_text,
      html: claimed.body_html,
      messageId: claimed.message_id,
      attachments: [],
    });
    env.clock.advance(5 * 60_000 + 1);
    await drain();
    const got = gotFor('window');
    assert.equal(got.length, 2, 'the documented window: a second copy');
    assert.deepEqual(
      new Set(got.map((m) => m.messageId)),
      new Set([claimed.message_id]),
      'both carry our one Message-ID, so the receiver can drop the copy',
    );
    assert.equal((await rowsOf(ids))[0]!.status, 'sent');
  });

  test('a message whose every attempt was interrupted is given up, not retried forever', async () => {
    const { caseId, ids } = await queue(1, 'poison');
    for (let i = 0; i < 2; i++) {
      assert.equal((await claimNext(env.services))?.id, ids[0]);
      env.clock.advance(5 * 60_000 + 1);
    }
    await drain(transport(), { maxAttempts: 2 });
    const [row] = await rowsOf(ids);
    assert.equal(row!.status, 'failed');
    assert.match(row!.last_error!, /interrupted/);
    assert.equal(gotFor('poison').length, 0);
    assert.equal((await eventsOf(caseId, 'messageFailed')).length, 1);
  });

  test('a slow sender whose lease ran out: its late acceptance counts, its late failure does not', async () => {
    let release!: (outcome: 'accept' | 'refuse') => void;
    let sending!: () => void;
    const slow: MailTransport = {
      kind: 'smtp',
      send: (mail) =>
        new Promise((resolve, reject) => {
          release = (o) =>
            o === 'accept'
              ? resolve({ messageId: mail.messageId })
              : reject(Object.assign(new Error('421 4.4.2 timeout'), { responseCode: 421 }));
          sending();
        }),
    };
    const ids: string[] = [];
    for (const outcome of ['refuse', 'accept'] as const) {
      // One message per round, queued now: both senders can only ever claim this one.
      ids.push(...(await queue(1, `slow${outcome}`)).ids);
      const started = new Promise<void>((r) => (sending = r));
      const first = sendDueMessages(env.services, slow, FROM, { batch: 1 });
      await started;
      env.clock.advance(5 * 60_000 + 1);
      smtp.state.refusing = true;
      await sendDueMessages(env.services, transport(), FROM, { batch: 1 }); // the second claim fails
      smtp.state.refusing = false;
      release(outcome);
      await first;
    }
    const [refused, accepted] = await rowsOf(ids);
    assert.deepEqual([refused!.status, refused!.attempts], ['pending', 2]);
    assert.match(refused!.last_error!, /451/, "the stale claim's failure did not overwrite the current one");
    assert.equal(accepted!.status, 'sent');
    assert.equal(accepted!.attempts, 2);
    assert.equal(
      (
        await db()
          .selectFrom('timeline_event')
          .select('id')
          .where('type', '=', 'messageSent')
          .where(sql<boolean>`data->>'messageId' = ${accepted!.id}`)
          .execute()
      ).length,
      1,
    );
  });

  test('threading headers, plus-addressed Reply-To and attachments from the case reach the server', async () => {
    const blob = await env.services.storage.put(Readable.from([Buffer.from('%PDF-1.4 brief')]), 1024);
    const { ids, reference, caseId } = await queue(0, 'unused');
    const doc = await db()
      .insertInto('document')
      .values({
        case_id: caseId,
        doc_type: 'letter',
        filename: 'besluit.pdf',
        media_type: 'application/pdf',
        size_bytes: blob.sizeBytes,
        sha256: blob.sha256,
        storage_key: blob.key,
        created_at: env.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ok = await runCommand(env.services, SYSTEM_ACTOR, (ctx) =>
      enqueueMessage(ctx, {
        caseId,
        template: 'autoClose',
        recipientRole: 'complainant',
        to: { address: 'jan+headers@example.org' },
        vars: { complainantName: 'Jan', organisationPhone: '088', caseReference: reference },
        idempotencyKey: `headers:${caseId}`,
        attachments: [doc.id],
        inReplyTo: '<vraag-1@example.org>',
      }),
    );
    const other = await queue(1, 'foreign', { attachments: [doc.id] }); // another case's document
    await drain(transport(), { replyToPlusAddress: true });
    assert.equal(ids.length, 0);
    const [m] = gotFor('headers');
    assert.equal(m!.inReplyTo, '<vraag-1@example.org>');
    assert.equal(m!.replyTo, `klachten+${reference}@voorbeeld.example`);
    assert.equal(m!.headers.get('auto-submitted'), 'auto-generated');
    assert.equal(m!.attachments[0]!.filename, 'besluit.pdf');
    assert.equal(m!.attachments[0]!.content.toString(), '%PDF-1.4 brief');
    assert.equal((await rowsOf([ok!]))[0]!.status, 'sent');
    const [foreign] = await rowsOf(other.ids);
    assert.deepEqual([foreign!.status, foreign!.last_error], ['failed', 'attachment not found on the case']);
    assert.equal(gotFor('foreign').length, 0);
  });

  test('the demo mailbox marks messages sent and keeps them readable in the outbox', async () => {
    const { caseId, ids } = await queue(2, 'demo');
    await drain(demoMailbox());
    const rows = await rowsOf(ids);
    assert.ok(rows.every((r) => r.status === 'sent' && r.body_text.includes('Beste Jan')));
    assert.equal(gotFor('demo').length, 0);
    assert.ok((await eventsOf(caseId, 'messageSent')).every((e) => e.data.via === 'demoMailbox'));
  });
});

test('backoff doubles from a minute up to an hour, with jitter', () => {
  assert.deepEqual(
    [1, 3, 20].map((n) => backoffMs(n, () => 0.5)),
    [60_000, 240_000, 3600_000],
  );
  assert.deepEqual(
    [backoffMs(1, () => 0), backoffMs(1, () => 1), backoffMs(7, () => 1)],
    [48_000, 72_000, 3600_000],
    'jitter ±20 %, never above the cap',
  );
});

test('the reply address carries the case reference after a plus', () => {
  assert.equal(plusAddress('Klachtenteam <klachten@org.example>', 'KL-2026-000123'), 'klachten+KL-2026-000123@org.example');
  assert.equal(plusAddress('klachten@org.example', 'KL-2026-000123'), 'klachten+KL-2026-000123@org.example');
  assert.equal(plusAddress('klachten+x@org.example', 'KL-2026-000123'), null);
  assert.equal(plusAddress('geen adres', 'KL-2026-000123'), null);
});
