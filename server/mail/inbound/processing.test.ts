import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { transitionCase } from '../../commands/caseTransitioner.ts';
import { resumeIfWaiting } from '../../commands/portalAnswer.ts';
import { asActor, createTestServices, type TestEnv } from '../../test/harness.ts';
import { claimStoredMessages, MAX_ATTEMPTS, sweepInboundMail } from './inboundMailJob.ts';
import { processInboundMessage } from './processor.ts';
import { storeRawMessage } from './store.ts';
import { readCorpus, threadingFixture, type Fixture } from './testSupport.ts';

let env: TestEnv;
let fx: Fixture;
before(async () => {
  env = await createTestServices({ poolSize: 6 });
  fx = await threadingFixture(env.services);
});
after(() => env.close());

const db = () => env.services.db;
const row = (id: string) => db().selectFrom('inbound_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const caseStatus = async () =>
  (await db().selectFrom('cases').select('status').where('id', '=', fx.caseId).executeTakeFirstOrThrow()).status;
/** A corpus reply made unique, so each test stores a new message. */
const reply = (n: string) =>
  Buffer.from(
    readCorpus('02-antwoord-referentie-in-onderwerp.eml')
      .toString('utf8')
      .replace('CAF5678.antwoord', `CAF5678.${n}`)
      .replace('klantnummer is 123456', `klantnummer is ${n}`),
  );

describe('storing', () => {
  test('any bytes at all are stored; parsing decides later (here: quarantine)', async () => {
    const id = await storeRawMessage(env.services, randomBytes(2048), 'smtp');
    assert.equal((await row(id)).status, 'stored');
    const outcome = await processInboundMessage(env.services, id);
    assert.equal(outcome?.status, 'quarantined');
    assert.equal(await processInboundMessage(env.services, id), null, 'decided once');
  });

  test('the same IMAP item stored twice is one row (crash between store and \\Seen)', async () => {
    const raw = reply('imap-twice');
    const a = await storeRawMessage(env.services, raw, 'imap', { sourceRef: 'imap://u@h/INBOX;UIDVALIDITY=1/;UID=7' });
    const b = await storeRawMessage(env.services, raw, 'imap', { sourceRef: 'imap://u@h/INBOX;UIDVALIDITY=1/;UID=7' });
    assert.equal(a, b);
    assert.equal((await db().selectFrom('inbound_message').select('id').where('source_ref', 'like', '%UID=7').execute()).length, 1);
  });

  test('the same mail arriving twice concurrently: one original, one duplicate', async () => {
    const raw = reply('concurrent');
    const ids = await Promise.all([storeRawMessage(env.services, raw, 'smtp'), storeRawMessage(env.services, raw, 'imap')]);
    const rows = await Promise.all(ids.map(row));
    assert.deepEqual(rows.map((r) => r.duplicate_of === null).sort(), [false, true]);
  });
});

describe('a reply with attachments', () => {
  test('its documents belong to the activity and the case; a refused one is listed on the activity', async () => {
    const raw = Buffer.from(
      readCorpus('15-bijlage-niet-toegestaan.eml')
        .toString('utf8')
        .replace('Subject: Foto van', 'Subject: RE: [KL-2026-000001] Foto van')
        .replace('CAF7777.bijlagen', 'CAF7777.reply'),
    );
    const outcome = await processInboundMessage(env.services, await storeRawMessage(env.services, raw, 'smtp'));
    assert.equal(outcome?.status, 'linked');
    const docs = await db().selectFrom('document').selectAll().where('activity_id', '=', outcome!.activityId).execute();
    assert.deepEqual(
      docs.map((d) => [d.filename, d.case_id]),
      [['schade.png', fx.caseId]],
    );
    const activity = await db().selectFrom('activity').select('body').where('id', '=', outcome!.activityId).executeTakeFirstOrThrow();
    assert.match(activity.body, /factuur\.exe/);
  });

  test('an attachment over the organisation’s size limit is refused and listed', async () => {
    const services = { ...env.services, org: { ...env.services.org, documents: { ...env.services.org.documents, maxBytes: 40 } } };
    const raw = Buffer.from(readCorpus('01-nieuwe-klacht-met-pdf.eml').toString('utf8').replace('CAF1234.nieuw', 'CAF1234.groot'));
    const outcome = await processInboundMessage(services, await storeRawMessage(services, raw, 'smtp'));
    const activity = await db().selectFrom('activity').select('body').where('id', '=', outcome!.activityId).executeTakeFirstOrThrow();
    assert.match(activity.body, /- aanvraag\.pdf \(application\/pdf, 1 kB\): groter dan 1 kB/);
    assert.equal((await db().selectFrom('document').select('id').where('activity_id', '=', outcome!.activityId).execute()).length, 0);
  });
});

describe('the inbound mail job', () => {
  test('sweeps stored mail oldest first; instances running side by side handle each message once', async () => {
    await sweepInboundMail(env.services);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      env.clock.advance(1000);
      ids.push(await storeRawMessage(env.services, reply(`sweep-${i}`), 'smtp'));
    }
    const handled = await Promise.all([sweepInboundMail(env.services), sweepInboundMail(env.services)]);
    assert.equal(handled[0]! + handled[1]!, 6);
    const rows = await Promise.all(ids.map(row));
    assert.ok(rows.every((r) => r.status === 'linked'));
    const activities = await db()
      .selectFrom('activity')
      .select('id')
      .where(
        'id',
        'in',
        rows.map((r) => r.activity_id!),
      )
      .execute();
    assert.equal(new Set(activities.map((a) => a.id)).size, 6);
    assert.equal(await sweepInboundMail(env.services), 0);
  });

  test('a message that makes processing fail is retried after its lease, then quarantined; it never blocks the rest', async () => {
    const poison = await storeRawMessage(env.services, reply('poison'), 'smtp');
    await env.services.storage.remove((await row(poison)).raw_storage_key);
    env.clock.advance(1000);
    const good = await storeRawMessage(env.services, reply('after-poison'), 'smtp');
    await sweepInboundMail(env.services);
    assert.equal((await row(good)).status, 'linked', 'the next message went through');
    assert.equal((await row(poison)).status, 'stored');
    assert.ok((await row(poison)).last_error);
    assert.deepEqual(await claimStoredMessages(env.services), [], 'leased: not claimed again at once');
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      env.clock.advance(3 * 60_000);
      await sweepInboundMail(env.services);
    }
    const final = await row(poison);
    assert.equal(final.status, 'quarantined');
    assert.match(final.reason ?? '', new RegExp(`^processing failed ${MAX_ATTEMPTS} times`));
  });

  test('old sender counters are forgotten', async () => {
    await db()
      .insertInto('mail_sender_counter')
      .values({ address: 'oud@example.nl', window_start: new Date(env.clock.now().getTime() - 2 * 86_400_000), count: 3 })
      .execute();
    await sweepInboundMail(env.services);
    assert.equal(
      (await db().selectFrom('mail_sender_counter').select('address').where('address', '=', 'oud@example.nl').execute()).length,
      0,
    );
  });
});

describe('onCaseReplyReceived', () => {
  test('resumes a case waiting for information, in the same transaction as the reply', async () => {
    await asActor(env.services, fx.agent, (ctx) =>
      transitionCase(ctx, { caseId: fx.caseId, transition: 'requestInformation', inputs: { informationRequested: 'Uw klantnummer' } }),
    );
    assert.equal(await caseStatus(), 'awaitingInformation');
    const id = await storeRawMessage(env.services, reply('resume'), 'smtp');
    const outcome = await processInboundMessage(env.services, id, {
      onCaseReplyReceived: async (ctx, { caseId }) => {
        const c = await ctx.tx
          .selectFrom('cases')
          .select(['id', 'status', 'process_key'])
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow();
        await resumeIfWaiting(ctx, c);
      },
    });
    assert.equal(outcome?.status, 'linked');
    assert.notEqual(await caseStatus(), 'awaitingInformation');
  });

  test('when the hook fails, the reply still lands on the case and the failure is on the timeline', async () => {
    const before = await caseStatus();
    const id = await storeRawMessage(env.services, reply('hook-fails'), 'smtp');
    const outcome = await processInboundMessage(env.services, id, {
      onCaseReplyReceived: async (ctx, { caseId }) => {
        await ctx.tx.updateTable('cases').set({ status: 'halfway' }).where('id', '=', caseId).execute();
        throw new Error('transition refused');
      },
    });
    assert.equal(outcome?.status, 'linked');
    assert.equal(await caseStatus(), before, 'the hook’s half-done work is rolled back');
    const ev = await db()
      .selectFrom('timeline_event')
      .select(['type', 'data'])
      .where('activity_id', '=', outcome!.activityId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      ev.map((e) => e.type),
      ['messageReceived', 'caseReplyFollowUpFailed'],
    );
  });
});

describe('hostile content', () => {
  test('NUL characters in the decoded subject, sender name and body are dropped, not fatal', async () => {
    const raw = Buffer.from(
      'From: =?UTF-8?B?' +
        Buffer.from('Jan\0 X').toString('base64') +
        '?= <nul@example.nl>\r\nSubject: =?UTF-8?B?' +
        Buffer.from('Klacht\0test').toString('base64') +
        '?=\r\nMessage-ID: <nul@example.nl>\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
        Buffer.from('hallo\0wereld').toString('base64') +
        '\r\n',
    );
    const outcome = await processInboundMessage(env.services, await storeRawMessage(env.services, raw, 'smtp'));
    assert.equal(outcome?.status, 'activity');
    const a = await db()
      .selectFrom('activity')
      .select(['subject', 'body', 'contact'])
      .where('id', '=', outcome!.activityId)
      .executeTakeFirstOrThrow();
    assert.equal(a.subject, 'Klachttest');
    assert.equal(a.body, 'hallowereld');
  });
});
