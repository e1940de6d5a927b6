import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadOrganisation } from '../../config/organisation.ts';
import { externalBodies } from '../mergeData.ts';
import { letterReadability } from '../readability.ts';
import { approvalProblems, findObjectionClauses } from '../validation.ts';
import { draftSections, letterTemplates, templateFor } from './index.ts';
import { PLACEHOLDER, type MergeData } from './types.ts';

const org = loadOrganisation();
const merge = (over: Partial<MergeData> = {}): MergeData => ({
  regime: 'awb',
  caseReference: 'KL-2026-000001',
  caseSubject: 'Onbeleefd behandeld aan de balie',
  receivedDate: '2 maart 2026',
  recipient: { name: 'Evi Jangha', addressLines: ['Dorpsstraat 1', '1234 AB  Dorp'] },
  complainantName: 'Evi Jangha',
  handlerName: 'Kees',
  organisationName: 'Voorbeeld',
  organisationPhone: '088 123 45 67',
  deadline: '13 april 2026',
  facts: {
    judgment: 'partlyFounded',
    judgmentReasons: 'De medewerker had u beter moeten helpen.',
    notHandlingReason: 'olderThanOneYear',
    externalBody: 'ombudsman',
  },
  extensionReason: 'Wij wachten nog op informatie van een andere afdeling.',
  bodies: externalBodies(org),
  ...over,
});
/** What a writer does: every `[Vul in …]` replaced by a short, plain sentence with a date in it. */
const completed = (text: string) =>
  text.replace(new RegExp(PLACEHOLDER.source, 'gi'), 'Dit is klaar voor 1 juni 2026. Wij hebben alles goed bekeken.');

test('every shipped template, once completed, passes approval and reads at B1 (Flesch-Douma ≥ 60)', () => {
  for (const t of letterTemplates()) {
    const m = merge({
      bodies: {
        ...externalBodies(org),
        disputesBody: { name: 'Geschillencommissie Zorg', addressLines: [], website: 'www.degeschillencommissiezorg.nl' },
      },
    });
    const sections = draftSections(t, m).map((s) => ({ ...s, text: completed(s.text) }));
    assert.deepEqual(approvalProblems(t, sections, m), [], t.key);
    const r = letterReadability(sections, t, org);
    assert.equal(r.belowThreshold, false, `${t.key}: Flesch-Douma ${r.scores.fleschDouma}`);
  }
});

test('no shipped template drafts an objection or appeal clause', () => {
  for (const t of letterTemplates()) {
    for (const code of ['objectionPossible', 'appealPossible', 'beforeCourt', 'handledBefore']) {
      for (const s of draftSections(t, merge({ facts: { notHandlingReason: code } })))
        assert.deepEqual(findObjectionClauses(s.text), [], `${t.key}/${s.key}`);
    }
  }
});

test('Awb letters name the ombudsman and the one-year term; a configured municipal ombudsman replaces the national one', () => {
  for (const kind of ['decision', 'notHandling'] as const) {
    const t = templateFor({}, 'kcc-complaint', 'awb', kind);
    const text = draftSections(t, merge())
      .map((s) => s.text)
      .join('\n');
    assert.match(text, /Nationale ombudsman/);
    assert.match(text, /binnen één jaar na de datum van deze brief/);
    assert.doesNotMatch(text, /Huurcommissie|geschilleninstantie/i);
  }
  const own = {
    ...externalBodies(org),
    ombudsman: { name: 'Ombudsman Metropool Voorbeeld', addressLines: ['Postbus 1', '1000 AA Voorbeeld'] },
  };
  const text = draftSections(templateFor({}, 'kcc-complaint', 'awbCommittee', 'decision'), merge({ bodies: own }))
    .map((s) => s.text)
    .join('\n');
  assert.match(text, /de Ombudsman Metropool Voorbeeld/);
  assert.doesNotMatch(text, /Nationale ombudsman/);
});

test('care letters name the configured geschilleninstantie, and cannot be approved without one', () => {
  const t = templateFor({}, 'care-complaint', 'wkkgz', 'decision');
  assert.equal(t.key, 'decision.care');
  const body = {
    name: 'Geschillencommissie Zorg',
    addressLines: ['Postbus 90600', '2509 LP Den Haag'],
    term: 'binnen één jaar nadat u de klacht bij ons meldde',
  };
  const m = merge({ regime: 'wkkgz', bodies: { ...externalBodies(org), disputesBody: body } });
  const text = draftSections(t, m)
    .map((s) => s.text)
    .join('\n');
  assert.match(text, /de Geschillencommissie Zorg/);
  assert.match(text, /binnen één jaar nadat u de klacht bij ons meldde/);
  assert.doesNotMatch(text, /ombudsman/i);
  const unconfigured = merge({ regime: 'wkkgz' });
  const problems = approvalProblems(
    t,
    draftSections(t, unconfigured).map((s) => (s.key === 'disputesBody' ? s : { ...s, text: completed(s.text) })),
    unconfigured,
  );
  assert.deepEqual(
    problems.map((p) => [p.section, p.code]),
    [['disputesBody', 'placeholder']],
  );
});

test('care letters need the term for the measures (Wkkgz art. 17)', () => {
  const t = templateFor({}, 'care-complaint', 'wkkgz', 'decision');
  const m = merge({
    regime: 'wkkgz',
    bodies: { ...externalBodies(org), disputesBody: { name: 'Geschillencommissie Zorg', addressLines: [] } },
  });
  const sections = draftSections(t, m).map((s) => ({
    ...s,
    text: s.key === 'measuresTerm' ? 'Dit doen wij zo snel mogelijk.' : completed(s.text),
  }));
  assert.deepEqual(
    approvalProblems(t, sections, m).map((p) => [p.section, p.code]),
    [['measuresTerm', 'check']],
  );
});

test('housing letters name the Huurcommissie and no Awb body', () => {
  const t = templateFor({}, 'housing-complaint', 'reglement', 'decision');
  const text = draftSections(t, merge({ regime: 'reglement' }))
    .map((s) => s.text)
    .join('\n');
  assert.match(text, /de Huurcommissie/);
  assert.doesNotMatch(text, /ombudsman|Awb/i);
});

test('a process may pick another template per kind; the regime decides otherwise', () => {
  assert.equal(
    templateFor({ 'kcc-complaint': { decision: 'decision.housing' } }, 'kcc-complaint', 'awb', 'decision').key,
    'decision.housing',
  );
  assert.equal(templateFor({}, 'tax-complaint', 'awb', 'notHandling').key, 'notHandling.awb');
  assert.equal(templateFor({}, 'housing-complaint', 'reglement', 'notHandling').key, 'notHandling.general');
  assert.throws(() => templateFor({ x: { decision: 'standard' } }, 'x', 'awb', 'decision'), /not a decision letter/);
});

test('drafts merge the case: judgment, reasons, not-handling reason, deadline', () => {
  const decision = draftSections(templateFor({}, 'p', 'awb', 'decision'), merge());
  assert.match(decision.find((s) => s.key === 'judgment')!.text, /deels gegrond[\s\S]*De medewerker had u beter moeten helpen/);
  assert.match(decision.find((s) => s.key === 'findings')!.text, PLACEHOLDER);
  const notHandling = draftSections(templateFor({}, 'p', 'awb', 'notHandling'), merge());
  assert.match(notHandling.find((s) => s.key === 'reason')!.text, /meer dan een jaar/);
  const ext = draftSections(templateFor({}, 'p', 'awb', 'extension'), merge());
  assert.match(ext.map((s) => s.text).join(' '), /uiterlijk 13 april 2026[\s\S]*andere afdeling/);
});
