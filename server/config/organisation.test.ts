import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadProcesses, presetKeys } from '../processes/index.ts';
import { loadOrganisation } from './organisation.ts';

const root = path.resolve(import.meta.dirname, '../..');
const configs = [
  path.join(root, 'config/demo-organisation.json'),
  ...fs
    .readdirSync(path.join(root, 'config/examples'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(root, 'config/examples', f)),
];

test('every shipped organisation configuration loads, with its processes valid', () => {
  for (const file of configs) {
    const org = loadOrganisation(file);
    const processes = loadProcesses(org);
    assert.ok(processes.all().length >= 1, file);
  }
});

test('every preset is used by at least one shipped configuration', () => {
  const used = new Set(configs.flatMap((f) => loadOrganisation(f).processes));
  for (const key of presetKeys()) assert.ok(used.has(key), `preset ${key} is in no configuration`);
});

test('a configuration that names an unknown period or team is refused with the name in the message', () => {
  const tmp = path.join(fs.mkdtempSync(path.join(root, 'node_modules/.kf-')), 'org.json');
  const base = JSON.parse(fs.readFileSync(configs[0]!, 'utf8'));
  fs.writeFileSync(tmp, JSON.stringify({ ...base, processSettings: { 'kcc-complaint': { periods: { coffeeBreak: { hours: 1 } } } } }));
  assert.throws(() => loadProcesses(loadOrganisation(tmp)), /unknown period "coffeeBreak"/);
  fs.writeFileSync(tmp, JSON.stringify({ ...base, teams: base.teams.filter((t: { key: string }) => t.key !== 'backOffice') }));
  assert.throws(() => loadProcesses(loadOrganisation(tmp)), /unknown team "backOffice"/);
  fs.writeFileSync(tmp, JSON.stringify({ ...base, referencePrefix: 'kl-' }));
  assert.throws(() => loadOrganisation(tmp), /referencePrefix/);
  // An unhappy survey answer's review task needs a team to go to (off, the default, needs none).
  fs.writeFileSync(tmp, JSON.stringify({ ...base, survey: { reviewWhenScoreAtMost: 2, reviewTeam: 'nobody' } }));
  assert.throws(() => loadOrganisation(tmp), /survey.reviewTeam/);
  fs.writeFileSync(tmp, JSON.stringify({ ...base, survey: { reviewWhenScoreAtMost: 2, reviewTeam: 'coordinators' } }));
  assert.equal(loadOrganisation(tmp).survey.reviewTeam, 'coordinators');
  fs.rmSync(path.dirname(tmp), { recursive: true });
});
