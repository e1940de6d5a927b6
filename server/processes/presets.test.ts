import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { closeActivity, pickUpActivity } from '../commands/activityAssigner.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import type { StaffActor } from '../commands/context.ts';
import { AppError } from '../domain/errors.ts';
import { asActor, buildStaff, createTestServices } from '../test/harness.ts';
import { approveAndSendLetter, draftAndSubmitLetter } from '../demo/demoLetters.ts';
import { writeAndSendLetter } from '../letters/testSupport.ts';
import { markPosted } from '../post/markPosted.ts';

const example = (name: string) => path.resolve(import.meta.dirname, '../../config/examples', name);

type Env = Awaited<ReturnType<typeof createTestServices>>;

/** A complainant without e-mail gets the decision on paper: it is sent, and closes the case, once posted. */
async function postTheLetter(env: Env, caseId: string, poster: StaffActor) {
  const before = await env.services.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
  assert.notEqual(before.status, 'closed', 'a letter waiting for the post has not been sent yet');
  const item = await env.services.db
    .selectFrom('postal_item')
    .select('id')
    .where('case_id', '=', caseId)
    .where('letter_id', 'is not', null)
    .where('posted_at', 'is', null)
    .executeTakeFirstOrThrow();
  await asActor(env.services, poster, (ctx) => markPosted(ctx, item.id));
}

async function withOrg(file: string, fn: (env: Env) => Promise<void>) {
  const env = await createTestServices({ orgFile: example(file) });
  try {
    await fn(env);
  } finally {
    await env.close();
  }
}

describe('the presets of the other seed organisations run on the same engine', () => {
  test('seed 001 informal: the receiver solves it and records the solution and satisfaction; the 7-day norm is a clock', async () => {
    await withOrg('municipal-tax-cooperation.json', async (env) => {
      const receiver = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
      const c = await asActor(env.services, receiver, (ctx) =>
        registerCase(ctx, {
          subject: 'WOZ-brief onduidelijk',
          description: 'Ik snap de brief niet.',
          channel: 'phone',
          complainant: { kind: 'person', name: 'Henk' },
          data: {},
        }),
      );
      assert.match(c.reference, /^BSV-2026-/);
      await asActor(env.services, receiver, (ctx) =>
        transitionCase(ctx, {
          caseId: c.id,
          transition: 'resolveInformally',
          inputs: {
            solution: 'Brief samen doorgelopen aan de telefoon.',
            contactMethod: 'phone',
            complainantSatisfied: true,
            ground: 'communication',
          },
        }),
      );
      const row = await env.services.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'resolved');
      assert.equal(row.data.complainantSatisfied, true);
      assert.equal(row.data.solution, 'Brief samen doorgelopen aan de telefoon.');
    });
  });

  test('seed 001 warm hand-over, then formal: department drafts, coordinator sends', async () => {
    await withOrg('municipal-tax-cooperation.json', async (env) => {
      const receiver = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
      const coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
      const dept = await buildStaff(env.services, { roles: ['department'], teams: ['department'] });
      const b1 = await buildStaff(env.services, { roles: ['qualityOfficer'], teams: ['plainLanguage'] });
      const c = await asActor(env.services, receiver, (ctx) =>
        registerCase(ctx, {
          subject: 'Te hoge WOZ',
          description: 'Onjuist behandeld',
          channel: 'letter',
          complainant: { kind: 'person', name: 'Ans' },
          data: {},
        }),
      );
      const go = (who: StaffActor, transition: string, inputs: Record<string, unknown> = {}) =>
        asActor(env.services, who, (ctx) => transitionCase(ctx, { caseId: c.id, transition, inputs }));
      await go(receiver, 'toCoordinator');
      await go(coordinator, 'registerFormal', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
      await go(coordinator, 'assignToDepartment', {
        chosenDepartment: 'department',
        departmentQuestion: 'Graag een inhoudelijke reactie.',
      });
      // The department offers its letter, then records the judgment; the B1 team approves the
      // language; sending the letter closes the case.
      const letter = await draftAndSubmitLetter(env.services, { caseId: c.id, kind: 'decision', drafter: dept });
      await go(dept, 'submitResponse', { judgment: 'unfounded', judgmentReasons: 'De waarde is juist bepaald.' });
      await go(coordinator, 'toPlainLanguageReview');
      await go(b1, 'approvePlainLanguage');
      await approveAndSendLetter(env.services, { letterId: letter.id, version: letter.version, approver: coordinator });
      await postTheLetter(env, c.id, receiver);
      const row = await env.services.db.selectFrom('cases').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'closed');
    });
  });

  test('seed 002 care: Wkkgz 6-week clock; formal complaint decided by management', async () => {
    await withOrg('care-organisation.json', async (env) => {
      const lead = await buildStaff(env.services, { roles: ['teamLead'], teams: ['teamLeads'] });
      const quality = await buildStaff(env.services, { roles: ['qualityOfficer'], teams: ['quality'] });
      const manager = await buildStaff(env.services, { roles: ['serviceManager'], teams: ['management'] });
      const c = await asActor(env.services, lead, (ctx) =>
        registerCase(ctx, {
          subject: 'Medicatie te laat',
          description: 'Mijn moeder kreeg haar medicijnen te laat.',
          channel: 'counter',
          complainant: { kind: 'person', name: 'Dochter van mw. Bos' },
          data: {},
        }),
      );
      const row = await env.services.db
        .selectFrom('cases')
        .select(['regime', 'handling_deadline'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { regime: 'wkkgz', handling_deadline: '2026-04-13' });
      const go = (who: StaffActor, transition: string, inputs: Record<string, unknown> = {}) =>
        asActor(env.services, who, (ctx) => transitionCase(ctx, { caseId: c.id, transition, inputs }));
      await go(lead, 'discussWithClient');
      await go(lead, 'fileFormalComplaint', { note: 'Dochter is niet tevreden met het gesprek.' });
      await go(quality, 'toManagement', { classification: 'complaint', formality: 'formal', ground: 'substance' });
      await go(manager, 'decide', {
        judgment: 'founded',
        judgmentReasons: 'Overdracht ging mis.',
        measureForComplainant: 'Excuses en vaste contactpersoon.',
        preventionNeeded: true,
      });
      await writeAndSendLetter(env.services, { caseId: c.id, kind: 'decision', drafter: quality, approver: quality });
      await postTheLetter(env, c.id, quality);
      const row2 = await env.services.db.selectFrom('cases').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(row2.status, 'closed');
    });
  });

  test('seed 004 housing: action lines from the step template; closing only when every line is done', async () => {
    await withOrg('housing-corporation.json', async (env) => {
      const handler = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['liveability', 'maintenance'] });
      const c = await asActor(env.services, handler, (ctx) =>
        registerCase(ctx, {
          subject: 'Lekkage na reparatie',
          description: 'Het lekt weer.',
          channel: 'phone',
          complainant: { kind: 'person', name: 'Huurder' },
          data: {},
        }),
      );
      const go = (transition: string, inputs: Record<string, unknown> = {}) =>
        asActor(env.services, handler, (ctx) => transitionCase(ctx, { caseId: c.id, transition, inputs }));
      await go('openDossier');
      const lines = await env.services.db
        .selectFrom('activity')
        .select(['id', 'subject', 'due_at', 'assignee_team_id'])
        .where('case_id', '=', c.id)
        .where('task_key', '=', 'actionLine')
        .orderBy('due_at')
        .execute();
      assert.equal(lines.length, 4);
      assert.equal(lines[1]!.due_at!.toISOString(), '2026-03-09T09:00:00.000Z', 'proposed date 7 days on');
      await go('checkSolution');
      await assert.rejects(
        go('complete', { closingReason: 'resolved' }),
        (e: unknown) => e instanceof AppError && e.code === 'conflict' && /actieregels/.test(e.detail),
      );
      for (const line of lines) {
        await asActor(env.services, handler, (ctx) => pickUpActivity(ctx, line.id));
        await asActor(env.services, handler, (ctx) => closeActivity(ctx, line.id, { status: 'done', reason: 'Uitgevoerd' }));
      }
      assert.equal((await go('complete', { closingReason: 'resolved' })).status, 'closed');
    });
  });
});
