import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import type { ProcessDefinitionInput } from './definition.ts';
import { ProcessDefinitionError, transitionsFrom, validateProcess } from './validateProcess.ts';

const kccComplaint: ProcessDefinitionInput = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../config/processes/kcc-complaint.json'), 'utf8'),
);
const TEAMS = ['kcc', 'coordinators', 'backOffice', 'department'];
const clone = (): ProcessDefinitionInput => structuredClone(kccComplaint);

function problemsOf(def: ProcessDefinitionInput, teams = TEAMS): string[] {
  try {
    validateProcess(def, { teams });
  } catch (err) {
    assert.ok(err instanceof ProcessDefinitionError, String(err));
    return err.problems;
  }
  assert.fail('expected the definition to be refused');
}

describe('the seed 000 preset', () => {
  const def = validateProcess(kccComplaint, { teams: TEAMS });

  test('is valid and covers every step of §4.1–4.5', () => {
    const keys = def.transitions.map((t) => t.key);
    for (const step of [
      'requestInformation',
      'closeNoInformation',
      'forwardToCoordinator',
      'acknowledge',
      'returnToFirstLine',
      'classify',
      'forwardForJudgment',
      'judge',
      'inviteForHearing',
      'planHearing',
      'recordHearing',
      'hearingExpired',
      'forwardForLetter',
      'forwardForStandardLetter',
      'submitLetter',
      'sendLetter',
      'draftStandardLetter',
      'cancel',
      'decline',
      'forwardToDepartment',
      'departmentResponded',
      'refer',
    ]) {
      assert.ok(keys.includes(step), `missing step ${step}`);
    }
  });

  test('cancel is possible from every open status and from no closed one', () => {
    for (const s of def.statuses) {
      const canCancel = transitionsFrom(def, s.key).some((t) => t.key === 'cancel');
      assert.equal(canCancel, !s.terminal, s.key);
    }
  });

  test('system-only steps are the automatic ones of §4.5/§4.6', () => {
    const systemOnly = def.transitions
      .filter((t) => t.roles.length === 1 && t.roles[0] === 'system')
      .map((t) => t.key)
      .sort();
    assert.deepEqual(systemOnly, ['closeNoInformation', 'hearingExpired']);
  });
});

describe('an inconsistent definition is refused, naming the problem', () => {
  test('unknown target status', () => {
    const def = clone();
    def.transitions[0]!.to = 'nowhere';
    assert.ok(problemsOf(def).some((p) => p === 'transitions[0].to: unknown status "nowhere"'));
  });

  test('unreachable status', () => {
    const def = clone();
    def.statuses.push({
      key: 'limbo',
      label: { nl: 'Limbo', en: 'Limbo' },
      citizenLabel: { nl: 'x', en: 'x' },
      citizenStep: 'received',
      terminal: true,
    });
    assert.deepEqual(problemsOf(def), [`statuses[${def.statuses.length - 1}]: status "limbo" is unreachable`]);
  });

  test('unknown role', () => {
    const def = clone();
    (def.transitions[1]!.roles as string[]).push('janitor');
    assert.ok(problemsOf(def).some((p) => p.startsWith('transitions[1].roles[')));
  });

  test('missing label', () => {
    const def = clone();
    delete (def.statuses[2]!.label as { en?: string }).en;
    assert.ok(problemsOf(def).some((p) => p.startsWith('statuses[2].label.en')));
  });

  test('unknown team in an effect', () => {
    assert.ok(problemsOf(clone(), ['kcc', 'coordinators', 'department']).some((p) => p.includes('unknown team "backOffice"')));
  });

  test('a status that holds letters for a review step, where a step waits for the letter to be sent', () => {
    const def = clone();
    const i = def.statuses.findIndex((s) => s.key === 'letterReview');
    def.statuses[i]!.roles = ['holdsLetters'];
    assert.deepEqual(problemsOf(def), [
      `statuses[${i}].roles: "letterReview" holds letters for a review step, but its step "sendLetter" waits for a letter to be approved or sent`,
    ]);
    // Before the review (drafting) it fits: the letter is submitted there, and sent after the review.
    def.statuses[i]!.roles = [];
    def.statuses.find((s) => s.key === 'draftingLetter')!.roles = ['holdsLetters'];
    assert.doesNotThrow(() => validateProcess(def, { teams: TEAMS }));
  });

  test('a dead end that is not terminal, and a status defined twice', () => {
    const def = clone();
    def.statuses.push({ ...def.statuses[0]! });
    def.statuses.push({ key: 'stuck', label: { nl: 'Vast', en: 'Stuck' }, citizenLabel: { nl: 'x', en: 'x' }, citizenStep: 'received' });
    def.transitions.push({ key: 'toStuck', label: { nl: 'x', en: 'x' }, from: ['registered'], to: 'stuck', roles: ['coordinator'] });
    def.transitions = def.transitions.filter((t) => t.key !== 'cancel');
    const problems = problemsOf(def);
    assert.ok(problems.some((p) => p.endsWith('status "registered" is defined twice')));
    assert.ok(problems.some((p) => p.endsWith('status "stuck" is not terminal but has no way out')));
  });
});
