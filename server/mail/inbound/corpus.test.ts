import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { linkActivityToCase } from '../../commands/activityLinker.ts';
import { SYSTEM_ACTOR } from '../../commands/context.ts';
import { asActor, createTestApp, loginHeaders } from '../../test/harness.ts';
import { processInboundMessage, type InboundOptions } from './processor.ts';
import { startSmtpListener, type SmtpListener } from './smtpListener.ts';
import { readRawMessage } from './store.ts';
import { corpusFiles, loopCopy, readCorpus, sendRaw, threadingFixture, type Fixture } from './testSupport.ts';

/**
 * Every corpus mail goes through the real SMTP listener and the processor, one outcome per file.
 * Files are numbered; the order matters only where a later file refers to an earlier one (10 → 01).
 */
let env: Awaited<ReturnType<typeof createTestApp>>;
let fx: Fixture;
let smtp: SmtpListener;
const hookCalls: { caseId: string; activityId: string }[] = [];
const options: InboundOptions = { onCaseReplyReceived: async (_ctx, reply) => void hookCalls.push(reply) };

before(async () => {
  env = await createTestApp({ poolSize: 4 });
  fx = await threadingFixture(env.services);
  smtp = await startSmtpListener(env.services, { host: '127.0.0.1', port: 0, domains: ['voorbeeld.example'], maxBytes: 5 * 1024 * 1024 });
});
after(async () => {
  await smtp.close();
  await env.close();
});

const db = () => env.services.db;
const outboxCount = async () => (await db().selectFrom('outbox_message').select('id').execute()).length;
async function run(raw: Buffer, envelopeFrom = 'afzender@example.nl') {
  env.clock.advance(1000);
  const id = await sendRaw(smtp.port, raw, { from: envelopeFrom, to: ['klachten@voorbeeld.example'] });
  const outcome = await processInboundMessage(env.services, id, options);
  assert.ok(outcome, 'processed once');
  const row = await db().selectFrom('inbound_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const activity = outcome.activityId
    ? await db().selectFrom('activity').selectAll().where('id', '=', outcome.activityId).executeTakeFirstOrThrow()
    : null;
  const documents = outcome.activityId
    ? await db().selectFrom('document').selectAll().where('activity_id', '=', outcome.activityId).orderBy('filename').execute()
    : [];
  return { id, outcome, row, activity, documents };
}
const file = (name: string) => run(readCorpus(name));
const caseEventCount = async () => (await db().selectFrom('timeline_event').select('id').where('case_id', '=', fx.caseId).execute()).length;

/** Machine mail and strangers' mail must leave the case exactly as it was. */
async function leavesCaseAlone(fn: () => Promise<unknown>) {
  const events = await caseEventCount();
  const hooks = hookCalls.length;
  const before = await db().selectFrom('cases').select(['status', 'updated_at']).where('id', '=', fx.caseId).executeTakeFirstOrThrow();
  await fn();
  assert.equal(await caseEventCount(), events, 'no case event');
  assert.equal(hookCalls.length, hooks, 'the hook is not called');
  assert.deepEqual(
    await db().selectFrom('cases').select(['status', 'updated_at']).where('id', '=', fx.caseId).executeTakeFirstOrThrow(),
    before,
  );
}

describe('incoming mail corpus, through SMTP', () => {
  test('the corpus is complete', () => {
    assert.equal(fx.reference, 'KL-2026-000001', 'the corpus replies name this reference');
    assert.equal(corpusFiles().length, 34);
  });

  let first: Awaited<ReturnType<typeof file>>;
  test('01 new complaint with a PDF: an open e-mail activity in the queue, the PDF a document of it, the raw mail kept', async () => {
    first = await file('01-nieuwe-klacht-met-pdf.eml');
    assert.equal(first.outcome.status, 'activity');
    assert.equal(first.row.message_id, 'CAF1234.nieuw@mail.example.nl');
    const a = first.activity!;
    assert.deepEqual([a.channel, a.status, a.case_id, a.assignee_user_id, a.assignee_team_id], ['email', 'open', null, null, null]);
    assert.equal(a.subject, 'Klacht over behandeling van mijn aanvraag');
    assert.match(a.body, /vier weken/);
    assert.deepEqual(a.contact, { name: 'Jan de Vries', email: 'j.devries@example.nl' });
    assert.equal(first.documents.length, 1);
    const [doc] = first.documents;
    assert.deepEqual(
      [doc!.filename, doc!.media_type, doc!.case_id, doc!.doc_type],
      ['aanvraag.pdf', 'application/pdf', null, 'attachment'],
    );
    const pdf = await readRawMessage(env.services, doc!.storage_key);
    assert.ok(pdf.subarray(0, 5).equals(Buffer.from('%PDF-')));
    const raw = await readRawMessage(env.services, first.row.raw_storage_key);
    assert.match(
      raw.toString('utf8'),
      /^Return-Path: <afzender@example\.nl>\r\nDelivered-To: klachten@voorbeeld\.example\r\nReceived: from /,
    );
    assert.ok(raw.includes(Buffer.from('Op 3 februari heb ik een aanvraag ingediend.')));
  });

  for (const [name, via] of [
    ['02-antwoord-referentie-in-onderwerp.eml', 'subject'],
    ['03-antwoord-via-in-reply-to.eml', 'messageId'],
  ] as const) {
    test(`${name.slice(0, 2)} reply from the complainant (${via}): an open activity on the case, a timeline event, the hook`, async () => {
      const r = await file(name);
      assert.equal(r.outcome.status, 'linked');
      assert.equal(r.outcome.reason, `reply via ${via} to KL-2026-000001`);
      assert.equal(r.row.case_id, fx.caseId);
      const c = await db()
        .selectFrom('cases')
        .select(['assignee_user_id', 'assignee_team_id'])
        .where('id', '=', fx.caseId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [r.activity!.case_id, r.activity!.status, r.activity!.channel, r.activity!.assignee_user_id],
        [fx.caseId, 'open', 'email', c.assignee_user_id],
      );
      const event = await db()
        .selectFrom('timeline_event')
        .selectAll()
        .where('case_id', '=', fx.caseId)
        .where('type', '=', 'messageReceived')
        .where('activity_id', '=', r.activity!.id)
        .executeTakeFirst();
      assert.ok(event, 'messageReceived on the case');
      assert.deepEqual(hookCalls.at(-1), { caseId: fx.caseId, activityId: r.activity!.id });
    });
  }

  test('04 unknown sender quoting the reference: not linked, in the queue with the reason', async () => {
    await leavesCaseAlone(async () => {
      const r = await file('04-onbekende-afzender-met-referentie.eml');
      assert.equal(r.outcome.status, 'activity');
      assert.equal(r.outcome.reason, 'sender not known on KL-2026-000001');
      assert.deepEqual([r.activity!.case_id, r.activity!.status], [null, 'open']);
      assert.match(r.activity!.body, /^Let op: .*KL-2026-000001.*p\.jansen@example\.com is niet bekend bij die melding/);
      assert.match(r.activity!.body, /buurman/);
    });
  });

  test('05 "Antw: RE: Re[2]:" prefixes are stripped, the reply is linked', async () => {
    const r = await file('05-voorvoegsels-antw-re.eml');
    assert.equal(r.outcome.status, 'linked');
    assert.equal(r.activity!.subject, '[KL-2026-000001] Ontvangstbevestiging van uw klacht');
    assert.equal(r.row.subject, 'Antw: RE: Re[2]: [KL-2026-000001] Ontvangstbevestiging van uw klacht', 'the row keeps the original');
  });

  const ignored: [string, RegExp][] = [
    ['06-afwezig-auto-submitted.eml', /^auto-reply: Auto-Submitted: auto-replied$/],
    ['07-exchange-automatisch-antwoord.eml', /^auto-reply: X-Auto-Response-Suppress: All$/],
    ['08-dsn-bounce.eml', /^bounce: delivery status report$/],
    ['20-x-loop-eigen-adres.eml', /^loop: X-Loop names our address$/],
  ];
  for (const [name, reason] of ignored) {
    test(`${name.slice(0, 2)} machine mail is ignored, even when it names the case or our Message-ID`, async () => {
      await leavesCaseAlone(async () => {
        const r = await run(readCorpus(name), name.startsWith('08') ? '' : 'afzender@example.nl');
        assert.equal(r.outcome.status, 'ignored');
        assert.match(r.outcome.reason ?? '', reason);
        assert.equal(r.outcome.activityId, null);
      });
    });
  }

  const reports: [string, string, RegExp][] = [
    ['26-qmail-failure-notice-mbox-regel.eml', '', /^bounce: /],
    ['27-post-master-delivery-status.eml', 'bounces@isp.example', /^bounce: sender post_master$/],
    ['28-arf-misbruikmelding.eml', 'fbl@mailprovider.example', /^report: abuse report \(ARF\)$/],
    ['29-amazon-ses-klachtmelding.eml', '0100018e-bounces@amazonses.example', /^report: Amazon SES/],
  ];
  for (const [name, envelope, reason] of reports) {
    test(`${name.slice(0, 2)} a delivery or abuse report is recognised before the structure check: ignored, never quarantined or an activity`, async () => {
      await leavesCaseAlone(async () => {
        const outbox = await outboxCount();
        const r = await run(readCorpus(name), envelope);
        assert.equal(r.outcome.status, 'ignored', r.outcome.reason ?? '');
        assert.match(r.outcome.reason ?? '', reason);
        assert.equal(r.outcome.activityId, null);
        assert.equal(await outboxCount(), outbox, 'never answered');
      });
    });
  }

  for (const name of ['30-rd-tlqayi-arabisch.eml', '31-reponse-automatique-frans.eml']) {
    test(`${name.slice(0, 2)} a localised Outlook auto-reply from the representative, naming the case: ignored, never answered`, async () => {
      await leavesCaseAlone(async () => {
        const outbox = await outboxCount();
        const r = await file(name);
        assert.equal(r.outcome.status, 'ignored', r.outcome.reason ?? '');
        assert.match(r.outcome.reason ?? '', /^auto-reply: subject "(رد تلقائي|Réponse automatique) ?:/);
        assert.equal(await outboxCount(), outbox);
      });
    });
  }

  test('09, 34 bulk and list mail: kept as an activity marked as such (also in the API), never linked or answered', async () => {
    const headers = await loginHeaders(env.services, fx.agent);
    for (const [name, reason] of [
      ['09-nieuwsbrief-precedence-bulk.eml', 'bulk: Precedence: bulk'],
      ['34-mailinglijst-list-id.eml', 'bulk: List-Id'],
    ] as const) {
      await leavesCaseAlone(async () => {
        const outbox = await outboxCount();
        const r = await file(name);
        assert.deepEqual([r.outcome.status, r.outcome.reason], ['activity', reason]);
        assert.deepEqual([r.activity!.bulk_mail, r.activity!.case_id, r.activity!.status], [true, null, 'open']);
        assert.equal(await outboxCount(), outbox, 'no acknowledgement');
        const res = await env.app.inject({ method: 'GET', url: `/api/v1/activities/${r.activity!.id}`, headers });
        assert.equal(res.statusCode, 200);
        assert.equal(res.json().bulkMail, true);
      });
    }
    const queue = await env.app.inject({ method: 'GET', url: '/api/v1/activities?queue=all&channel=email&limit=100', headers });
    const items = queue.json().items as { subject: string; bulkMail: boolean }[];
    assert.equal(items.find((a) => a.subject === 'Klacht over behandeling van mijn aanvraag')?.bulkMail, false);
    assert.equal(items.find((a) => a.subject.startsWith('[Bewoners Oost]'))?.bulkMail, true);
  });

  test('10 the same mail again by another relay, and 01 sent a second time: duplicates, ignored', async () => {
    const activities = (await db().selectFrom('activity').select('id').execute()).length;
    for (const raw of [readCorpus('10-duplicaat-van-01.eml'), readCorpus('01-nieuwe-klacht-met-pdf.eml')]) {
      const r = await run(raw);
      assert.equal(r.outcome.status, 'duplicate');
      assert.equal(r.row.duplicate_of, first.id);
    }
    assert.equal((await db().selectFrom('activity').select('id').execute()).length, activities);
  });

  test('11 a reused Message-ID with other content is not a duplicate', async () => {
    const r = await file('11-hergebruikt-message-id.eml');
    assert.equal(r.outcome.status, 'activity');
    assert.equal(r.row.message_id, 'CAF1234.nieuw@mail.example.nl');
  });

  test('12, 13 malformed mail is quarantined with its reason; the next mail still goes through', async () => {
    const broken = await file('12-kapotte-mime-grens.eml');
    assert.equal(broken.outcome.status, 'quarantined');
    assert.match(broken.outcome.reason ?? '', /^malformed: MIME boundary "grens-die-nergens-staat" does not occur/);
    const garbage = await file('13-binaire-kopregel.eml');
    assert.equal(garbage.outcome.status, 'quarantined');
    assert.match(garbage.outcome.reason ?? '', /^malformed: NUL byte in header line \d+/);
    assert.equal((await file('19-zonder-message-id.eml')).outcome.status, 'activity');
  });

  test('14 a mail loop: the first 20 in ten minutes become activities, the rest is ignored', async () => {
    const statuses: string[] = [];
    for (let n = 1; n <= 25; n++) statuses.push((await run(loopCopy(n))).outcome.status);
    assert.deepEqual(statuses, [...Array(20).fill('activity'), ...Array(5).fill('ignored')]);
    const last = await db()
      .selectFrom('inbound_message')
      .select('reason')
      .where('message_id', '=', 'lus-25@helpdesk.example')
      .executeTakeFirstOrThrow();
    assert.equal(last.reason, 'loop limit');
    env.clock.advance(10 * 60_000);
    assert.equal((await run(loopCopy(26))).outcome.status, 'activity', 'a new window');
  });

  test('15 a disallowed attachment is listed in the body; the allowed one is stored', async () => {
    const r = await file('15-bijlage-niet-toegestaan.eml');
    assert.deepEqual(
      r.documents.map((d) => [d.filename, d.media_type]),
      [['schade.png', 'image/png']],
    );
    assert.match(
      r.activity!.body,
      /Bijlagen niet opgenomen:\n- factuur\.exe \(application\/x-msdownload, 1 kB\): dit bestandstype is niet toegestaan/,
    );
  });

  test('16, 17 quoted-printable Latin-1 and base64 UTF-8 Dutch text arrive intact', async () => {
    const qp = await file('16-quoted-printable-latin1.eml');
    assert.equal(qp.activity!.subject, 'Klacht over coördinatie en één gesprek');
    assert.match(qp.activity!.body, /De coördinatie .* Ik heb één keer een reactie gekregen/s);
    assert.match(qp.activity!.body, /café-incident op de financiële afdeling/);
    assert.equal((qp.activity!.contact as { name?: string }).name, 'Anneke Dijkstra');
    const b64 = await file('17-base64-utf8.eml');
    assert.equal(b64.activity!.subject, 'Klacht: geëiste documenten kwijt');
    assert.match(b64.activity!.body, /ruïne van mijn dossier: de geëiste documenten .* Privé-gegevens/s);
    assert.equal((b64.activity!.contact as { name?: string }).name, 'Zoë Mulder');
  });

  test('18 an HTML-only mail becomes readable text, without markup or script', async () => {
    const r = await file('18-alleen-html.eml');
    assert.match(r.activity!.body, /Mijn bezwaar is drie keer kwijtgeraakt/i);
    assert.doesNotMatch(r.activity!.body, /<p>|<b>|color: #333|alert\(/);
  });

  test('25 a mail of headers only, with or without the empty line: accepted as an activity without text', async () => {
    const bare = await file('25-alleen-kopregels.eml');
    assert.equal(bare.outcome.status, 'activity', bare.outcome.reason ?? '');
    assert.equal(bare.activity!.subject, 'Klacht: niemand belt mij terug over mijn aanvraag');
    assert.equal(bare.activity!.body, '(Dit bericht heeft geen tekst.)');
    assert.equal(bare.activity!.bulk_mail, false);
    const withEmptyLine = await run(
      Buffer.from(`${readCorpus('25-alleen-kopregels.eml').toString('utf8').replace('zonder-tekst.1', 'zonder-tekst.2')}\n`),
    );
    assert.equal(withEmptyLine.outcome.status, 'activity', withEmptyLine.outcome.reason ?? '');
  });

  test('32 multipart/alternative with only an HTML part: its text, readable, without markup', async () => {
    const r = await file('32-alternative-alleen-html.eml');
    assert.match(r.activity!.body, /^Geachte heer, mevrouw,\n\nOp 3 maart heb ik twee uur gewacht/);
    assert.match(r.activity!.body, /Met vriendelijke groet,\nSanne de Boer/);
    assert.doesNotMatch(r.activity!.body, /[<>]|onzin|font-family|&nbsp;|Dit bericht heeft geen tekst/);
  });

  test('33 undeclared 8-bit windows-1252 headers: name and subject as written', async () => {
    const r = await file('33-8bit-kopregels-windows-1252.eml');
    assert.equal(r.activity!.subject, 'Klacht over één factuur – “dubbel” betaald € 45');
    assert.deepEqual(r.activity!.contact, { name: 'Zoë Müller', email: 'z.muller@example.nl' });
    assert.equal(r.row.subject, 'Klacht over één factuur – “dubbel” betaald € 45');
    assert.match(r.activity!.body, /\(€ 45\)/);
  });

  test('21 the origin only in References, from the representative in other letter case: linked', async () => {
    const r = await file('21-oorsprong-alleen-in-references.eml');
    assert.equal(r.outcome.status, 'linked');
    assert.equal(r.outcome.reason, 'reply via messageId to KL-2026-000001');
    assert.equal(r.row.from_address, 'm.bakker@example.nl');
  });

  test('22 a reference that matches no case: a new activity with a note', async () => {
    const r = await file('22-onbekende-referentie.eml');
    assert.equal(r.outcome.status, 'activity');
    assert.match(r.activity!.body, /^Let op: het onderwerp noemt KL-2026-999999, maar die melding bestaat niet\./);
  });

  test('23 a plus address with the reference, no References, a generic subject: linked', async () => {
    const r = await file('23-plusadres-zonder-referenties.eml');
    assert.equal(r.outcome.status, 'linked');
    assert.equal(r.outcome.reason, 'reply via address to KL-2026-000001');
  });

  test('24 a follow-up to one’s own first mail, after staff linked that mail to the case: linked', async () => {
    await asActor(env.services, SYSTEM_ACTOR, (ctx) => linkActivityToCase(ctx, first.activity!.id, fx.caseId));
    const r = await file('24-vervolg-op-eigen-eerdere-mail.eml');
    assert.equal(r.outcome.status, 'linked');
    assert.equal(r.outcome.reason, 'reply via earlierMail to KL-2026-000001');
  });

  test('nothing is left unprocessed, and each message was handled once', async () => {
    const pending = await db().selectFrom('inbound_message').select('id').where('status', '=', 'stored').execute();
    assert.equal(pending.length, 0);
    const linked = await db().selectFrom('inbound_message').select('activity_id').where('status', '=', 'linked').execute();
    assert.equal(linked.length, 6);
    const onCase = await db().selectFrom('activity').select('id').where('case_id', '=', fx.caseId).where('channel', '=', 'email').execute();
    assert.equal(onCase.length, 7, 'six replies and the first mail, linked by staff');
  });
});
