import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoMailbox, smtpFailure, transportFromEnv } from './transport.ts';

const smtpError = (code: string, command: string, response: string) =>
  Object.assign(new Error(`failed: ${response}`), { code, command, response, responseCode: Number(response.slice(0, 3)) });

test('an unknown mailbox is permanent; the stored reason keeps the reply but not the address', () => {
  const f = smtpFailure(smtpError('EENVELOPE', 'RCPT TO', '550 5.1.1 <jan.de.vries@example.nl>: Recipient address rejected: User unknown'));
  assert.equal(f.permanent, true);
  assert.equal(f.reason, 'EENVELOPE 550 5.1.1 <<adres>>: Recipient address rejected: User unknown');
  assert.doesNotMatch(f.reason, /jan|example\.nl/);
});

test('a temporary refusal, a refused login, relaying denied and a dead server are retried', () => {
  assert.equal(smtpFailure(smtpError('EENVELOPE', 'RCPT TO', '451 4.3.0 Try again later')).permanent, false);
  assert.equal(smtpFailure(smtpError('EAUTH', 'AUTH PLAIN', '535 5.7.8 Authentication failed')).permanent, false);
  assert.equal(smtpFailure(smtpError('EENVELOPE', 'RCPT TO', '554 5.7.1 <x@example.org>: Relay access denied')).permanent, false);
  assert.equal(smtpFailure(smtpError('EENVELOPE', 'MAIL FROM', '553 5.1.8 Sender address rejected')).permanent, false);
  assert.equal(smtpFailure(smtpError('EENVELOPE', 'RCPT TO', '550 Rejected')).permanent, false, 'without an enhanced code we cannot tell');
  const refused = smtpFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }));
  assert.deepEqual(refused, { permanent: false, reason: 'ESOCKET connect ECONNREFUSED 127.0.0.1:2525' });
  assert.equal(smtpFailure(undefined).permanent, false);
});

test('the transport follows the configuration: SMTP when set, the demo mailbox only in DEMO, otherwise refused', async () => {
  const smtp = { host: '127.0.0.1', port: 2525, secure: false };
  assert.equal(transportFromEnv({ smtp, demo: false, mailFrom: 'k@example.org' }).kind, 'smtp');
  assert.equal(transportFromEnv({ smtp, demo: true, mailFrom: 'k@example.org' }).kind, 'smtp');
  assert.equal(transportFromEnv({ smtp: undefined, demo: true, mailFrom: 'k@example.org' }).kind, 'demoMailbox');
  assert.throws(() => transportFromEnv({ smtp: undefined, demo: false, mailFrom: 'k@example.org' }), /SMTP_HOST/);
  const sent = await demoMailbox().send({
    from: 'k@example.org',
    to: { address: 'a@example.org', name: null },
    subject: 's',
    text: 't',
    html: 'h',
    messageId: '<1@x>',
    attachments: [],
  });
  assert.deepEqual(sent, { messageId: '<1@x>' });
});
