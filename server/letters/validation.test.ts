import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadOrganisation } from '../config/organisation.ts';
import { externalBodies } from './mergeData.ts';
import { templateFor } from './templates/index.ts';
import type { MergeData } from './templates/types.ts';
import { approvalProblems, findObjectionClauses } from './validation.ts';

test('objection and appeal clauses are found, whatever their wording', () => {
  for (const s of [
    'Tegen dit besluit kunt u binnen zes weken bezwaar maken.',
    'Bent u het hier niet mee eens? Dan kunt u in beroep gaan bij de rechtbank.',
    'Stuur uw bezwaarschrift naar de afdeling Juridische Zaken.',
    'U kunt bezwaar of beroep instellen.',
    'De bezwaartermijn is zes weken.',
    'Wilt u beroep instellen? Dat kan bij de Raad van State.',
    'U kunt tegen deze beslissing binnen zes weken een beroep indienen.',
    'Meer informatie over rechtsmiddelen vindt u op onze website.',
    'Maakt u bezwaar, doe dat dan schriftelijk.',
  ])
    assert.equal(findObjectionClauses(s).length, 1, s);
});

test('ordinary uses of "bezwaar" and "beroep" are not clauses', () => {
  for (const s of [
    'U kunt een beroep doen op de klachtenfunctionaris. Die helpt u gratis.',
    'Wij hebben er geen bezwaar tegen dat u een kopie krijgt.',
    'Heeft u bezwaar tegen een gesprek bij u thuis? Laat het ons weten.',
    'Uw beroep is verpleegkundige, dus u kent de regels goed.',
    'Wij deden een beroep op uw geduld, en dat spijt ons.',
  ])
    assert.deepEqual(findObjectionClauses(s), [], s);
});

const org = loadOrganisation();
const m: MergeData = {
  regime: 'awb',
  caseReference: 'KL-1',
  caseSubject: 'x',
  receivedDate: '2 maart 2026',
  recipient: { name: 'A', addressLines: [] },
  complainantName: 'A',
  handlerName: null,
  organisationName: 'V',
  organisationPhone: null,
  deadline: null,
  facts: {},
  extensionReason: null,
  bodies: externalBodies(org),
};
const decision = templateFor({}, 'kcc-complaint', 'awb', 'decision');
const good = () => [
  { key: 'findings', heading: 'Wat wij hebben onderzocht', text: 'Wij hebben met de medewerker gesproken.' },
  { key: 'judgment', heading: 'Ons oordeel', text: 'Wij vinden uw klacht ongegrond.' },
  { key: 'conclusions', heading: 'Wat wij gaan doen', text: 'Er verandert niets.' },
  {
    key: 'ombudsman',
    heading: 'Bent u niet tevreden?',
    text: 'Dan kunt u naar de Nationale ombudsman. Doe dit binnen één jaar na de datum van deze brief.',
  },
];
const codes = (sections: ReturnType<typeof good>) => approvalProblems(decision, sections, m).map((p) => `${p.section}:${p.code}`);

test('a complete decision letter may be approved', () => {
  assert.deepEqual(codes(good()), []);
});

test('approval is refused for a missing or empty mandatory section, a placeholder, or no oordeel', () => {
  assert.deepEqual(codes(good().filter((s) => s.key !== 'findings')), ['findings:missingSection']);
  assert.deepEqual(codes(good().map((s) => (s.key === 'conclusions' ? { ...s, text: '  ' } : s))), ['conclusions:emptySection']);
  assert.deepEqual(codes(good().map((s) => (s.key === 'findings' ? { ...s, text: '[Vul in: wat u vond]' } : s))), ['findings:placeholder']);
  assert.deepEqual(codes(good().map((s) => (s.key === 'judgment' ? { ...s, text: 'Wij snappen uw punt.' } : s))), ['judgment:check']);
});

test('approval is refused when the ombudsman or the one-year term is edited away', () => {
  const sections = good().map((s) => (s.key === 'ombudsman' ? { ...s, text: 'U kunt naar een instantie gaan.' } : s));
  assert.deepEqual(codes(sections), ['ombudsman:missingWording', 'ombudsman:missingWording']);
});

test('approval is refused when any section offers bezwaar or beroep, and the reason quotes the sentence', () => {
  const sections = good().map((s) =>
    s.key === 'conclusions' ? { ...s, text: 'Er verandert niets. Tegen dit besluit kunt u bezwaar maken.' } : s,
  );
  const problems = approvalProblems(decision, sections, m);
  assert.deepEqual(
    problems.map((p) => `${p.section}:${p.code}`),
    ['conclusions:objectionClause'],
  );
  assert.match(problems[0]!.reason, /Awb 9:3.*Tegen dit besluit kunt u bezwaar maken\./);
});
