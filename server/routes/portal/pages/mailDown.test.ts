import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sendDueMessages } from '../../../jobs/outboxSender.ts';
import { smtpTransport } from '../../../mail/transport.ts';
import { createTestApp } from '../../../test/harness.ts';

/**
 * Issue point: "A submission is stored before anything else can fail: with mail down it is still
 * stored, the confirmation page still shows, and the mail goes out later." The portal form is sent
 * while no SMTP server listens; then a real one starts on that port and the sender delivers.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
const received: { to: string; subject: string; text: string }[] = [];
let smtp: SMTPServer | undefined;
let port = 0;
const startSmtp = () =>
  new Promise<void>((resolve) => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _s, cb) {
        simpleParser(stream).then((m) => {
          received.push({ to: (m.to as { text: string }).text, subject: m.subject ?? '', text: m.text ?? '' });
          cb();
        }, cb);
      },
    });
    smtp.listen(port, '127.0.0.1', () => {
      port = (smtp!.server.address() as AddressInfo).port;
      resolve();
    });
  });

before(async () => {
  t = await createTestApp();
  // Take a free port, then close it: "mail down" is a refused connection on that port.
  await startSmtp();
  await new Promise<void>((r) => smtp!.close(() => r()));
});
after(async () => {
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await t.close();
});

test('with the mail server down a complaint is stored, confirmed on screen, and its mail goes out once the server is back', async () => {
  const body = new URLSearchParams({
    kind: 'complaint',
    subject: 'Niemand belt terug',
    description: 'Ik heb drie keer gebeld en niemand belt terug.',
    incidentDate: '',
    name: 'Evi Jangha',
    onBehalfOf: 'false',
    contactPreference: 'email',
    email: 'evi.maildown@example.org',
    privacyAccepted: 'on',
    website: '',
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/klacht',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
  assert.equal(res.statusCode, 303, res.body);
  const confirmation = await t.app.inject({ method: 'GET', url: res.headers.location as string });
  assert.equal(confirmation.statusCode, 200);
  const reference = confirmation.body.match(/[A-Z]+-\d{4}-\d{6}/)![0];

  const kase = await t.services.db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  const transport = smtpTransport({ host: '127.0.0.1', port, secure: false }, 'klachten@voorbeeld.example');
  const from = 'Klachten <klachten@voorbeeld.example>';
  await sendDueMessages(t.services, transport, from);
  const waiting = await t.services.db
    .selectFrom('outbox_message')
    .select(['status', 'attempts', 'last_error'])
    .where('case_id', '=', kase.id)
    .execute();
  assert.ok(waiting.length >= 1);
  assert.ok(
    waiting.every((m) => m.status === 'pending' && m.attempts === 1),
    'the mail waits; nothing is lost',
  );
  assert.match(waiting[0]!.last_error!, /ECONNREFUSED|ECONNECTION|ESOCKET/);

  await startSmtp();
  t.clock.advance(5 * 60_000);
  while ((await sendDueMessages(t.services, transport, from)) > 0);
  const sent = await t.services.db.selectFrom('outbox_message').select('status').where('case_id', '=', kase.id).execute();
  assert.ok(sent.every((m) => m.status === 'sent'));
  const mine = received.filter((m) => m.to.includes('evi.maildown@example.org'));
  assert.equal(mine.length, waiting.length, 'each once');
  assert.ok(
    mine.some((m) => m.subject.includes(reference) && m.text.includes('/volgen/')),
    'the confirmation with the tracking link',
  );
});
