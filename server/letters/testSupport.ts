import type { StaffActor } from '../commands/context.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { asActor, buildStaff, type TestEnv } from '../test/harness.ts';

/** Test factories for letters: the KCC people, and a statutory case that has reached the decision letter. */
export async function kccPeople(env: TestEnv) {
  return {
    agent: await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] }),
    coordinator: await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'], name: 'Kees Coördinator' }),
    coordinator2: await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'], name: 'Carla Coördinator' }),
    backOffice: await buildStaff(env.services, { roles: ['backOffice'], teams: ['backOffice'], name: 'Bo Backoffice' }),
  };
}
export type KccPeople = Awaited<ReturnType<typeof kccPeople>>;

export async function caseAtDecisionLetter(env: TestEnv, p: KccPeople, complainant: Record<string, string> = {}) {
  const s = env.services;
  const c = await asActor(s, p.agent, (ctx) =>
    registerCase(ctx, {
      subject: 'Onbeleefd behandeld aan de balie',
      description: 'De medewerker aan de balie was onbeleefd.',
      channel: 'letter',
      complainant: {
        kind: 'person',
        name: 'Evi Jangha',
        email: 'evi@voorbeeld.example',
        street: 'Dorpsstraat 1',
        postcode: '1234 AB',
        city: 'Dorp',
        ...complainant,
      },
      data: {},
    }),
  );
  const step = (actor: StaffActor, transition: string, inputs: Record<string, unknown> = {}) =>
    asActor(s, actor, (ctx) => transitionCase(ctx, { caseId: c.id, transition, inputs }));
  await step(p.agent, 'forwardToCoordinator');
  await step(p.coordinator, 'acknowledge');
  await step(p.coordinator, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
  await step(p.coordinator, 'forwardForJudgment');
  await step(p.backOffice, 'judge', { judgment: 'partlyFounded', judgmentReasons: 'De medewerker had u rustiger moeten helpen.' });
  await step(p.coordinator, 'skipHearing', { hearingSkipReason: 'complainantDeclined' });
  return c.id;
}

export { writeAndSendLetter } from '../demo/demoLetters.ts';
