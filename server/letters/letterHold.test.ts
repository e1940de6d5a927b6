import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import type { StaffActor } from '../commands/context.ts';
import { draftAndSubmitLetter } from '../demo/demoLetters.ts';
import { holdsLetter, letterHold } from '../domain/process/roles.ts';
import { asActor, buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * Seed 001 step 14: the B1 team checks the response's language before the coordinator sends it.
 * The tax preset gives its formal statuses up to that check the role `holdsLetters`, so the letter
 * itself cannot be approved or sent there (not only the closing step): the editor is not offered
 * the buttons and says why, and the commands refuse with 409. Letters no later step waits for,
 * such as the extension notice, still go.
 */
const orgFile = path.resolve(import.meta.dirname, '../../config/examples/municipal-tax-cooperation.json');

let t: Awaited<ReturnType<typeof createTestApp>>;
let receiver: StaffActor;
let coordinator: StaffActor;
let department: StaffActor;
let b1: StaffActor;
let team: StaffActor;
const h: Record<string, Record<string, string>> = {};

before(async () => {
  t = await createTestApp({ orgFile });
  receiver = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'], name: 'Ontvanger' });
  coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'], name: 'Coördinator' });
  department = await buildStaff(t.services, { roles: ['department'], teams: ['department'], name: 'Waarden' });
  team = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['complaintsTeam'], name: 'Subteam klachten' });
  b1 = await buildStaff(t.services, { roles: ['qualityOfficer'], teams: ['plainLanguage'], name: 'B1-team' });
  for (const [k, a] of Object.entries({ receiver, coordinator, department, b1, team })) h[k] = await loginHeaders(t.services, a);
});
after(async () => {
  await t?.close();
});

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: h[who], ...(payload ? { payload } : {}) });
const step = async (who: string, caseId: string, transition: string, inputs: Record<string, unknown> = {}) => {
  const res = await call('POST', `/api/v1/cases/${caseId}/transitions`, who, { transition, inputs });
  assert.equal(res.statusCode, 200, `${transition}: ${res.body}`);
};
const status = async (id: string) =>
  (await t.services.db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const letterOf = async (id: string, who = 'coordinator') => {
  const res = await call('GET', `/api/v1/letters/${id}`, who);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

/** A formal complaint the department answered: its decision letter offered for review, the case at the coordinator's check. */
async function caseInResponseReview() {
  const c = await asActor(t.services, receiver, (ctx) =>
    registerCase(ctx, {
      subject: 'Brief over de aanslag was onbegrijpelijk',
      description: 'De klager begreep de brief over zijn aanslag niet.',
      channel: 'letter',
      complainant: { kind: 'person', name: 'Bram Vos', email: 'bram@voorbeeld.example' },
      data: {},
    }),
  );
  await step('receiver', c.id, 'toCoordinator');
  await step('coordinator', c.id, 'registerFormal', {
    classification: 'complaint',
    formality: 'formal',
    ground: 'conduct',
    statutory: true,
  });
  await step('coordinator', c.id, 'assignToDepartment', { chosenDepartment: 'department', departmentQuestion: 'Graag een reactie.' });
  const letter = await draftAndSubmitLetter(t.services, { caseId: c.id, kind: 'decision', drafter: department });
  await step('department', c.id, 'submitResponse', { judgment: 'founded', judgmentReasons: 'De brief was te moeilijk.' });
  assert.equal(await status(c.id), 'responseReview');
  return { caseId: c.id, letterId: letter.id };
}

describe('seed 001: the response waits for the B1 team', () => {
  test('the definition says which statuses hold which letters, and where they may go', () => {
    const def = t.services.processes.get('tax-complaint')!;
    assert.equal(holdsLetter(def, 'plainLanguageReview', 'decision'), true);
    assert.equal(holdsLetter(def, 'plainLanguageReview', 'standard'), true);
    assert.equal(holdsLetter(def, 'plainLanguageReview', 'extension'), false, 'no later step waits for the extension notice');
    assert.equal(holdsLetter(def, 'responseApproved', 'decision'), false);
    assert.equal(holdsLetter(def, 'informalRegistered', 'standard'), false, 'an informal answer needs no B1 check');
    assert.deepEqual(letterHold(def, 'withDepartment', 'decision'), {
      at: { nl: 'Bij vakafdeling', en: 'With department' },
      until: { nl: 'Reactie goedgekeurd, klaar om te versturen', en: 'Response approved, ready to send' },
    });
  });

  test('in review and in the B1 check the letter can be edited but not approved or sent; after the B1 approval it goes and closes the case', async () => {
    const { caseId, letterId } = await caseInResponseReview();

    // The coordinator's check: no approve button, and the reason in the definition's words.
    let letter = await letterOf(letterId);
    assert.equal(letter.status, 'inReview');
    assert.equal(letter.abilities.approve, false);
    assert.equal(letter.abilities.edit, true);
    assert.deepEqual(letter.abilities.heldBy.at, { nl: 'Controle reactie', en: 'Reviewing response' });
    assert.equal(letter.abilities.heldBy.until.nl, 'Reactie goedgekeurd, klaar om te versturen');
    const early = await call('POST', `/api/v1/letters/${letterId}/approve`, 'coordinator', { expectedVersion: letter.version });
    assert.equal(early.statusCode, 409, early.body);
    assert.equal(early.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(
      early.json().detail,
      'De melding is in de stap "Controle reactie": de brief wacht nog op controle. Goedkeuren kan pas in de stap "Reactie goedgekeurd, klaar om te versturen".',
    );

    // The B1 team's check: the letter can still be improved, not approved.
    await step('coordinator', caseId, 'toPlainLanguageReview', { note: 'Inhoud is goed.' });
    const edited = await call('POST', `/api/v1/letters/${letterId}/versions`, 'b1', {
      expectedVersion: letter.version,
      sections: [{ key: 'findings', text: 'Wij hebben uw brief gelezen. Wij vinden dat u gelijk heeft.' }],
    });
    assert.equal(edited.statusCode, 200, edited.body);
    letter = await letterOf(letterId);
    assert.equal(letter.abilities.approve, false);
    assert.equal(letter.abilities.heldBy.at.nl, 'Taalcontrole B1-team');
    const refused = await call('POST', `/api/v1/letters/${letterId}/approve`, 'coordinator', { expectedVersion: letter.version });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.json().detail, /^De melding is in de stap "Taalcontrole B1-team": de brief wacht nog op controle\./);
    assert.equal((await letterOf(letterId)).status, 'inReview', 'nothing changed');

    // A notice with its own deadline is not held: the extension letter goes during the check.
    const extension = await draftAndSubmitLetter(t.services, { caseId, kind: 'extension', drafter: coordinator });
    const extApproved = await call('POST', `/api/v1/letters/${extension.id}/approve`, 'coordinator', {
      expectedVersion: extension.version,
    });
    assert.equal(extApproved.statusCode, 200, extApproved.body);
    assert.equal(extApproved.json().abilities.send, true);
    assert.equal(extApproved.json().abilities.heldBy, null);
    const extSent = await call('POST', `/api/v1/letters/${extension.id}/send`, 'coordinator', {
      expectedVersion: extApproved.json().version,
    });
    assert.equal(extSent.statusCode, 200, extSent.body);
    assert.equal(await status(caseId), 'plainLanguageReview', 'the extension notice takes no step');

    // After the B1 team's approval the coordinator approves and sends; sending closes the case.
    await step('b1', caseId, 'approvePlainLanguage', { note: 'Goed leesbaar.' });
    letter = await letterOf(letterId);
    assert.equal(letter.abilities.approve, true);
    assert.equal(letter.abilities.heldBy, null);
    const approved = await call('POST', `/api/v1/letters/${letterId}/approve`, 'coordinator', { expectedVersion: letter.version });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().abilities.send, true);
    assert.equal(approved.json().abilities.sendStep, 'sendResponse');
    const sent = await call('POST', `/api/v1/letters/${letterId}/send`, 'coordinator', { expectedVersion: approved.json().version });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(await status(caseId), 'closed');
  });

  test('a letter approved before the case reached a holding status waits there too: it is not sent from it', async () => {
    const c = await asActor(t.services, receiver, (ctx) =>
      registerCase(ctx, {
        subject: 'Onvriendelijk gesprek over de WOZ-waarde',
        description: 'De klager vond het gesprek onvriendelijk.',
        channel: 'phone',
        complainant: { kind: 'person', name: 'Eva Smit', email: 'eva@voorbeeld.example' },
        data: {},
      }),
    );
    await step('receiver', c.id, 'handOverToTeam', { note: 'Warm overgedragen.' });
    await step('team', c.id, 'registerInformal', {
      classification: 'complaint',
      formality: 'informal',
      ground: 'conduct',
      statutory: true,
    });
    // Informally the answer needs no B1 check: the letter can be approved here.
    const drafted = await draftAndSubmitLetter(t.services, { caseId: c.id, kind: 'decision', drafter: coordinator });
    const approved = await call('POST', `/api/v1/letters/${drafted.id}/approve`, 'coordinator', { expectedVersion: drafted.version });
    assert.equal(approved.statusCode, 200, approved.body);
    // The complaint becomes formal: from now on the response waits for the check.
    await step('team', c.id, 'toCoordinator');
    const letter = await letterOf(drafted.id);
    assert.equal(letter.status, 'approved');
    assert.equal(letter.abilities.send, false);
    assert.equal(letter.abilities.heldBy.at.nl, 'Formele klacht bij coördinator');
    const send = await call('POST', `/api/v1/letters/${drafted.id}/send`, 'coordinator', { expectedVersion: letter.version });
    assert.equal(send.statusCode, 409, send.body);
    assert.equal(
      send.json().detail,
      'De melding is in de stap "Formele klacht bij coördinator": de brief wacht nog op controle. Versturen kan pas in de stap "Reactie goedgekeurd, klaar om te versturen".',
    );
    assert.equal((await letterOf(drafted.id)).status, 'approved', 'nothing sent');
    const docs = await t.services.db.selectFrom('document').select('id').where('case_id', '=', c.id).execute();
    assert.deepEqual(docs, [], 'no PDF stored');
  });
});
