import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { loadOrganisation } from '../config/organisation.ts';
import type { ProcessDefinition, Transition } from '../domain/process/definition.ts';
import { transitionsFrom } from '../domain/process/validateProcess.ts';
import { ROLES } from '../domain/roles.ts';
import { asActor, buildStaff, createTestServices } from '../test/harness.ts';
import { PRESET_DIR, presetKeys, readDefinitionFile } from './index.ts';

/**
 * Awb 2:3: a complaint meant for another body is sent on to that body, and the complainant is told
 * where it went at the same time. Every preset under the Awb has that step: the body is recorded as
 * a fact, the complaint goes to the body's address when one is given, the notice names the body, and
 * the outcome is "forwarded". Each preset runs in an organisation configuration that uses it.
 */
const CONFIGS = [
  path.resolve(import.meta.dirname, '../../config/demo-organisation.json'),
  ...fs
    .readdirSync(path.resolve(import.meta.dirname, '../../config/examples'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.resolve(import.meta.dirname, '../../config/examples', f)),
];
const awbPresets = presetKeys().filter(
  (key) => (readDefinitionFile(path.join(PRESET_DIR, `${key}.json`)) as { regime?: string }).regime === 'awb',
);

/** The step that forwards: it records the other body and ends with the outcome "forwarded". */
const forwardStep = (def: ProcessDefinition) =>
  def.transitions.find(
    (t) =>
      t.inputs.some((i) => i.fact === 'forwardedTo') &&
      t.effects.some((e) => e.type === 'setFact' && e.fact === 'outcome' && e.value === 'forwarded'),
  );

/** A shortest walk from the first status to one the step starts from, over steps that need nothing filled in. */
function walkTo(def: ProcessDefinition, targets: readonly string[]): Transition[] {
  const seen = new Map<string, Transition[]>([[def.initialStatus, []]]);
  const queue = [def.initialStatus];
  while (queue.length) {
    const status = queue.shift()!;
    if (targets.includes(status)) return seen.get(status)!;
    for (const t of transitionsFrom(def, status)) {
      if (t.from === '*' || t.trigger || t.guards.length || t.inputs.some((i) => i.required) || seen.has(t.to)) continue;
      if (t.roles.every((r) => r === 'system')) continue;
      seen.set(t.to, [...seen.get(status)!, t]);
      queue.push(t.to);
    }
  }
  throw new Error(`${def.key}: no plain walk to ${targets.join(', ')}`);
}

describe('Awb 2:3: forwarding a complaint meant for another body', () => {
  test('there are Awb presets, and each is used by an organisation configuration', () => {
    assert.ok(awbPresets.length >= 2, awbPresets.join(', '));
    for (const key of awbPresets)
      assert.ok(
        CONFIGS.some((f) => loadOrganisation(f).processes.includes(key)),
        key,
      );
  });

  for (const key of awbPresets) {
    test(`${key}: the complaint goes to the other body, the complainant is told where, the outcome is "forwarded"`, async () => {
      const env = await createTestServices({ orgFile: CONFIGS.find((f) => loadOrganisation(f).processes.includes(key)) });
      try {
        const def = env.services.processes.get(key)!;
        const step = forwardStep(def);
        assert.ok(step, `${key} has a step that forwards the complaint (Awb 2:3)`);
        assert.ok(def.statuses.find((s) => s.key === step.to)?.terminal, 'forwarding closes the case');
        const staff = await buildStaff(env.services, { roles: [...ROLES], teams: env.services.org.teams.map((t) => t.key) });
        const register = () =>
          asActor(env.services, staff, (ctx) =>
            registerCase(ctx, {
              processKey: key,
              subject: 'Mijn toeslag is te laag',
              description: 'Ik krijg te weinig huurtoeslag. Dat is niet eerlijk.',
              channel: 'email',
              complainant: {
                kind: 'person',
                name: 'Evi Jangha',
                email: 'evi@example.org',
                street: 'Dorpsstraat 1',
                postcode: '1234 AB',
                city: 'Dorp',
              },
              data: {},
            }),
          );
        const forward = async (inputs: Record<string, unknown>) => {
          const c = await register();
          for (const t of walkTo(def, step.from as string[]))
            await asActor(env.services, staff, (ctx) => transitionCase(ctx, { caseId: c.id, transition: t.key, inputs: {} }));
          const input = (fact: string) => step.inputs.find((i) => i.fact === fact)!.key;
          await asActor(env.services, staff, (ctx) =>
            transitionCase(ctx, {
              caseId: c.id,
              transition: step.key,
              inputs: Object.fromEntries(Object.entries(inputs).map(([fact, v]) => [input(fact), v])),
            }),
          );
          return c.id;
        };
        const mail = (caseId: string, template: string) =>
          env.services.db
            .selectFrom('outbox_message')
            .select(['to_address', 'recipient_role', 'body_text'])
            .where('case_id', '=', caseId)
            .where('template_key', '=', template)
            .execute();

        const id = await forward({ forwardedTo: 'Dienst Toeslagen', forwardedToAddress: 'klachten@toeslagen.example' });
        const row = await env.services.db.selectFrom('cases').select(['facts', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.notEqual(row.closed_at, null);
        assert.equal(row.facts.outcome, 'forwarded');
        assert.equal(row.facts.forwardedTo, 'Dienst Toeslagen');
        const [notice] = await mail(id, 'forwardingNotice');
        assert.equal(notice?.to_address, 'evi@example.org');
        assert.match(notice!.body_text, /doorgestuurd naar: Dienst Toeslagen\./);
        const [sentOn] = await mail(id, 'complaintForwarded');
        assert.equal(sentOn?.to_address, 'klachten@toeslagen.example');
        assert.match(sentOn!.body_text, /Ik krijg te weinig huurtoeslag\. Dat is niet eerlijk\./);
        assert.match(sentOn!.body_text, /De klager:\nEvi Jangha\nDorpsstraat 1\n1234 AB Dorp\nevi@example\.org/);
        assert.match(sentOn!.body_text, /Awb artikel 2:3/);
        assert.doesNotMatch(sentOn!.body_text, /\/volgen\/|\/meldingen\//, 'no link into our systems goes to another body');

        // Without the body's address the complainant is still told, and the timeline says the complaint still has to go.
        const noAddress = await forward({ forwardedTo: 'Gemeente Dorp' });
        assert.equal((await mail(noAddress, 'complaintForwarded')).length, 0);
        assert.match((await mail(noAddress, 'forwardingNotice'))[0]!.body_text, /doorgestuurd naar: Gemeente Dorp\./);
        const notSent = await env.services.db
          .selectFrom('timeline_event')
          .select('data')
          .where('case_id', '=', noAddress)
          .where('type', '=', 'messageNotSent')
          .execute();
        assert.deepEqual(
          notSent.map((e) => e.data),
          [{ template: 'complaintForwarded', reason: 'noAddressGiven' }],
        );
      } finally {
        await env.close();
      }
    });
  }
});
