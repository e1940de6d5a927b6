import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import type { StaffActor } from '../commands/context.ts';
import { processDefinitionSchema } from '../domain/process/definition.ts';
import { transitionsFrom } from '../domain/process/validateProcess.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { presetKeys, PRESET_DIR, readDefinitionFile } from './index.ts';

/**
 * A task a step creates is work for the status that step enters (seed 000: "Nieuwe activiteit
 * aanmaken voor de klachtencoördinator"). Once the case leaves that status the work is done or moot;
 * an open task left behind sits in a queue and turns overdue with the case.
 */
let env: TestEnv;
let agent: StaffActor;
let coordinator: StaffActor;
before(async () => {
  env = await createTestServices();
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
});
after(() => env.close());

const openTasks = async (caseId: string) =>
  (
    await env.services.db
      .selectFrom('activity')
      .select('task_key')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'task')
      .where('status', 'in', ['open', 'inProgress'])
      .orderBy('task_key')
      .execute()
  ).map((t) => t.task_key);

describe('tasks end with the status they were made for', () => {
  test('KCC: the coordinator\'s "assess" task is done once the case is assessed (and when it goes back to the first line)', async () => {
    const register = () =>
      asActor(env.services, agent, (ctx) =>
        registerCase(ctx, {
          subject: 'Niemand belt terug',
          description: 'Ik heb drie keer gebeld.',
          channel: 'phone',
          complainant: { kind: 'person', name: 'Evi Jangha', email: 'evi@example.org' },
          data: {},
        }),
      );
    const step = (actor: StaffActor, caseId: string, transition: string, inputs: Record<string, unknown> = {}) =>
      asActor(env.services, actor, (ctx) => transitionCase(ctx, { caseId, transition, inputs }));

    const assessed = await register();
    await step(agent, assessed.id, 'forwardToCoordinator');
    assert.deepEqual(await openTasks(assessed.id), ['assessCase']);
    await step(coordinator, assessed.id, 'acknowledge');
    assert.deepEqual(await openTasks(assessed.id), []);

    const returned = await register();
    await step(agent, returned.id, 'forwardToCoordinator');
    await step(coordinator, returned.id, 'returnToFirstLine', { note: 'Vraag het klantnummer na.' });
    assert.deepEqual(await openTasks(returned.id), ['completeCase']);
    await step(agent, returned.id, 'forwardToCoordinator');
    assert.deepEqual(await openTasks(returned.id), ['assessCase']);
    await step(coordinator, returned.id, 'requestInformation', { informationRequested: 'Uw klantnummer, graag.' });
    assert.deepEqual(await openTasks(returned.id), []);
  });

  test('in every preset, each step that leaves a status completes the tasks the steps into it created', () => {
    const problems: string[] = [];
    for (const key of presetKeys()) {
      const def = processDefinitionSchema.parse(readDefinitionFile(`${PRESET_DIR}/${key}.json`));
      for (const into of def.transitions.filter((t) => t.effects.some((e) => e.type === 'createTask'))) {
        for (const out of transitionsFrom(def, into.to)) {
          if (out.from === '*') continue;
          if (!out.effects.some((e) => e.type === 'completeTasks'))
            problems.push(`${key}: "${out.key}" leaves "${into.to}" but leaves the task of "${into.key}" open`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
