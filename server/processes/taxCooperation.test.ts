import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import type { StaffActor } from '../commands/context.ts';
import { approveAndSendLetter, draftAndSubmitLetter } from '../demo/demoLetters.ts';
import { AppError } from '../domain/errors.ts';
import { availableTransitions } from '../policies/casePolicy.ts';
import { workQueuePage } from '../queries/workQueue.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';

/**
 * Seed 001 (municipal tax cooperation) as configuration, not code: the coordinator chooses one of
 * the four departments; the manager of the department a complaint is about is mailed; the B1 team's
 * plain-language approval comes before the response can be sent.
 */
const orgFile = path.resolve(import.meta.dirname, '../../config/examples/municipal-tax-cooperation.json');

let env: TestEnv;
let receiver: StaffActor;
let team: StaffActor;
let coordinator: StaffActor;
let values: StaffActor;
let objections: StaffActor;
let b1: StaffActor;

before(async () => {
  env = await createTestServices({ orgFile });
  receiver = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'], name: 'Ontvanger' });
  team = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['complaintsTeam'], name: 'Subteam klachten' });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'], name: 'Coördinator' });
  values = await buildStaff(env.services, { roles: ['department'], teams: ['department'], name: 'Waarden' });
  objections = await buildStaff(env.services, { roles: ['department'], teams: ['objections'], name: 'Bezwaar en beroep' });
  b1 = await buildStaff(env.services, { roles: ['qualityOfficer'], teams: ['plainLanguage'], name: 'B1-team' });
});
after(async () => {
  await env?.close();
});

const register = (subject: string) =>
  asActor(env.services, receiver, (ctx) =>
    registerCase(ctx, {
      subject,
      description: 'De klager vindt dat hij niet goed is behandeld.',
      channel: 'letter',
      complainant: { kind: 'person', name: 'Bram Vos', email: 'bram@voorbeeld.example' },
      data: {},
    }),
  );
const step = (who: StaffActor, caseId: string, transition: string, inputs: Record<string, unknown> = {}) =>
  asActor(env.services, who, (ctx) => transitionCase(ctx, { caseId, transition, inputs }));
const caseRow = (id: string) =>
  env.services.db.selectFrom('cases').select(['status', 'facts', 'assignee_team_id']).where('id', '=', id).executeTakeFirstOrThrow();
const staffMail = (caseId: string) =>
  env.services.db
    .selectFrom('outbox_message')
    .select(['template_key', 'to_address', 'to_name', 'body_text'])
    .where('case_id', '=', caseId)
    .where('recipient_role', '=', 'staffContact')
    .execute();
const taskQueue = async (who: StaffActor) =>
  (await workQueuePage(env.services, who, { queue: 'team', kind: 'task', sort: 'createdAt', limit: 50 })).rows.map((r) => r.case_id);
const refusedWith = (code: AppError['code']) => (err: unknown) => err instanceof AppError && err.code === code;

const registration = (department?: string) => ({
  classification: 'complaint',
  formality: 'formal',
  ground: 'conduct',
  statutory: true,
  ...(department ? { department } : {}),
});

describe('seed 001: the municipal tax cooperation', () => {
  test('the complaints team registers an informal complaint about a department: that department’s manager is mailed', async () => {
    const about = await register('WOZ-waarde te hoog en onvriendelijk gesprek');
    await step(receiver, about.id, 'handOverToTeam', { note: 'Warm overgedragen na overleg.' });
    await step(team, about.id, 'registerInformal', { ...registration('objections'), formality: 'informal' });
    assert.deepEqual(
      (await staffMail(about.id)).map((m) => [m.template_key, m.to_address, m.to_name]),
      [['caseNotice', 'manager.bezwaar@belasting-voorbeeld.example', 'Rob Maas']],
    );
    assert.match((await staffMail(about.id))[0]!.body_text, /WOZ-waarde te hoog/);

    // Not about a department's primary process: no manager mail, and no "not sent" on the timeline.
    const general = await register('Wachttijd aan de telefoon');
    await step(receiver, general.id, 'handOverToTeam', { note: 'Warm overgedragen.' });
    await step(team, general.id, 'registerInformal', { ...registration(), formality: 'informal' });
    assert.deepEqual(await staffMail(general.id), []);
    const notSent = await env.services.db
      .selectFrom('timeline_event')
      .select('id')
      .where('case_id', '=', general.id)
      .where('type', '=', 'messageNotSent')
      .execute();
    assert.deepEqual(notSent, []);
  });

  test('the coordinator chooses one of the four departments; only a configured department is accepted', async () => {
    const c = await register('Bezwaar niet op tijd behandeld');
    await step(receiver, c.id, 'toCoordinator');
    await step(coordinator, c.id, 'registerFormal', registration());
    const offered = availableTransitions(coordinator, env.services.processes.get('tax-complaint')!, 'formalRegistered', {});
    const choice = offered.find((t) => t.key === 'assignToDepartment')!.inputs.find((i) => i.fact === 'department')!;
    assert.deepEqual(
      choice.options!.map((o) => o.value),
      ['department', 'dataManagement', 'objections', 'serviceDepartment'],
    );
    await assert.rejects(
      step(coordinator, c.id, 'assignToDepartment', { chosenDepartment: 'coordinators', departmentQuestion: 'Graag een reactie.' }),
      refusedWith('invalid'),
    );
    await step(coordinator, c.id, 'assignToDepartment', { chosenDepartment: 'objections', departmentQuestion: 'Graag een reactie.' });
    assert.equal((await caseRow(c.id)).facts.department, 'objections');
    assert.ok((await taskQueue(objections)).includes(c.id), 'the task is in the chosen department’s queue');
    assert.ok(!(await taskQueue(values)).includes(c.id), 'not in another department’s');
  });

  test('the B1 team must approve the response before it can be sent', async () => {
    const c = await register('Brief over de aanslag was onbegrijpelijk');
    await step(receiver, c.id, 'toCoordinator');
    await step(coordinator, c.id, 'registerFormal', registration());
    await step(coordinator, c.id, 'assignToDepartment', { chosenDepartment: 'department', departmentQuestion: 'Graag een reactie.' });
    const letter = await draftAndSubmitLetter(env.services, { caseId: c.id, kind: 'decision', drafter: values });
    await step(values, c.id, 'submitResponse', { judgment: 'founded', judgmentReasons: 'De brief was te moeilijk.' });
    assert.equal((await caseRow(c.id)).status, 'responseReview');

    // Sending is no step from the coordinator's review: the B1 team comes first.
    await assert.rejects(step(coordinator, c.id, 'sendResponse'), refusedWith('conflict'));
    await step(coordinator, c.id, 'toPlainLanguageReview', { note: 'Inhoud is goed.' });
    const inReview = await caseRow(c.id);
    assert.equal(inReview.status, 'plainLanguageReview');
    assert.ok((await taskQueue(b1)).includes(c.id), 'the review task is in the B1 team’s queue');
    await assert.rejects(step(coordinator, c.id, 'approvePlainLanguage'), refusedWith('forbidden'));
    await assert.rejects(step(coordinator, c.id, 'sendResponse'), refusedWith('conflict'));

    // The B1 team can send it back, then approve it.
    await step(b1, c.id, 'plainLanguageChanges', { note: 'Kortere zinnen, geen vaktaal.' });
    assert.equal((await caseRow(c.id)).status, 'responseReview');
    await step(coordinator, c.id, 'toPlainLanguageReview');
    await step(b1, c.id, 'approvePlainLanguage', { note: 'Goed leesbaar.' });
    assert.equal((await caseRow(c.id)).status, 'responseApproved');

    // Sending the approved letter takes the sending step and closes the case.
    await approveAndSendLetter(env.services, { letterId: letter.id, version: letter.version, approver: coordinator });
    assert.equal((await caseRow(c.id)).status, 'closed');
  });
});
