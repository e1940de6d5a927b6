import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assignActivity } from '../commands/activityAssigner.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { addComplainedPerson } from '../commands/complainedPersons.ts';
import { recordComplainantContact } from '../commands/complainantContact.ts';
import { SYSTEM_ACTOR, type StaffActor } from '../commands/context.ts';
import { submitPortalComplaint } from '../commands/portalSubmission.ts';
import { approveAndSendLetter, draftAndSubmitLetter } from '../demo/demoLetters.ts';
import { approveLetter } from '../letters/approveLetter.ts';
import { AppError } from '../domain/errors.ts';
import { reachableFrom } from '../domain/process/validateProcess.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';

/**
 * Seed 003 (a municipality's social services): intake by phone, at the counter or on the web; an
 * immediate acknowledgment; the complaints secretary gives the complaint to ONE independent handler,
 * who keeps it to the end; a personal conversation unless there is a reason not to; a closing letter
 * signed by that handler with their job title. Never the manager of the unit complained about (Awb 9:7).
 */
const ORG = path.resolve(import.meta.dirname, '../../config/examples/social-services.json');
let env: TestEnv;
let frontOffice: StaffActor, secretary: StaffActor, handler: StaffActor, manager: StaffActor, colleague: StaffActor;

before(async () => {
  env = await createTestServices({ orgFile: ORG });
  frontOffice = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['klantenservice'], name: 'Sanne de Vries' });
  secretary = await buildStaff(env.services, { roles: ['coordinator'], teams: ['klachtenteam'], name: 'Kees Bakker' });
  handler = await buildStaff(env.services, { roles: ['coordinator'], teams: ['klachtenteam'], name: 'Fatma Yilmaz' });
  // The manager of Werk en Inkomen (org config: orgUnits[].manager) also holds the coordinator role.
  manager = await buildStaff(env.services, { roles: ['coordinator'], teams: ['klachtenteam'], name: 'Jeroen Mulder' });
  colleague = await buildStaff(env.services, { roles: ['department'], teams: ['uitkeringen'], name: 'Anouk Smit' });
  await env.services.db
    .updateTable('staff_user')
    .set({ job_title: 'Onafhankelijk klachtbehandelaar', phone: '088 123 45 72' })
    .where('id', '=', handler.id)
    .execute();
  await env.services.db.updateTable('staff_user').set({ email: 'Jeroen.Mulder@voorbeeld.example' }).where('id', '=', manager.id).execute();
});
after(() => env.close());

const step = (actor: StaffActor, caseId: string, transition: string, inputs: Record<string, unknown> = {}) =>
  asActor(env.services, actor, (ctx) => transitionCase(ctx, { caseId, transition, inputs }));
const load = (id: string) => env.services.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const mailOf = async (caseId: string) =>
  (
    await env.services.db.selectFrom('outbox_message').select('template_key').where('case_id', '=', caseId).orderBy('created_at').execute()
  ).map((m) => m.template_key);
const openTask = (caseId: string, taskKey: string) =>
  env.services.db
    .selectFrom('activity')
    .select(['id', 'assignee_team_id', 'assignee_user_id'])
    .where('case_id', '=', caseId)
    .where('task_key', '=', taskKey)
    .where('status', 'in', ['open', 'inProgress'])
    .executeTakeFirst();

async function register(channel: 'phone' | 'counter', name = 'Evi Jangha') {
  return asActor(env.services, frontOffice, (ctx) =>
    registerCase(ctx, {
      subject: 'Mijn neef krijgt geen hulp bij zijn uitkering',
      description: 'Ik bel namens mijn neef. Niemand helpt hem zijn aanvraag af te maken.',
      channel,
      complainant: { kind: 'person', name, email: `${name.split(' ')[0]!.toLowerCase()}@example.org`, phone: '0612345678' },
      data: {},
    }),
  );
}

/** Acknowledged by the front office, then given to the handler the way the secretary does it: the team task assigned. */
async function toHandler(caseId: string, who = handler) {
  await step(frontOffice, caseId, 'confirmReceipt');
  const task = await openTask(caseId, 'chooseHandler');
  assert.ok(task, "the secretary's task to choose a handler is in the klachtenteam queue");
  await asActor(env.services, secretary, (ctx) => assignActivity(ctx, task.id, { userId: who.id }));
  await step(who, caseId, 'takeOn');
}

describe('seed 003: the social-services complaint (config/examples/social-services.json)', () => {
  test('the preset is the one process of the example and validates at start-up', () => {
    const def = env.services.processes.get('social-services-complaint');
    assert.ok(def);
    assert.equal(env.services.processes.defaultProcess.key, 'social-services-complaint');
    assert.equal(def.regime, 'awb');
    assert.deepEqual(
      def.citizenSteps.map((s) => s.label.nl),
      ['Ontvangen', 'Gesprek', 'Brief', 'Klaar'],
    );
    assert.deepEqual(
      def.citizenSteps.map((s) => s.label.en),
      ['Received', 'Conversation', 'Letter', 'Done'],
    );
    assert.equal(env.services.org.plainLanguage.level, 'B1');
  });

  test('once a handler took the complaint on, no step can hand it to someone else (one handler, seed 003)', () => {
    const def = env.services.processes.get('social-services-complaint')!;
    const takeOn = def.transitions.find((t) => t.effects.some((e) => e.type === 'assignActor'))!;
    const after = reachableFrom(def, takeOn.to);
    const reassigning = def.transitions.filter(
      (t) =>
        (t.from === '*' || t.from.some((f) => after.has(f))) &&
        t.effects.some((e) => e.type === 'assignTeam' || e.type === 'assignActor' || e.type === 'unassign'),
    );
    assert.deepEqual(
      reassigning.map((t) => t.key),
      [],
    );
  });

  test('phone intake → acknowledgment at once → one handler → conversation → judgment → letter signed by that handler → closed', async () => {
    const c = await register('phone');
    await step(frontOffice, c.id, 'confirmReceipt', { note: 'Evi belt namens haar neef.' });
    let row = await load(c.id);
    assert.equal(row.status, 'withSecretary');
    assert.deepEqual(await mailOf(c.id), ['acknowledgment'], 'the acknowledgment goes out with the first step');
    const task = await openTask(c.id, 'chooseHandler');
    const team = await env.services.db.selectFrom('team').select('id').where('key', '=', 'klachtenteam').executeTakeFirstOrThrow();
    assert.equal(task?.assignee_team_id, team.id);

    await asActor(env.services, secretary, (ctx) => assignActivity(ctx, task!.id, { userId: handler.id }));
    await step(handler, c.id, 'takeOn');
    row = await load(c.id);
    assert.equal(row.status, 'withHandler');
    assert.equal(row.assignee_user_id, handler.id);
    assert.equal(await openTask(c.id, 'chooseHandler'), undefined, 'the choosing task is done');

    await step(handler, c.id, 'recordConversation', {
      conversationMode: 'inPerson',
      conversationSummary: 'Evi en haar neef zijn op kantoor geweest. Zij willen hulp bij de aanvraag.',
    });
    row = await load(c.id);
    assert.equal(row.status, 'heard');
    assert.equal(row.facts.contactMethod, 'inPerson');
    assert.equal(row.facts.hearingSummary, 'Evi en haar neef zijn op kantoor geweest. Zij willen hulp bij de aanvraag.');
    assert.ok((row.clock_facts as { firstContactAt?: string }).firstContactAt, 'the conversation is the first contact');

    await step(handler, c.id, 'judge', { judgment: 'founded', judgmentReasons: 'Uw neef had hulp moeten krijgen.' });
    const letter = await draftAndSubmitLetter(env.services, { caseId: c.id, kind: 'decision', drafter: handler });
    row = await load(c.id);
    assert.equal(row.status, 'letterReview', 'offering the letter takes the step');
    assert.ok(await openTask(c.id, 'reviewLetter'), 'the secretary gets the review');
    // The secretary reviews and sends; the letter is signed by the handler the complainant spoke to.
    await approveAndSendLetter(env.services, { letterId: letter.id, version: letter.version, approver: secretary });
    row = await load(c.id);
    assert.equal(row.status, 'closed');
    assert.equal(row.assignee_user_id, handler.id, 'the same handler from assignment to close');
    assert.equal(row.facts.outcome, 'judged');
    const signed = await env.services.db
      .selectFrom('letter')
      .select(['signer_name', 'signer_title', 'status'])
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(signed, { signer_name: 'Fatma Yilmaz', signer_title: 'Onafhankelijk klachtbehandelaar', status: 'sent' });
    assert.deepEqual((await mailOf(c.id)).sort(), ['acknowledgment', 'letter', 'surveyInvitation']);

    // After the letter, the call that explains it is recorded on the closed case.
    await asActor(env.services, handler, (ctx) =>
      recordComplainantContact(ctx, c.id, { method: 'phone', summary: 'De brief uitgelegd aan Evi. Zij heeft geen vragen meer.' }),
    );
  });

  test('counter and web intake take the same path', async () => {
    const counter = await register('counter', 'Youssef Mohamed');
    await toHandler(counter.id);
    assert.equal((await load(counter.id)).facts.channel, 'counter');

    const web = await asActor(env.services, SYSTEM_ACTOR, (ctx) =>
      submitPortalComplaint(ctx, {
        subject: 'Geen antwoord op mijn vraag',
        description: 'Ik heb twee keer gebeld over mijn uitkering.',
        contactPreference: 'email',
        complainant: { kind: 'person', name: 'Youssef Mohamed', email: 'youssef@example.org' },
      }),
    );
    const row = await load(web.caseId);
    assert.equal(row.process_key, 'social-services-complaint');
    assert.equal(row.status, 'registered');
    await toHandler(web.caseId);
    assert.equal((await load(web.caseId)).assignee_user_id, handler.id);
  });

  test('a conversation is the default: skipping it needs a reason', async () => {
    const c = await register('phone', 'Noor Haddou');
    await toHandler(c.id);
    await assert.rejects(
      step(handler, c.id, 'skipConversation', { note: 'Klager wil niet.' }),
      (e: unknown) =>
        e instanceof AppError && e.code === 'invalid' && e.invalidParams.some((p) => p.name === 'inputs.conversationSkipReason'),
    );
    await step(handler, c.id, 'skipConversation', {
      conversationSkipReason: 'complainantDeclined',
      note: 'Klager wil liever geen gesprek.',
    });
    const row = await load(c.id);
    assert.equal(row.status, 'heard');
    assert.equal(row.data.conversationSkipReason, 'complainantDeclined');
  });

  test('not handled (Awb 9:8) with the notice, and cancel', async () => {
    const declined = await register('phone', 'Wim Kramer');
    await step(frontOffice, declined.id, 'confirmReceipt');
    await step(secretary, declined.id, 'decline', {
      notHandlingReason: 'objectionPossible',
      note: 'Bezwaar tegen het besluit is mogelijk.',
    });
    const row = await load(declined.id);
    assert.equal(row.status, 'notHandled');
    assert.equal(row.facts.outcome, 'notHandled');
    const notice = await env.services.db.selectFrom('letter').select('kind').where('case_id', '=', declined.id).executeTakeFirstOrThrow();
    assert.equal(notice.kind, 'notHandling');

    const cancelled = await register('counter', 'Esther Bos');
    await step(frontOffice, cancelled.id, 'cancel', { cancelReason: 'duplicate', note: 'Al geregistreerd.' });
    assert.equal((await load(cancelled.id)).status, 'cancelled');
  });
});

describe('Awb 9:7: never the manager of the unit complained about (seed 003 "Een manager is niet onafhankelijk")', () => {
  const refusedAsManager = (e: unknown) =>
    e instanceof AppError &&
    e.code === 'invalid' &&
    e.invalidParams.some(
      (p) => p.code === 'managerOfComplainedAbout' && /Jeroen Mulder is leidinggevende van Werk en Inkomen/.test(p.reason),
    ) &&
    /Anouk Smit/.test(e.invalidParams[0]!.reason) &&
    /niet onafhankelijk/.test(e.invalidParams[0]!.reason);
  // Taking the case on themselves: no field of the request chose them, the case refuses the actor (409).
  const refusedAsActingManager = (e: unknown) =>
    e instanceof AppError &&
    e.code === 'conflict' &&
    /Jeroen Mulder is leidinggevende van Werk en Inkomen, waar Anouk Smit werkt/.test(e.detail) &&
    /niet onafhankelijk/.test(e.detail);

  test('the manager of a complained-about colleague (unit through a team) cannot take the case on or be given its task', async () => {
    const c = await register('phone', 'Pieter de Graaf');
    await step(frontOffice, c.id, 'confirmReceipt');
    await asActor(env.services, secretary, (ctx) => addComplainedPerson(ctx, c.id, { userId: colleague.id }));
    const task = await openTask(c.id, 'chooseHandler');
    await assert.rejects(
      asActor(env.services, secretary, (ctx) => assignActivity(ctx, task!.id, { userId: manager.id })),
      refusedAsManager,
    );
    await assert.rejects(step(manager, c.id, 'takeOn'), refusedAsActingManager);
    assert.equal((await load(c.id)).status, 'withSecretary', 'nothing changed');
    // An independent handler may.
    await asActor(env.services, secretary, (ctx) => assignActivity(ctx, task!.id, { userId: handler.id }));
    await step(handler, c.id, 'takeOn');
    assert.equal((await load(c.id)).assignee_user_id, handler.id);
  });

  test("the colleague's own unit counts too (staff_user.org_unit_id); another unit's manager is not affected", async () => {
    const unit = await env.services.db.selectFrom('org_unit').select('id').where('key', '=', 'schuldhulp').executeTakeFirstOrThrow();
    const debtWorker = await buildStaff(env.services, { roles: ['department'], name: 'Ruud Visser' });
    await env.services.db.updateTable('staff_user').set({ org_unit_id: unit.id }).where('id', '=', debtWorker.id).execute();
    const debtManager = await buildStaff(env.services, { roles: ['coordinator'], teams: ['klachtenteam'], name: 'Marieke Hendriks' });
    await env.services.db
      .updateTable('staff_user')
      .set({ email: 'marieke.hendriks@voorbeeld.example' })
      .where('id', '=', debtManager.id)
      .execute();

    const c = await register('phone', 'Gerda van Leeuwen');
    await step(frontOffice, c.id, 'confirmReceipt');
    await asActor(env.services, secretary, (ctx) => addComplainedPerson(ctx, c.id, { userId: debtWorker.id }));
    await assert.rejects(
      step(debtManager, c.id, 'takeOn'),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'conflict' &&
        /Marieke Hendriks is leidinggevende van Schuldhulpverlening, waar Ruud Visser werkt/.test(e.detail),
    );
    // The Werk en Inkomen manager has nothing to do with debt relief: may handle it.
    await step(manager, c.id, 'takeOn');
    assert.equal((await load(c.id)).assignee_user_id, manager.id);
  });

  test('nor may that manager sign the closing letter', async () => {
    const c = await register('phone', 'Ayşe Demir');
    await toHandler(c.id);
    await asActor(env.services, secretary, (ctx) => addComplainedPerson(ctx, c.id, { userId: colleague.id }));
    await step(handler, c.id, 'skipConversation', { conversationSkipReason: 'complainantDeclined', note: 'Wil geen gesprek.' });
    await step(handler, c.id, 'judge', { judgment: 'unfounded', judgmentReasons: 'De aanvraag is op tijd behandeld.' });
    const letter = await draftAndSubmitLetter(env.services, { caseId: c.id, kind: 'decision', drafter: handler });
    await assert.rejects(
      asActor(env.services, secretary, (ctx) =>
        approveLetter(ctx, { letterId: letter.id, expectedVersion: letter.version, signerUserId: manager.id }),
      ),
      (e: unknown) =>
        e instanceof AppError &&
        e.invalidParams[0]?.name === 'signerUserId' &&
        e.invalidParams[0]?.code === 'managerOfComplainedAbout' &&
        /Jeroen Mulder is leidinggevende van Werk en Inkomen[\s\S]*niet ondertekenen/.test(e.invalidParams[0].reason),
    );
    const approved = await asActor(env.services, secretary, (ctx) =>
      approveLetter(ctx, { letterId: letter.id, expectedVersion: letter.version }),
    );
    assert.equal(approved.signer.name, 'Fatma Yilmaz');
  });

  test('a complained-about colleague added later: refused while the case is with their manager', async () => {
    const c = await register('phone', 'Johan Willems');
    await toHandler(c.id, manager);
    await assert.rejects(
      asActor(env.services, secretary, (ctx) => addComplainedPerson(ctx, c.id, { userId: colleague.id })),
      (e: unknown) => e instanceof AppError && e.code === 'conflict' && /Jeroen Mulder is leidinggevende/.test(e.detail),
    );
    const recorded = await env.services.db.selectFrom('complained_person').select('id').where('case_id', '=', c.id).execute();
    assert.equal(recorded.length, 0);
  });
});
