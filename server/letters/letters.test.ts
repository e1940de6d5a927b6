import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../domain/errors.ts';
import { asActor, createTestServices, type TestEnv } from '../test/harness.ts';
import { approveLetter } from './approveLetter.ts';
import { draftLetter } from './draftLetter.ts';
import { editLetter } from './editLetter.ts';
import type { LetterReadability } from './readability.ts';
import { sendLetter } from './sendLetter.ts';
import { submitForReview } from './submitForReview.ts';
import { caseAtDecisionLetter, kccPeople, type KccPeople } from './testSupport.ts';

let env: TestEnv;
let p: KccPeople;
before(async () => {
  env = await createTestServices({ poolSize: 4 });
  p = await kccPeople(env);
});
after(() => env.close());

const FILLED = [
  { key: 'findings', text: 'Wij hebben met de medewerker gesproken. Hij had haast en heeft u niet goed geholpen.' },
  { key: 'conclusions', text: 'Wij bespreken dit met het hele team. Wij oefenen hoe wij mensen goed helpen.' },
];
const rejects = (code: string, fn: () => Promise<unknown>) => assert.rejects(fn, (e: unknown) => e instanceof AppError && e.code === code);
const letterRow = (id: string) => env.services.db.selectFrom('letter').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = async (caseId: string) =>
  (
    await env.services.db
      .selectFrom('timeline_event')
      .select('type')
      .where('case_id', '=', caseId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute()
  ).map((e) => e.type);

async function draftedAndFilled() {
  const caseId = await caseAtDecisionLetter(env, p);
  const { id } = await asActor(env.services, p.backOffice, (ctx) => draftLetter(ctx, { caseId, kind: 'decision' }));
  const edited = await asActor(env.services, p.backOffice, (ctx) =>
    editLetter(ctx, { letterId: id, expectedVersion: 1, sections: FILLED }),
  );
  return { caseId, id, version: edited.version };
}

describe('drafting and editing', () => {
  test('every edit is a new version; earlier versions and their readability stay as they were', async () => {
    const caseId = await caseAtDecisionLetter(env, p);
    const { id, version } = await asActor(env.services, p.backOffice, (ctx) => draftLetter(ctx, { caseId, kind: 'decision' }));
    assert.equal(version, 1);
    const v2 = await asActor(env.services, p.backOffice, (ctx) =>
      editLetter(ctx, { letterId: id, expectedVersion: 1, sections: [FILLED[0]!] }),
    );
    const v3 = await asActor(env.services, p.coordinator, (ctx) =>
      editLetter(ctx, {
        letterId: id,
        expectedVersion: v2.version,
        sections: [
          {
            key: 'findings',
            text: 'Indien u vragen heeft, dan verzoeken wij u derhalve contact op te nemen met de afdeling die uw aanvraag in behandeling heeft genomen en die daarover heeft besloten.',
          },
        ],
        insertStandardResponses: [{ section: 'conclusions', responseKey: 'excuses-bejegening' }],
      }),
    );
    assert.deepEqual([v2.textVersion, v3.textVersion], [2, 3]);
    assert.deepEqual(v3.changed, ['findings', 'conclusions']);

    const versions = await env.services.db
      .selectFrom('letter_version')
      .selectAll()
      .where('letter_id', '=', id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2, 3],
    );
    const findings = versions.map((v) => v.sections.find((s) => s.key === 'findings')!.text);
    assert.match(findings[0]!, /\[Vul in/);
    assert.equal(findings[1], FILLED[0]!.text);
    assert.match(findings[2]!, /^Indien/);
    assert.match(
      versions[2]!.sections.find((s) => s.key === 'conclusions')!.text,
      /^U voelde zich niet goed behandeld/,
      'the standard text replaced the placeholder',
    );
    assert.deepEqual(
      versions.map((v) => v.author_name),
      ['Bo Backoffice', 'Bo Backoffice', 'Kees Coördinator'],
    );

    const r = versions.map((v) => v.readability as unknown as LetterReadability);
    for (const x of r) assert.equal(typeof x.scores.fleschDouma, 'number');
    assert.ok(
      r[2]!.warnings.some((w) => w.code === 'difficultWord' && /indien/i.test(w.message)),
      'difficult words are reported with a suggestion',
    );
    assert.ok(r[2]!.warnings.some((w) => w.code === 'longSentence' && w.section === 'findings'));
    assert.ok(r[2]!.scores.fleschDouma! < r[1]!.scores.fleschDouma!, 'the harder text scores lower');
    assert.equal(r[2]!.sections.find((s) => s.key === 'ombudsman')!.excluded, true, 'the legally required section is never warned about');
    assert.ok(r[2]!.warnings.every((w) => w.section !== 'ombudsman'));

    assert.deepEqual(
      (await events(caseId)).filter((t) => t.startsWith('letter')),
      ['letterDrafted', 'letterEdited', 'letterEdited'],
    );
    const unchanged = await asActor(env.services, p.coordinator, (ctx) =>
      editLetter(ctx, { letterId: id, expectedVersion: v3.version, sections: [FILLED[0]!].map((s) => ({ ...s, text: findings[2]! })) }),
    );
    assert.deepEqual(unchanged.changed, [], 'saving the same text makes no version');
  });

  test('a stale version is refused with 409 and changes nothing', async () => {
    const { id, version } = await draftedAndFilled();
    await rejects('conflict', () =>
      asActor(env.services, p.coordinator, (ctx) =>
        editLetter(ctx, { letterId: id, expectedVersion: version - 1, sections: [{ key: 'findings', text: 'Oud.' }] }),
      ),
    );
    await rejects('conflict', () =>
      asActor(env.services, p.backOffice, (ctx) => submitForReview(ctx, { letterId: id, expectedVersion: 1 })),
    );
    assert.equal((await letterRow(id)).current_version, 2);
  });

  test('two people saving the same version at once: one wins, the other gets 409', async () => {
    const { id, version } = await draftedAndFilled();
    const save = (text: string) =>
      asActor(env.services, p.coordinator, (ctx) =>
        editLetter(ctx, { letterId: id, expectedVersion: version, sections: [{ key: 'findings', text }] }),
      );
    const results = await Promise.allSettled([save('Eerste tekst.'), save('Tweede tekst.')]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal((lost.reason as AppError).code, 'conflict');
    const versions = await env.services.db.selectFrom('letter_version').select('version').where('letter_id', '=', id).execute();
    assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2, 3]);
  });

  test('an unknown section or standard response is refused', async () => {
    const { id, version } = await draftedAndFilled();
    await rejects('invalid', () =>
      asActor(env.services, p.backOffice, (ctx) =>
        editLetter(ctx, { letterId: id, expectedVersion: version, sections: [{ key: 'bezwaar', text: 'x' }] }),
      ),
    );
    await rejects('invalid', () =>
      asActor(env.services, p.backOffice, (ctx) =>
        editLetter(ctx, {
          letterId: id,
          expectedVersion: version,
          insertStandardResponses: [{ section: 'findings', responseKey: 'nope' }],
        }),
      ),
    );
  });
});

describe('approval', () => {
  test('only a coordinator approves; a missing mandatory section or an objection clause is refused', async () => {
    const caseId = await caseAtDecisionLetter(env, p);
    const { id } = await asActor(env.services, p.backOffice, (ctx) => draftLetter(ctx, { caseId, kind: 'decision' }));
    let v = (
      await asActor(env.services, p.backOffice, (ctx) =>
        editLetter(ctx, { letterId: id, expectedVersion: 1, sections: [FILLED[0]!, { key: 'conclusions', text: '' }] }),
      )
    ).version;
    v = (await asActor(env.services, p.backOffice, (ctx) => submitForReview(ctx, { letterId: id, expectedVersion: v }))).version;

    await rejects('forbidden', () =>
      asActor(env.services, p.backOffice, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: v })),
    );
    await assert.rejects(
      () => asActor(env.services, p.coordinator, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: v })),
      (e: AppError) => {
        assert.equal(e.code, 'invalid');
        assert.deepEqual(
          e.invalidParams.map((x) => [x.name, x.code]),
          [['sections.conclusions', 'emptySection']],
        );
        return true;
      },
    );
    v = (
      await asActor(env.services, p.coordinator, (ctx) =>
        editLetter(ctx, {
          letterId: id,
          expectedVersion: v,
          sections: [{ key: 'conclusions', text: 'Er verandert niets. Tegen dit besluit kunt u binnen zes weken bezwaar maken.' }],
        }),
      )
    ).version;
    await assert.rejects(
      () => asActor(env.services, p.coordinator, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: v })),
      (e: AppError) => {
        assert.deepEqual(
          e.invalidParams.map((x) => [x.name, x.code]),
          [['sections.conclusions', 'objectionClause']],
        );
        return true;
      },
    );
    v = (await asActor(env.services, p.coordinator, (ctx) => editLetter(ctx, { letterId: id, expectedVersion: v, sections: [FILLED[1]!] })))
      .version;
    const ok = await asActor(env.services, p.coordinator, (ctx) =>
      approveLetter(ctx, { letterId: id, expectedVersion: v, signerUserId: p.coordinator2.id }),
    );
    assert.deepEqual(ok.signer, { id: p.coordinator2.id, name: 'Carla Coördinator', title: 'Klachtencoördinator' });
    const row = await letterRow(id);
    assert.equal(row.status, 'approved');
    assert.equal(row.signer_name, 'Carla Coördinator');

    // An edit after approval sends the letter back to review: the approval covered the old text.
    await asActor(env.services, p.coordinator, (ctx) =>
      editLetter(ctx, {
        letterId: id,
        expectedVersion: row.version,
        sections: [{ key: 'conclusions', text: 'Wij bespreken dit met het team.' }],
      }),
    );
    assert.equal((await letterRow(id)).status, 'inReview');
    assert.deepEqual(
      (await events(caseId)).filter((t) => t.startsWith('letter')),
      ['letterDrafted', 'letterEdited', 'letterSubmitted', 'letterEdited', 'letterEdited', 'letterApproved', 'letterEdited'],
    );
  });

  test('the signer defaults to the case handler; someone complained about cannot sign (Awb 9:7)', async () => {
    const caseId = await caseAtDecisionLetter(env, p);
    await env.services.db.updateTable('cases').set({ assignee_user_id: p.coordinator2.id }).where('id', '=', caseId).execute();
    const { id } = await asActor(env.services, p.backOffice, (ctx) => draftLetter(ctx, { caseId, kind: 'decision' }));
    const v = (await asActor(env.services, p.backOffice, (ctx) => editLetter(ctx, { letterId: id, expectedVersion: 1, sections: FILLED })))
      .version;
    await env.services.db
      .insertInto('complained_person')
      .values({ case_id: caseId, user_id: p.agent.id, name: p.agent.name, job_title: null, created_at: env.clock.now() })
      .execute();
    await rejects('invalid', () =>
      asActor(env.services, p.coordinator, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: v, signerUserId: p.agent.id })),
    );
    const ok = await asActor(env.services, p.coordinator, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: v }));
    assert.equal(ok.signer.name, 'Carla Coördinator');
  });
});

describe('sending', () => {
  test('the full KCC path: submit with the process step, approve, send with the closing step in one transaction', async () => {
    const { caseId, id, version } = await draftedAndFilled();
    let v = (await asActor(env.services, p.backOffice, (ctx) => submitForReview(ctx, { letterId: id, expectedVersion: version }))).version;
    assert.equal(
      (await env.services.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status,
      'letterReview',
    );
    v = (await asActor(env.services, p.coordinator, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: v }))).version;
    await rejects('forbidden', () => sendLetter(env.services, p.backOffice, { letterId: id, expectedVersion: v }));
    await rejects('conflict', () => sendLetter(env.services, p.coordinator, { letterId: id, expectedVersion: v + 1 }));

    const sent = await sendLetter(env.services, p.coordinator, { letterId: id, expectedVersion: v });
    assert.equal(sent.delivery.channel, 'email');
    const row = await letterRow(id);
    assert.equal(row.status, 'sent');
    assert.equal(row.document_id, sent.documentId);
    const c = await env.services.db.selectFrom('cases').select(['status', 'closed_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(c.status, 'closed');
    assert.equal(c.closed_at!.getTime(), row.sent_at!.getTime(), 'Awb 9:12: the case closes on the send date');

    const doc = await env.services.db.selectFrom('document').selectAll().where('id', '=', sent.documentId).executeTakeFirstOrThrow();
    assert.deepEqual(
      [doc.doc_type, doc.media_type, doc.filename],
      [
        'letter',
        'application/pdf',
        `${(await env.services.db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow()).reference}-afhandelingsbrief.pdf`,
      ],
    );
    const pdf = await buffer(env.services.storage.open(doc.storage_key));
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pdf.length, doc.size_bytes);

    const mail = await env.services.db
      .selectFrom('outbox_message')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('template_key', '=', 'letter')
      .executeTakeFirstOrThrow();
    assert.deepEqual(mail.attachments, [sent.documentId]);
    assert.equal(mail.to_address, 'evi@voorbeeld.example');
    assert.match(mail.body_text, /Kees Coördinator/, 'signed by the approver when the case had no handler');
    const types = await events(caseId);
    assert.ok(types.indexOf('letterSent') < types.lastIndexOf('statusChanged'));
    await rejects('conflict', () => sendLetter(env.services, p.coordinator, { letterId: id, expectedVersion: row.version }));
  });

  test('a complainant who wants letters by post gets no e-mail; the PDF is still stored', async () => {
    const { caseId, id, version } = await draftedAndFilled();
    await env.services.db.updateTable('cases').set({ contact_preference: 'letter' }).where('id', '=', caseId).execute();
    const v = (await asActor(env.services, p.coordinator, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: version }))).version;
    const sent = await sendLetter(env.services, p.coordinator, { letterId: id, expectedVersion: v });
    assert.equal(sent.delivery.channel, 'post');
    assert.equal(sent.delivery.messageId, null);
    // The letter's own PDF waits in the "to post" list (post/postal.test.ts follows it further).
    const item = await env.services.db
      .selectFrom('postal_item')
      .select(['document_id', 'posted_at'])
      .where('id', '=', sent.delivery.postalItemId!)
      .executeTakeFirstOrThrow();
    assert.equal(item.document_id, sent.documentId);
    assert.equal(item.posted_at, null);
    assert.equal(
      (
        await env.services.db
          .selectFrom('outbox_message')
          .select('id')
          .where('case_id', '=', caseId)
          .where('template_key', '=', 'letter')
          .execute()
      ).length,
      0,
    );
  });
});
