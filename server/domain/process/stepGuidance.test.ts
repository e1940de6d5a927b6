import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { ProcessDefinitionInput } from './definition.ts';
import { type Facts, stepsFor } from './roles.ts';
import { type GuidanceContext, recommendedStep, stepConsequences } from './stepGuidance.ts';
import { validateProcess } from './validateProcess.ts';

const preset = (name: string, teams: string[]) =>
  validateProcess(
    JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../config/processes', name), 'utf8')) as ProcessDefinitionInput,
    { teams },
  );
const kcc = preset('kcc-complaint.json', ['kcc', 'coordinators', 'backOffice', 'department']);
const TEAM_NAMES: Record<string, string> = { backOffice: 'Backoffice', coordinators: 'Klachtcoördinatoren' };
const ctx = (over: Partial<GuidanceContext> = {}): GuidanceContext => ({
  complete: true,
  letters: [],
  teamName: (k) => TEAM_NAMES[k],
  clocksRun: true,
  ...over,
});
const recommended = (status: string, facts: Facts, over: Partial<GuidanceContext> = {}) =>
  recommendedStep(kcc, status, stepsFor(kcc, status, facts), ctx(over));

describe('the recommended step follows the definition', () => {
  test('after classification a statutory complaint goes for judgment; a non-statutory one to the standard letter', () => {
    assert.equal(recommended('classified', { kind: 'complaint', statutory: true }), 'forwardForJudgment');
    assert.equal(recommended('classified', { kind: 'complaint', statutory: false }), 'forwardForStandardLetter');
  });

  test('an incomplete complaint: ask for the missing information; a complete one moves on', () => {
    assert.equal(recommended('registered', {}, { complete: false }), 'requestInformation');
    assert.equal(recommended('registered', {}), 'forwardToCoordinator');
  });

  test('during letter review the letter is the way forward (sending it), never referral', () => {
    assert.equal(recommended('letterReview', {}), 'sendLetter');
  });

  test('no recommendation while the case waits for the complainant, nor on an exit', () => {
    assert.equal(recommended('awaitingInformation', {}), null);
    assert.equal(recommended('hearingInvited', {}), null);
    const onlyExit = kcc.transitions.filter((t) => t.from === '*');
    assert.equal(recommendedStep(kcc, 'classified', onlyExit, ctx()), null);
  });

  test('an unconditional ending or a step back is not recommended when a step forward exists', () => {
    assert.equal(recommended('withCoordinator', {}), 'acknowledge');
    assert.equal(recommended('hearingHeld', {}), 'forwardForLetter');
  });
});

describe('what a step will do, in words', () => {
  const step = (key: string) => kcc.transitions.find((t) => t.key === key)!;

  test('forwarding names the team and the task, never a key', () => {
    const words = stepConsequences(kcc, step('forwardForJudgment'), ctx());
    assert.ok(words.some((w) => w.nl === 'De melding gaat naar team Backoffice' && w.en === 'The case goes to team Backoffice'));
    assert.ok(words.some((w) => w.nl === 'Er komt een taak voor team Backoffice: Oordeel geven'));
    for (const w of words) assert.doesNotMatch(`${w.nl} ${w.en}`, /backOffice|forwardForJudgment|withBackOffice/);
  });

  test('acknowledging mails the complainant; asking for information starts the wait', () => {
    assert.ok(stepConsequences(kcc, step('acknowledge'), ctx()).some((w) => w.nl === 'De klager krijgt een e-mail'));
    const ask = stepConsequences(kcc, step('requestInformation'), ctx());
    assert.ok(ask.some((w) => w.nl === 'Er loopt een wachttijd van 14 dagen' && w.en === 'A waiting period of 14 days starts'));
  });

  test('a closing step stops the deadline only where the regime clocks run', () => {
    assert.ok(stepConsequences(kcc, step('refer'), ctx()).some((w) => w.nl === 'De termijn stopt' && w.en === 'The deadline stops'));
    assert.ok(!stepConsequences(kcc, step('refer'), ctx({ clocksRun: false })).some((w) => w.nl === 'De termijn stopt'));
  });
});
