import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { fitsFacts } from '../domain/process/roles.ts';
import type { Role } from '../domain/roles.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { loadProcesses, presetKeys } from './index.ts';
import { loadOrganisation } from '../config/organisation.ts';

/**
 * Seeds 001 and 002: "solved, client satisfied" may not close a complaint whose complainant is not
 * satisfied. That answer is refused at its field, naming the step that fits: offering the formal
 * route, after which the complainant files a formal complaint or the case closes without one.
 * What was done for the complainant (the remedy) is recorded and shown with the case's facts.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** Each preset with the shipped organisation that uses it (its teams), so it loads as it runs. */
const ORGS = [
  'config/demo-organisation.json',
  ...fs
    .readdirSync(path.join(root, 'config/examples'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `config/examples/${f}`),
].map((f) => loadOrganisation(path.join(root, f)));

describe('every preset: a step that closes a complaint informally cannot record "not satisfied"', () => {
  for (const key of presetKeys()) {
    test(key, () => {
      const org = ORGS.find((o) => o.processes.includes(key));
      assert.ok(org, `a shipped organisation uses ${key}`);
      const def = loadProcesses(org).get(key)!;
      const terminal = new Set(def.statuses.filter((s) => s.terminal).map((s) => s.key));
      for (const t of def.transitions) {
        const input = t.inputs.find((i) => i.fact === 'satisfied');
        if (!input || !terminal.has(t.to)) continue;
        assert.equal(fitsFacts(t, { satisfied: false }), false, `${t.key} refuses satisfied: no`);
        assert.equal(fitsFacts(t, { satisfied: true }), true, `${t.key} takes satisfied: yes`);
        // From the same statuses, a step records "not satisfied" and leads to a status with a way on
        // that is not closing (the formal complaint).
        const from = t.from === '*' ? [] : t.from;
        const offer = def.transitions.find(
          (x) =>
            x !== t &&
            from.every((f) => x.from === '*' || x.from.includes(f)) &&
            x.effects.some((e) => e.type === 'setFact' && e.fact === 'satisfied' && e.value === false),
        );
        assert.ok(offer, `${key}: a step from ${from.join(', ')} offers the formal route`);
        assert.ok(!terminal.has(offer.to));
        assert.ok(
          def.transitions.some((x) => x.from !== '*' && x.from.includes(offer.to) && !terminal.has(x.to)),
          `${key}: from ${offer.to} the complaint can go on formally`,
        );
      }
    });
  }
});

type Setup = {
  name: string;
  orgFile: string;
  handler: { roles: Role[]; teams: string[] };
  resolve: Record<string, unknown>;
  formalStep: string;
};
const SEEDS: Setup[] = [
  {
    name: 'seed 001 tax-complaint',
    orgFile: 'config/examples/municipal-tax-cooperation.json',
    handler: { roles: ['firstLineAgent'], teams: ['kcc'] },
    resolve: { solution: 'Aanslag samen doorgenomen.', contactMethod: 'phone', ground: 'communication' },
    formalStep: 'toCoordinator',
  },
  {
    name: 'seed 002 care-complaint',
    orgFile: 'config/examples/care-organisation.json',
    handler: { roles: ['teamLead'], teams: ['teamLeads'] },
    resolve: { solution: 'Samen een nieuwe afspraak gemaakt.' },
    formalStep: 'fileFormalComplaint',
  },
];

for (const seed of SEEDS) {
  describe(`${seed.name}: not satisfied leads to the formal route, not to closing`, () => {
    test('"not satisfied" is refused at its field; offering the formal route records it; closing records the remedy', async () => {
      const t = await createTestApp({ orgFile: path.join(root, seed.orgFile) });
      try {
        const handler: StaffActor = await buildStaff(t.services, seed.handler);
        const headers = await loginHeaders(t.services, handler);
        const newCase = async (subject: string) => {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/v1/cases',
            headers,
            payload: {
              subject,
              description: 'De klant is ontevreden.',
              channel: 'phone',
              complainant: { name: 'Fenna', email: 'fenna@example.org' },
            },
          });
          assert.equal(res.statusCode, 201, res.body);
          return res.json().id as string;
        };
        const take = (id: string, transition: string, inputs: Record<string, unknown>) =>
          t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/transitions`, headers, payload: { transition, inputs } });
        const detail = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers })).json();

        const unhappy = await newCase('Niemand belde terug');
        const refused = await take(unhappy, 'resolveInformally', {
          ...seed.resolve,
          remedy: 'Excuses aangeboden.',
          complainantSatisfied: false,
        });
        assert.equal(refused.statusCode, 400, refused.body);
        assert.match(refused.headers['content-type'] as string, /application\/problem\+json/);
        const param = refused.json().invalidParams[0];
        assert.equal(param.name, 'inputs.complainantSatisfied');
        assert.match(param.reason, /Niet tevreden: formele klacht aanbieden/);
        const still = await detail(unhappy);
        assert.equal(still.closedAt, null, 'the case did not close');
        assert.ok(!still.facts.some((f: { key: string }) => f.key === 'outcome'));

        const offered = await take(unhappy, 'offerFormalRoute', { solution: 'Gebeld, uitleg gegeven.', remedy: 'Excuses aangeboden.' });
        assert.equal(offered.statusCode, 200, offered.body);
        const afterOffer = offered.json();
        assert.equal(afterOffer.status, 'formalRouteOffered');
        assert.equal(afterOffer.closedAt, null);
        const facts = Object.fromEntries(afterOffer.facts.map((f: { key: string; value: unknown }) => [f.key, f.value]));
        assert.deepEqual([facts.satisfied, facts.formalRouteOffered, facts.remedy], [false, true, 'Excuses aangeboden.']);
        const steps = afterOffer.abilities.transitions.map((x: { key: string }) => x.key);
        assert.ok(steps.includes(seed.formalStep), `the formal complaint is offered: ${steps.join(', ')}`);
        assert.ok(steps.includes('closeWithoutFormalComplaint'));
        assert.ok(!steps.includes('resolveInformally'));

        // The complainant does not want a formal complaint: closed as such, not as "resolved".
        const declined = await take(unhappy, 'closeWithoutFormalComplaint', { note: 'Klant wil geen formele klacht.' });
        assert.equal(declined.statusCode, 200, declined.body);
        const closedFacts = Object.fromEntries(declined.json().facts.map((f: { key: string; value: unknown }) => [f.key, f.value]));
        assert.equal(closedFacts.outcome, 'withdrawn');
        assert.equal(declined.json().status, 'closedWithoutFormalComplaint');

        // Satisfied: closed as resolved, and what was done for the complainant is on the case page.
        const happy = await newCase('Verkeerde afspraak');
        const solved = await take(happy, 'resolveInformally', {
          ...seed.resolve,
          remedy: 'Nieuwe afspraak op de dag die de klant wilde.',
          complainantSatisfied: true,
        });
        assert.equal(solved.statusCode, 200, solved.body);
        const remedy = solved.json().facts.find((f: { key: string }) => f.key === 'remedy');
        assert.deepEqual(
          [remedy.value, remedy.label.nl],
          ['Nieuwe afspraak op de dag die de klant wilde.', 'Wat wij voor de klager doen (herstel)'],
        );
        assert.ok(solved.json().facts.some((f: { key: string; value: unknown }) => f.key === 'outcome' && f.value === 'resolved'));
      } finally {
        await t.close();
      }
    });
  });
}
