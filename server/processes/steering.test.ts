import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { caseClocks } from '../commands/caseClock.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import type { StaffActor } from '../commands/context.ts';
import { AppError } from '../domain/errors.ts';
import { draftLetter } from '../letters/draftLetter.ts';
import { caseAbilities } from '../policies/casePolicy.ts';
import { draftableLetterKinds } from '../policies/letterPolicy.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';

/**
 * Seed 000's preset: the coordinator's classification steers the path. A signal has no Awb clocks
 * and no judgment or decision-letter path; a statutory complaint has no standard-response shortcut;
 * the Awb 9:8 notice clock stops once not handling can no longer be decided.
 */
let env: TestEnv;
let agent: StaffActor, coordinator: StaffActor, backOffice: StaffActor;

before(async () => {
  env = await createTestServices();
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
  backOffice = await buildStaff(env.services, { roles: ['backOffice'], teams: ['backOffice'] });
});
after(() => env.close());

const step = (actor: StaffActor, caseId: string, transition: string, inputs: Record<string, unknown> = {}) =>
  asActor(env.services, actor, (ctx) => transitionCase(ctx, { caseId, transition, inputs }));

async function classified(kind: 'complaint' | 'signal', statutory: boolean) {
  const c = await asActor(env.services, agent, (ctx) =>
    registerCase(ctx, {
      subject: 'Wachttijd aan de telefoon',
      description: 'Ik wachtte een uur.',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Sanne de Boer', email: 'sanne@example.org' },
      data: {},
    }),
  );
  await step(agent, c.id, 'forwardToCoordinator');
  await step(coordinator, c.id, 'acknowledge');
  await step(coordinator, c.id, 'classify', { classification: kind, formality: 'informal', ground: 'communication', statutory });
  return c.id;
}

const load = (id: string) => env.services.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const stepsOffered = async (actor: StaffActor, id: string) => {
  const c = await load(id);
  return caseAbilities(actor, env.services.processes.get(c.process_key)!, c).transitions.map((t) => t.key);
};

describe('classification steers the path (seed 000)', () => {
  test('a signal: no Awb clocks, no judgment step, no decision letter; the standard response is offered', async () => {
    const id = await classified('signal', false);
    const c = await load(id);
    assert.deepEqual(c.facts, { channel: 'phone', kind: 'signal', formality: 'informal', ground: 'communication', statutory: false });
    assert.equal(c.handling_deadline, null, 'no statutory handling deadline for a signal');
    const keys = caseClocks(env.services, c, env.services.clock.now()).map((k) => k.key);
    assert.ok(!keys.includes('handling') && !keys.includes('notHandlingNotice'), keys.join());
    const offered = await stepsOffered(coordinator, id);
    assert.ok(!offered.includes('forwardForJudgment'), offered.join());
    assert.ok(offered.includes('draftStandardLetter') && offered.includes('forwardForStandardLetter'), offered.join());
    await assert.rejects(step(coordinator, id, 'forwardForJudgment'), (e: unknown) => e instanceof AppError && e.code === 'conflict');
    const kinds = draftableLetterKinds(coordinator, env.services.processes.get(c.process_key), c);
    assert.ok(!kinds.includes('decision') && kinds.includes('standard'), kinds.join());
    await assert.rejects(
      asActor(env.services, coordinator, (ctx) => draftLetter(ctx, { caseId: id, kind: 'decision' })),
      (e: unknown) => e instanceof AppError && e.code === 'invalid',
    );
  });

  test('a statutory complaint: the judgment path only, no standard-response shortcut; the clocks run', async () => {
    const id = await classified('complaint', true);
    const c = await load(id);
    assert.notEqual(c.handling_deadline, null);
    const offered = await stepsOffered(coordinator, id);
    assert.ok(offered.includes('forwardForJudgment'), offered.join());
    assert.ok(!offered.includes('draftStandardLetter') && !offered.includes('forwardForStandardLetter'), offered.join());
    await assert.rejects(step(coordinator, id, 'draftStandardLetter'), (e: unknown) => e instanceof AppError && e.code === 'conflict');
    const kinds = draftableLetterKinds(coordinator, env.services.processes.get(c.process_key), c);
    assert.ok(kinds.includes('decision') && !kinds.includes('standard'), kinds.join());
  });

  test('the Awb 9:8 notice clock stops, unused, once the complaint goes to judgment', async () => {
    const id = await classified('complaint', true);
    const before = caseClocks(env.services, await load(id), env.services.clock.now()).find((k) => k.key === 'notHandlingNotice');
    assert.notEqual(before?.state, 'stopped');
    await step(coordinator, id, 'forwardForJudgment');
    await step(backOffice, id, 'judge', { judgment: 'founded', judgmentReasons: 'Te lang gewacht.', normsBreached: ['timely'] });
    const c = await load(id);
    const after = caseClocks(env.services, c, env.services.clock.now()).find((k) => k.key === 'notHandlingNotice');
    assert.equal(after?.state, 'stopped');
    assert.equal(after?.outcome, 'notUsed');
    assert.deepEqual((c.facts as { normsBreached?: string[] }).normsBreached, ['timely']);
    assert.equal((c.facts as { judgment?: string }).judgment, 'founded');
  });
});
