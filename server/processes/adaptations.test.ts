import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import type { StaffActor } from '../commands/context.ts';
import { AppError } from '../domain/errors.ts';
import { applyEffect } from '../engine/registry.ts';
import { availableTransitions } from '../policies/casePolicy.ts';
import { workQueuePage } from '../queries/workQueue.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';

/**
 * Three adaptations an organisation makes in its process file, without code (issue part 6), shown
 * with a small fixture process (server/test/fixtures/adaptations-process.json) and its organisation
 * (adaptations-organisation.json):
 * 1. sending a complaint out, the coordinator chooses among several configured departments: a select
 *    input of team keys that records the fact "department", with assignTeam and createTask taking
 *    their team from it;
 * 2. an extra review step with its own role: a plain-language review by a quality officer's team,
 *    between drafting the answer and sending it;
 * 3. mail to a configured address as a step's effect, and to the manager of the chosen department's
 *    org unit (orgUnits[].manager in the organisation configuration).
 */
const fixtures = path.resolve(import.meta.dirname, '../test/fixtures');

let env: TestEnv;
let coordinator: StaffActor;
let taxes: StaffActor;
let parking: StaffActor;
let editor: StaffActor;
let teams: Map<string, string>;

before(async () => {
  env = await createTestServices({ orgFile: path.join(fixtures, 'adaptations-organisation.json') });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['complaintsDesk'], name: 'Coördinator' });
  taxes = await buildStaff(env.services, { roles: ['department'], teams: ['taxesTeam'], name: 'Medewerker Belastingen' });
  parking = await buildStaff(env.services, { roles: ['department'], teams: ['parkingTeam'], name: 'Medewerker Parkeren' });
  editor = await buildStaff(env.services, { roles: ['qualityOfficer'], teams: ['plainLanguageTeam'], name: 'Redacteur' });
  teams = new Map((await env.services.db.selectFrom('team').select(['id', 'key']).execute()).map((t) => [t.key, t.id]));
});
after(async () => {
  await env?.close();
});

const register = (subject: string) =>
  asActor(env.services, coordinator, (ctx) =>
    registerCase(ctx, {
      subject,
      description: 'De klager is het niet eens met hoe zij is behandeld.',
      channel: 'email',
      complainant: { kind: 'person', name: 'Sanne Bakker', email: 'sanne@voorbeeld.example' },
      data: {},
    }),
  );
const step = (who: StaffActor, caseId: string, transition: string, inputs: Record<string, unknown> = {}) =>
  asActor(env.services, who, (ctx) => transitionCase(ctx, { caseId, transition, inputs }));
const caseRow = (id: string) =>
  env.services.db
    .selectFrom('cases')
    .select(['status', 'assignee_team_id', 'assignee_user_id', 'facts'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const mailOf = (caseId: string) =>
  env.services.db
    .selectFrom('outbox_message')
    .select(['template_key', 'recipient_role', 'to_address', 'to_name', 'body_text'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
const teamQueue = async (who: StaffActor) =>
  (await workQueuePage(env.services, who, { queue: 'team', kind: 'task', sort: 'createdAt', limit: 50 })).rows.map((r) => r.case_id);
const refusedWith = (code: AppError['code']) => (err: unknown) => err instanceof AppError && err.code === code;

describe('adaptations without code', () => {
  test('1 and 3: the coordinator chooses the department; the case, its task and the mail to that department’s manager follow', async () => {
    const toParking = await register('Boete terwijl ik een vergunning had');
    const toTaxes = await register('Aanslag afvalstoffenheffing klopt niet');
    // Only a configured department the step offers may be chosen.
    await assert.rejects(
      step(coordinator, toParking.id, 'sendToDepartment', { chosenDepartment: 'complaintsDesk' }),
      refusedWith('invalid'),
    );

    await step(coordinator, toParking.id, 'sendToDepartment', { chosenDepartment: 'parkingTeam', question: 'Klopt de boete?' });
    await step(coordinator, toTaxes.id, 'sendToDepartment', { chosenDepartment: 'taxesTeam' });

    const parkingCase = await caseRow(toParking.id);
    assert.equal(parkingCase.status, 'withDepartment');
    assert.equal(parkingCase.assignee_team_id, teams.get('parkingTeam'), 'the case is with the chosen team');
    assert.equal(parkingCase.assignee_user_id, null);
    assert.equal((parkingCase.facts as Record<string, unknown>).department, 'parkingTeam', 'the choice is the standard fact "department"');
    assert.equal((await caseRow(toTaxes.id)).assignee_team_id, teams.get('taxesTeam'));

    // Each department's queue holds its own case's task, not the other's.
    assert.deepEqual(await teamQueue(parking), [toParking.id]);
    assert.deepEqual(await teamQueue(taxes), [toTaxes.id]);

    // The manager configured on the chosen department's org unit is told, by name.
    const parkingMail = await mailOf(toParking.id);
    assert.deepEqual(
      parkingMail.map((m) => [m.template_key, m.recipient_role, m.to_address, m.to_name]),
      [['caseNotice', 'staffContact', 't.dewit@aanpasbaar.example', 'Ton de Wit']],
    );
    assert.match(parkingMail[0]!.body_text, /Beste Ton de Wit/);
    assert.match(parkingMail[0]!.body_text, /Boete terwijl ik een vergunning had/);
    assert.deepEqual(
      (await mailOf(toTaxes.id)).map((m) => m.to_address),
      ['m.verhoeven@aanpasbaar.example'],
    );
  });

  test('2 and 3: a plain-language review by its own role comes between drafting and sending; sending mails a configured address', async () => {
    const c = await register('Brief was onbegrijpelijk');
    await step(coordinator, c.id, 'sendToDepartment', { chosenDepartment: 'parkingTeam' });
    await step(parking, c.id, 'draftAnswer', { answer: 'U heeft gelijk. De boete vervalt.' });

    const inReview = await caseRow(c.id);
    assert.equal(inReview.status, 'plainLanguageReview', 'drafting the answer leads to the review, not to sending');
    assert.equal(inReview.assignee_team_id, teams.get('plainLanguageTeam'), 'the review is with its own team');
    assert.deepEqual(await teamQueue(editor), [c.id], "the review task is in the editors' queue");

    // Sending waits for the review, and only the review's role may take it.
    await assert.rejects(step(coordinator, c.id, 'sendAnswer'), refusedWith('conflict'));
    await assert.rejects(step(coordinator, c.id, 'approvePlainLanguage'), refusedWith('forbidden'));
    // The department's part is done, its task too: it no longer works on the case (scope.ts), as if outside its scope.
    await assert.rejects(step(parking, c.id, 'approvePlainLanguage'), refusedWith('not_found'));
    const def = env.services.processes.defaultProcess;
    const facts = inReview.facts as Record<string, unknown>;
    assert.deepEqual(
      availableTransitions(editor, def, inReview.status, facts).map((t) => t.key),
      ['approvePlainLanguage'],
    );
    assert.deepEqual(availableTransitions(coordinator, def, inReview.status, facts), []);

    await step(editor, c.id, 'approvePlainLanguage', { note: 'Korte zinnen, geen jargon.' });
    assert.equal((await caseRow(c.id)).status, 'answerReady');
    await step(coordinator, c.id, 'sendAnswer');
    assert.equal((await caseRow(c.id)).status, 'closed');

    const notice = (await mailOf(c.id)).filter((m) => m.to_address === 'kwaliteit@aanpasbaar.example');
    assert.deepEqual(
      notice.map((m) => [m.template_key, m.recipient_role]),
      [['caseNotice', 'staffContact']],
    );
    assert.match(notice[0]!.body_text, /Brief was onbegrijpelijk/);
  });

  test('a department choice left empty (an optional input) is refused at that input, not a server error', async () => {
    const c = await register('Zonder afdeling');
    const def = env.services.processes.defaultProcess;
    const transition = def.transitions.find((t) => t.key === 'sendToDepartment')!;
    await assert.rejects(
      asActor(env.services, coordinator, (ctx) =>
        applyEffect(
          ctx,
          { caseId: c.id, def, transition, inputs: {}, facts: {}, key: 'empty' },
          { type: 'assignTeam', teamFromInput: 'chosenDepartment' },
        ),
      ),
      (err: unknown) => err instanceof AppError && err.code === 'invalid' && err.invalidParams[0]?.name === 'inputs.chosenDepartment',
    );
  });
});
