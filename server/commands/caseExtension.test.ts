import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { extendHandlingPeriod } from './caseExtension.ts';
import { registerCase } from './caseRegistrar.ts';
import { transitionCase } from './caseTransitioner.ts';
import type { StaffActor } from './context.ts';

/**
 * Awb 9:11 lid 2: the written notice of an extension. It is signed by whoever answers for the
 * complaint (seed 000: the klachtencoördinator; the organisation's letter approvers), says "later
 * than before" only when a date was given before, and reads as one clean sentence per point.
 */
let env: TestEnv;
let agent: StaffActor;
let coordinator: StaffActor;
let backOffice: StaffActor;
before(async () => {
  env = await createTestServices();
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'], name: 'Anna Eerstelijn' });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'], name: 'Kees Coördinator' });
  backOffice = await buildStaff(env.services, { roles: ['backOffice'], teams: ['backOffice'], name: 'Bo Backoffice' });
});
after(() => env.close());

async function phoneComplaint(language: 'nl' | 'en' = 'nl') {
  return asActor(env.services, agent, (ctx) =>
    registerCase(ctx, {
      language,
      subject: 'Niemand belt terug',
      description: 'Ik heb drie keer gebeld en niemand belt terug.',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Evi Jangha', email: 'evi@example.org' },
      data: {},
    }),
  );
}
const step = (actor: StaffActor, caseId: string, transition: string, inputs: Record<string, unknown> = {}) =>
  asActor(env.services, actor, (ctx) => transitionCase(ctx, { caseId, transition, inputs }));
const notice = (caseId: string) =>
  env.services.db
    .selectFrom('outbox_message')
    .select('body_text')
    .where('case_id', '=', caseId)
    .where('template_key', '=', 'extensionNotice')
    .executeTakeFirstOrThrow()
    .then((m) => m.body_text);

describe('the extension notice (Awb 9:11)', () => {
  test('a case the first line still holds, no date given yet: the coordinator signs, the new date is stated plainly, one full stop', async () => {
    const c = await phoneComplaint();
    const held = await env.services.db.selectFrom('cases').select('assignee_user_id').where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(held.assignee_user_id, agent.id, 'the first-line agent holds the case');
    await asActor(env.services, coordinator, (ctx) =>
      extendHandlingPeriod(ctx, c.id, { weeks: 4, reason: 'Wij wachten op advies van de afdeling. ' }),
    );
    const text = await notice(c.id);
    assert.match(text, /De reden is: Wij wachten op advies van de afdeling\.\n/);
    assert.doesNotMatch(text, /\.\./);
    assert.match(text, /U krijgt uiterlijk \w+dag \d{1,2} \w+ \d{4} een antwoord\.\n/);
    assert.doesNotMatch(text, /later dan|weken later/, 'no date was ever given, so nothing is "later" than one');
    assert.match(text, /Met vriendelijke groet,\nKees Coördinator\n/);
    assert.doesNotMatch(text, /Anna Eerstelijn/);
  });

  test('the first-line agent extends a case nobody answers for yet: signed by the function, not by the agent', async () => {
    const c = await phoneComplaint();
    await asActor(env.services, agent, (ctx) => extendHandlingPeriod(ctx, c.id, { weeks: 2, reason: 'Wij vragen advies' }));
    const text = await notice(c.id);
    assert.match(text, /De reden is: Wij vragen advies\.\n/);
    assert.match(text, /Met vriendelijke groet,\nKlachtencoördinator\n/);
    assert.doesNotMatch(text, /Anna Eerstelijn/);
  });

  test('after the acknowledgment named a date, with the back office: the assessing coordinator signs, and it says the date is later', async () => {
    const c = await phoneComplaint();
    await step(agent, c.id, 'forwardToCoordinator');
    await step(coordinator, c.id, 'acknowledge');
    await step(coordinator, c.id, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
    await step(coordinator, c.id, 'forwardForJudgment');
    const held = await env.services.db.selectFrom('cases').select('assignee_user_id').where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(held.assignee_user_id, null, 'the back office team holds the case');
    await asActor(env.services, backOffice, (ctx) => extendHandlingPeriod(ctx, c.id, { weeks: 4, reason: 'Wij wachten op advies.' }));
    const text = await notice(c.id);
    assert.match(text, /U krijgt uiterlijk \w+dag \d{1,2} \w+ \d{4} een antwoord\. Dat is later dan de datum die wij u eerder gaven\.\n/);
    assert.doesNotMatch(text, /\.\./);
    assert.match(text, /Met vriendelijke groet,\nKees Coördinator\n/);
  });

  test('in English the same: the reason once, the date plainly when none was given before', async () => {
    const c = await phoneComplaint('en');
    await asActor(env.services, coordinator, (ctx) => extendHandlingPeriod(ctx, c.id, { weeks: 4, reason: 'We are waiting for advice.' }));
    const text = await notice(c.id);
    assert.match(text, /The reason is: We are waiting for advice\.\n/);
    assert.match(text, /You will get an answer by .+ at the latest\.\n/);
    assert.doesNotMatch(text, /weeks later|later than/);
    assert.match(text, /Kees Coördinator\n/);
  });
});
