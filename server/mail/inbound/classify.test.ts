import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bulkMailReason, caseReferencesIn, displaySubject, machineSentReason } from './classify.ts';
import { contentHash, normaliseMessageId, readHeaders, referencedMessageIds, structuralFault } from './rawMessage.ts';

const msg = (head: string, body = 'tekst') => Buffer.from(`${head.split('\n').join('\r\n')}\r\n\r\n${body}`, 'latin1');
const machine = (head: string, subject = 'Klacht', from = 'a@example.nl') =>
  machineSentReason({ headers: readHeaders(msg(head)), fromAddress: from, subject, ownAddresses: ['klachten@voorbeeld.example'] });

describe('displaySubject strips Dutch and English reply and forward prefixes', () => {
  const cases: [string, string][] = [
    ['Re: Uw klacht', 'Uw klacht'],
    ['RE: RE: Antw: [KL-2026-000123] Uw klacht', '[KL-2026-000123] Uw klacht'],
    ['Antw: RE: Re[2]: Uw klacht', 'Uw klacht'],
    ['AW: WG: Doorst: Fwd: FW: Betreft: Uw klacht', 'Uw klacht'],
    ['Re:Re(3):Re^2 :  Uw   klacht', 'Uw klacht'],
    ['[EXTERN] RE: Uw klacht', 'Uw klacht'],
    ['Reactie op uw klacht', 'Reactie op uw klacht'],
    ['Antwoordnummer 123', 'Antwoordnummer 123'],
    ['Fwd:', '(geen onderwerp)'],
    ['', '(geen onderwerp)'],
  ];
  for (const [input, expected] of cases) test(JSON.stringify(input), () => assert.equal(displaySubject(input), expected));
});

describe('caseReferencesIn', () => {
  test('finds references with or without brackets, in order, once each', () => {
    assert.deepEqual(caseReferencesIn('Re: [KL-2026-000123] en kl-2025-000007, ook KL-2026-000123', 'KL'), [
      'KL-2026-000123',
      'KL-2025-000007',
    ]);
  });
  test('ignores look-alikes and other prefixes', () => {
    assert.deepEqual(caseReferencesIn('XKL-2026-000123 KL-2026-123 KL-2026-0001234567x BKL-2026-000001', 'KL'), []);
    assert.deepEqual(caseReferencesIn('[KL-2026-000123]', 'BEZ'), []);
    assert.deepEqual(caseReferencesIn('BEZ-2026-000001', 'BEZ'), ['BEZ-2026-000001']);
  });
});

describe('machineSentReason', () => {
  test('a person’s mail passes', () => {
    assert.equal(machine('From: a@example.nl\nAuto-Submitted: no\nPrecedence: first-class'), null);
    assert.equal(
      machine('From: a@example.nl\nX-Auto-Response-Suppress: DR, RN, NRN'),
      null,
      'receipt suppression alone is not an auto-reply',
    );
    assert.equal(machine('From: a@example.nl', 'Afwezige medewerker aan de balie'), null);
  });
  test('list and bulk mail is not machine mail: it is kept, marked (bulkMailReason)', () => {
    assert.equal(machine('Precedence: bulk\nList-Id: <nieuws.gemeente.example>'), null);
    const bulk = (head: string) => bulkMailReason(readHeaders(msg(head)));
    assert.equal(bulk('Precedence: bulk'), 'bulk: Precedence: bulk');
    assert.equal(bulk('Precedence: list'), 'bulk: Precedence: list');
    assert.equal(bulk('List-Id: Bewoners <bewoners.lists.example>'), 'bulk: List-Id');
    assert.equal(bulk('List-Unsubscribe: <mailto:af@example.nl>'), 'bulk: List-Unsubscribe');
    assert.equal(bulk('From: a@example.nl\nPrecedence: first-class'), null);
  });
  test('each header and subject rule', () => {
    assert.match(machine('Auto-Submitted: auto-generated') ?? '', /^auto-reply: Auto-Submitted: auto-generated/);
    assert.match(machine('Precedence: auto_reply') ?? '', /^auto-reply: Precedence: auto_reply/);
    assert.match(machine('X-Auto-Response-Suppress: OOF, AutoReply') ?? '', /X-Auto-Response-Suppress/);
    assert.match(machine('X-Autoreply: yes') ?? '', /x-autoreply/);
    assert.match(machine('X-Autorespond: Afwezig') ?? '', /x-autorespond/);
    assert.match(machine('X-Loop: Klachten@Voorbeeld.example') ?? '', /^loop/);
    assert.equal(machine('X-Loop: iemand@anders.example'), null, 'someone else’s loop marker');
    assert.match(machine('Content-Type: multipart/report; report-type="delivery-status"; boundary=x') ?? '', /^bounce: delivery status/);
    assert.match(machine('Content-Type: multipart/report; report-type=disposition-notification; boundary=x') ?? '', /^receipt/);
    assert.match(machine('Content-Type: multipart/report; report-type=feedback-report; boundary=x') ?? '', /^report: abuse report \(ARF\)/);
    assert.match(machine('Return-Path: <>') ?? '', /^bounce: empty return path/);
    assert.match(machine('X-A: b', 'Klacht', 'MAILER-DAEMON@mx.example') ?? '', /^bounce: sender mailer-daemon/);
    assert.match(machine('X-A: b', 'Klacht', 'postmaster@example.nl') ?? '', /^bounce: sender postmaster/);
    assert.match(machine('X-A: b', 'Klacht', 'post_master@isp.example') ?? '', /^bounce: sender post_master/);
    assert.match(machine('X-A: b', 'Klacht', 'mailer_daemon@isp.example') ?? '', /^bounce: sender mailer_daemon/);
    assert.match(machine('X-A: b', 'Complaint', 'complaints@email-abuse.amazonses.com') ?? '', /^report: Amazon SES/);
    assert.match(machine('X-A: b', 'AWS Notification Message', 'no-reply@sns.amazonaws.com') ?? '', /^report: Amazon SES/);
    assert.match(machine('X-A: b', 'Klacht', 'klachten@voorbeeld.example') ?? '', /^loop: sent from our own address/);
    for (const subject of [
      'Afwezigheidsbericht: Uw klacht',
      'Automatisch antwoord: RE: x',
      'Out of Office: x',
      'Automatic reply: x',
      'Onbestelbaar: x',
      'Undeliverable: x',
      'Afwezig: x',
    ]) {
      assert.match(machine('X-A: b', subject) ?? '', /^(auto-reply|bounce): subject/, subject);
    }
  });
  test('Outlook and Exchange auto-replies in Dutch, English, German, French, Polish, Turkish, Arabic and more', () => {
    for (const subject of [
      'Automatisch antwoord: [KL-2026-000001] Uw klacht',
      'Afwezig: Uw klacht',
      'Automatic reply: Your complaint',
      'Out of Office: Your complaint',
      'Out of office reply',
      'Automatische Antwort: Ihre Beschwerde',
      'Abwesenheitsnotiz: Ihre Beschwerde',
      'Abwesenheit: Ihre Beschwerde',
      'Réponse automatique : Votre plainte',
      'Reponse automatique: Votre plainte',
      'Absence du bureau : Votre plainte',
      'Odpowiedź automatyczna: Pana skarga',
      'Automatyczna odpowiedź: skarga',
      'Otomatik yanıt: Şikayetiniz',
      'OTOMATİK YANIT: Şikayetiniz',
      'Otomatik Cevap: Şikayetiniz',
      'رد تلقائي: شكواك',
      '\u200fرد تلقائي: [KL-2026-000001] شكواك',
      'Respuesta automática: Su queja',
      'Risposta automatica: reclamo',
      '[EXTERN] Automatisch antwoord: Uw klacht',
    ]) {
      assert.match(machine('X-A: b', subject) ?? '', /^auto-reply: subject/, subject);
    }
  });
  test('delivery reports by subject, in the languages Exchange and other servers write them', () => {
    for (const subject of [
      'Delivery Status Notification (Failure)',
      'Delivery Status: message could not be delivered',
      'Undeliverable: Uw klacht',
      'Unzustellbar: Ihre Beschwerde',
      'Nicht zustellbar: Ihre Beschwerde',
      'Non remis : Votre plainte',
      'Niedostarczalne: skarga',
      'Teslim edilemedi: Şikayetiniz',
      'غير قابل للتسليم: شكواك',
      'Mail delivery failed: returning message to sender',
      'failure notice',
      'Returned mail: see transcript for details',
      'DELIVERY FAILURE: User j.devries not listed',
      'Onbestelbaar: Uw klacht',
    ]) {
      assert.match(machine('X-A: b', subject) ?? '', /^bounce: subject/, subject);
    }
  });
  test('a person’s words that merely resemble them pass', () => {
    for (const subject of [
      'Afwezige medewerker aan de balie',
      'Abwesenheit meines Sachbearbeiters',
      'Automatische incasso twee keer afgeschreven',
      'Bezorging mislukt: pakket niet ontvangen',
      'Klacht over de delivery van mijn pakket',
      'Réponse attendue depuis des semaines',
    ]) {
      assert.equal(machine('X-A: b', subject), null, subject);
    }
  });
});

describe('raw message reading', () => {
  test('Message-IDs are compared without angle brackets; References are read most recent first', () => {
    assert.equal(normaliseMessageId(' <abc@host> '), 'abc@host');
    assert.equal(normaliseMessageId('abc@host'), 'abc@host');
    assert.equal(normaliseMessageId(''), null);
    const h = readHeaders(msg('In-Reply-To: <c@x>\nReferences: <a@x>\n <b@x> <c@x>'));
    assert.deepEqual(referencedMessageIds(h), ['c@x', 'b@x', 'a@x']);
  });
  test('the content hash ignores trace headers and line-end style, and nothing else', () => {
    const base = msg('From: a@example.nl\nSubject: x\nMessage-ID: <1@x>');
    const relayed = Buffer.concat([
      Buffer.from('Received: from relay\r\n\tby mx; Mon, 2 Mar 2026\r\nReturn-Path: <a@example.nl>\r\n'),
      base,
    ]);
    const lf = Buffer.from(base.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    assert.equal(contentHash(relayed), contentHash(base));
    assert.equal(contentHash(lf), contentHash(base));
    assert.notEqual(contentHash(msg('From: a@example.nl\nSubject: y\nMessage-ID: <1@x>')), contentHash(base));
    assert.notEqual(contentHash(msg('From: a@example.nl\nSubject: x\nMessage-ID: <1@x>', 'ander')), contentHash(base));
  });
  test('structural faults: only what loses content', () => {
    assert.equal(structuralFault(msg('From: a@b\nSubject: x')), null);
    assert.equal(
      structuralFault(msg('From: a@b\nContent-Type: multipart/mixed; boundary="q"', '--q\r\nContent-Type: text/plain\r\n\r\nhoi\r\n')),
      null,
      'unclosed is tolerated',
    );
    assert.match(structuralFault(msg('From: a@b\nContent-Type: multipart/mixed', 'x')) ?? '', /without boundary/);
    assert.match(structuralFault(msg('From: a@b\nContent-Type: multipart/mixed; boundary=q', '--r\r\nhoi')) ?? '', /does not occur/);
    assert.match(structuralFault(msg('From: a@b\ngeen kopregel\nSubject: x')) ?? '', /header line 2 is not a header field/);
    assert.match(structuralFault(msg(' From: a@b')) ?? '', /continuation/);
    assert.match(structuralFault(Buffer.from('From: a@b\r\nX: \0\r\n\r\n', 'latin1')) ?? '', /NUL/);
    assert.equal(structuralFault(Buffer.alloc(0)), 'empty message');
  });
});
