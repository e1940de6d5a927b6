import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTemplate } from './render.ts';
import { figureLines, type ReportMailFigures, reportMailVars } from './reportMail.ts';

/**
 * The report mail's figures block is a whitelist: only totals, shares, the median, grounds and rising
 * themes with counts reach it. The dashboard object handed over here also carries names and
 * references elsewhere (a recommendation's case, a handler's survey group): none of that comes through.
 */
const count = (value: number) => ({ value, drillDown: {} });
const onTime = (counted: number, on: number) => ({
  counted: count(counted),
  onTime: count(on),
  late: count(counted - on),
  share: counted ? on / counted : null,
  perBucket: [],
});
const theme = (key: string, nl: string, current: number, previous: number, p: number) => ({
  key,
  label: { nl, en: nl },
  current,
  currentShare: 0,
  previous,
  previousShare: 0,
  z: 3,
  p,
  drillDown: {},
});
const figures = {
  received: { total: count(120), perBucket: [] },
  closed: { total: count(101), perBucket: [] },
  reconciliation: { openAtStart: count(30), received: count(120), closed: count(101), openAtEnd: count(49), balances: true },
  onTime: { term: onTime(101, 88), norm: onTime(0, 0) },
  leadTime: { closed: 101, medianDays: 12.5, p90Days: 30, drillDown: {}, perBucket: [] },
  breakdowns: [
    {
      dimension: 'ground',
      label: { nl: 'Grondslag', en: 'Ground' },
      values: ['conduct:Bejegening:40', 'communication:Communicatie:55', 'substance:Inhoud:25', 'other:Overig:0'].map((v) => {
        const [value, nl, n] = v.split(':');
        return {
          value: value!,
          label: { nl: nl!, en: value! },
          received: count(Number(n)),
          closed: count(0),
          receivedPerBucket: [],
          closedPerBucket: [],
        };
      }),
    },
  ],
  risingThemes: {
    previous: { from: '2026-02-01', to: '2026-03-01' },
    grounds: [theme('conduct', 'Bejegening', 40, 12, 0.001)],
    terms: [theme('parkeer', 'parkeer', 9, 1, 0.01)],
  },
  // Read by nothing here: a recommendation names its case, a survey group its handler.
  external: { recommendations: [{ caseId: 'x', reference: 'KL-2026-000042', body: 'ombudsman', recommendation: 'Bel mevrouw Jansen' }] },
  surveys: { byHandler: { groups: [{ label: 'Theodora Wolkenkrabber' }] } },
} as unknown as ReportMailFigures;

test('the figures, one per line: totals, on-time share, median lead time, top grounds, rising themes; no service norm line without one', () => {
  assert.equal(
    figureLines(figures, 'nl'),
    [
      'Binnengekomen: 120',
      'Afgehandeld: 101',
      'Nog open aan het eind van de periode: 49',
      'Op tijd afgehandeld binnen de wettelijke termijn: 87% (88 van 101)',
      'Doorlooptijd van de afgehandelde klachten (mediaan): 12,5 dagen',
      '',
      'Meest genoemde klachtgronden:',
      '- Communicatie: 55',
      '- Bejegening: 40',
      '- Inhoud: 25',
      '',
      "Stijgende thema's (vergeleken met de periode ervoor):",
      '- Bejegening: 40 (was 12)',
      '- "parkeer": 9 (was 1)',
    ].join('\n'),
  );
  assert.match(figureLines(figures, 'en'), /^Lead time of closed complaints \(median\): 12\.5 days$/m);
});

test('whatever else the dashboard holds, no name or reference reaches the rendered mail', () => {
  const vars = reportMailVars({
    figures,
    frequency: 'quarterly',
    period: { from: '2026-01-01', to: '2026-04-01' },
    language: 'nl',
    filter: { ground: 'conduct' },
    link: 'https://klachten.example/analyse?from=2026-01-01&to=2026-04-01&ground=conduct',
  });
  const mail = renderTemplate('reportMail', { ...vars, organisationName: 'Organisatie' });
  assert.equal(mail.subject, 'Klachtenoverzicht 1e kwartaal 2026');
  assert.match(mail.text, /U krijgt het elk kwartaal\./);
  assert.match(mail.text, /^Filter: Grondslag: Bejegening$/m);
  for (const part of [mail.subject, mail.text, mail.html]) {
    for (const word of ['Jansen', 'Theodora', 'Wolkenkrabber', 'KL-2026', 'ombudsman']) assert.ok(!part.includes(word), word);
  }
});
