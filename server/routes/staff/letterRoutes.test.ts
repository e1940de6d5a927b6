import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../commands/context.ts';
import { caseAtDecisionLetter, kccPeople, type KccPeople } from '../../letters/testSupport.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let p: KccPeople;
let outsider: StaffActor;
const h: Record<string, Record<string, string>> = {};

before(async () => {
  t = await createTestApp();
  p = await kccPeople(t);
  outsider = await buildStaff(t.services, { roles: ['department'], teams: ['department'] });
  for (const [k, a] of Object.entries({ ...p, outsider })) h[k] = await loginHeaders(t.services, a);
});
after(() => t.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: h[who], ...(payload ? { payload } : {}) });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('letter routes', () => {
  test('draft, edit, submit, approve, preview, send, and the sent PDF stays the same', async () => {
    const caseId = await caseAtDecisionLetter(t, p);
    const created = await call('POST', `/api/v1/cases/${caseId}/letters`, 'backOffice', { kind: 'decision' });
    assert.equal(created.statusCode, 201, created.body);
    let letter = created.json();
    assert.equal(letter.templateKey, 'decision.awb');
    assert.deepEqual(
      letter.sectionRules.filter((s: { mandatory: boolean }) => s.mandatory).map((s: { key: string }) => s.key),
      ['findings', 'judgment', 'conclusions', 'ombudsman'],
    );
    assert.deepEqual(
      letter.problems.map((x: { section: string; code: string }) => `${x.section}:${x.code}`),
      ['findings:placeholder', 'conclusions:placeholder'],
    );

    const edit = await call('POST', `/api/v1/letters/${letter.id}/versions`, 'backOffice', {
      expectedVersion: letter.version,
      sections: [{ key: 'findings', text: 'Wij hebben met de medewerker gesproken.' }],
      insertStandardResponses: [{ section: 'conclusions', responseKey: 'excuses-bejegening' }],
    });
    assert.equal(edit.statusCode, 200, edit.body);
    letter = edit.json();
    assert.deepEqual(letter.problems, []);
    assert.deepEqual(
      letter.versions.map((v: { version: number }) => v.version),
      [2, 1],
    );
    assert.equal(typeof letter.versions[0].readability.scores.fleschDouma, 'number');
    assert.equal(
      (
        await call('POST', `/api/v1/letters/${letter.id}/versions`, 'backOffice', {
          expectedVersion: 1,
          sections: [{ key: 'findings', text: 'x' }],
        })
      ).statusCode,
      409,
    );

    letter = (
      await call('POST', `/api/v1/letters/${letter.id}/submit`, 'backOffice', {
        expectedVersion: letter.version,
      })
    ).json();
    assert.equal(letter.status, 'inReview');
    assert.equal(
      (await call('POST', `/api/v1/letters/${letter.id}/approve`, 'backOffice', { expectedVersion: letter.version })).statusCode,
      403,
    );
    const approved = await call('POST', `/api/v1/letters/${letter.id}/approve`, 'coordinator', { expectedVersion: letter.version });
    assert.equal(approved.statusCode, 200, approved.body);
    letter = approved.json();
    assert.deepEqual(letter.signer.name, 'Kees Coördinator');

    const preview = await call('GET', `/api/v1/letters/${letter.id}/pdf`, 'coordinator');
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['content-type'], 'application/pdf');
    assert.equal(preview.rawPayload.subarray(0, 5).toString(), '%PDF-');

    const sent = await call('POST', `/api/v1/letters/${letter.id}/send`, 'coordinator', {
      expectedVersion: letter.version,
    });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().status, 'sent');
    assert.equal(sent.json().delivery.channel, 'email');
    const stored = await t.services.db
      .selectFrom('document')
      .select('sha256')
      .where('id', '=', sent.json().documentId)
      .executeTakeFirstOrThrow();
    const again = await call('GET', `/api/v1/letters/${letter.id}/pdf`, 'backOffice');
    assert.equal(sha(again.rawPayload), stored.sha256, 'a sent letter is shown as sent, never re-rendered');
    assert.equal((await call('GET', `/api/v1/cases/${caseId}`, 'coordinator')).json().status, 'closed');

    const list = (await call('GET', `/api/v1/cases/${caseId}/letters`, 'coordinator')).json();
    assert.deepEqual(
      list.items.map((l: { status: string }) => l.status),
      ['sent'],
    );
  });

  test('abilities: the editor learns which buttons work for whom, and which process step goes with them', async () => {
    const caseId = await caseAtDecisionLetter(t, p);
    const list = (await call('GET', `/api/v1/cases/${caseId}/letters`, 'backOffice')).json();
    // A statutory complaint: no standard response (that is for a non-statutory one, seed 000 §4.3).
    assert.deepEqual(list.abilities.draftKinds, ['decision', 'notHandling', 'referral', 'extension']);
    let letter = (await call('POST', `/api/v1/cases/${caseId}/letters`, 'backOffice', { kind: 'decision' })).json();
    assert.deepEqual(letter.abilities, {
      edit: true,
      submit: true,
      approve: false,
      send: false,
      submitStep: 'submitLetter',
      sendStep: null,
      heldBy: null,
    });
    const asCoordinator = (await call('GET', `/api/v1/letters/${letter.id}`, 'coordinator')).json();
    assert.deepEqual(
      asCoordinator.abilities,
      { edit: true, submit: true, approve: true, send: false, submitStep: null, sendStep: null, heldBy: null },
      'submitLetter is a back-office step',
    );

    const filled = letter.problems.map((x: { section: string }) => ({ key: x.section, text: 'Wij hebben uw klacht bekeken.' }));
    letter = (
      await call('POST', `/api/v1/letters/${letter.id}/versions`, 'backOffice', { expectedVersion: letter.version, sections: filled })
    ).json();
    letter = (
      await call('POST', `/api/v1/letters/${letter.id}/submit`, 'backOffice', {
        expectedVersion: letter.version,
      })
    ).json();
    assert.deepEqual(letter.abilities, {
      edit: true,
      submit: false,
      approve: false,
      send: false,
      submitStep: null,
      sendStep: null,
      heldBy: null,
    });
    letter = (await call('POST', `/api/v1/letters/${letter.id}/approve`, 'coordinator', { expectedVersion: letter.version })).json();
    assert.deepEqual(letter.abilities, {
      edit: true,
      submit: false,
      approve: false,
      send: true,
      submitStep: null,
      sendStep: 'sendLetter',
      heldBy: null,
    });
    letter = (
      await call('POST', `/api/v1/letters/${letter.id}/send`, 'coordinator', {
        expectedVersion: letter.version,
      })
    ).json();
    assert.deepEqual(letter.abilities, {
      edit: false,
      submit: false,
      approve: false,
      send: false,
      submitStep: null,
      sendStep: null,
      heldBy: null,
    });
    const closed = (await call('GET', `/api/v1/cases/${caseId}/letters`, 'coordinator')).json();
    assert.deepEqual(closed.abilities.draftKinds, [], 'a case closed with its decision letter offers no new letter');
  });

  test('a letter on a case outside the scope does not exist for the actor', async () => {
    const caseId = await caseAtDecisionLetter(t, p);
    const letter = (await call('POST', `/api/v1/cases/${caseId}/letters`, 'coordinator', { kind: 'referral' })).json();
    assert.equal((await call('GET', `/api/v1/letters/${letter.id}`, 'outsider')).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/letters/${letter.id}/pdf`, 'outsider')).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/cases/${caseId}/letters`, 'outsider')).statusCode, 404);
  });

  test('standard responses, templates and the live plain-language check', async () => {
    const responses = (await call('GET', '/api/v1/standard-responses?kind=standard', 'backOffice')).json();
    assert.ok(responses.items.some((r: { key: string }) => r.key === 'wachttijd-telefoon'));
    const templates = (await call('GET', '/api/v1/letter-templates', 'backOffice')).json();
    assert.ok(templates.items.some((x: { key: string }) => x.key === 'decision.care'));
    const check = await call('POST', '/api/v1/readability-checks', 'backOffice', {
      text: 'Indien u vragen heeft, dan verzoeken wij u derhalve om contact op te nemen met de afdeling die uw aanvraag in behandeling heeft genomen en daarover heeft besloten.',
    });
    assert.equal(check.statusCode, 200, check.body);
    const r = check.json();
    assert.equal(r.belowThreshold, true);
    assert.equal(r.longSentences.length, 1);
    assert.deepEqual(r.difficultWords.find((w: { word: string }) => w.word === 'Indien')?.suggestions.includes('als'), true);
  });
});
