import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadOrganisation } from '../../../config/organisation.ts';
import { checkReadability } from '../../../domain/readability/checkText.ts';
import { stripMarkup } from '../../../domain/readability/stripMarkup.ts';
import { complaintFormPage, kindQuestionPage, sendOnPage } from './complaintPages.ts';
import { validateComplaint } from '../complaintInput.ts';
import { confirmationPage } from './confirmationPage.ts';
import type { Html } from './html.ts';
import { badLinkPage, errorPage, notProcessedPage, tooLargePage, tooManyPage } from './messagePages.ts';
import { surveyAlreadyAnsweredPage, surveyPage, surveyThanksPage } from './surveyPages.ts';
import { trackingPage, type TrackingView } from './trackingPage.ts';

/**
 * Plain Dutch (TAAL-01/02, AVG-05): every portal page's own text, as a citizen reads it, scores at
 * least 60 on Flesch–Douma ("normaal"). Links, reference numbers and names are replaced by a short
 * word first: they are not writing, and a 43-character secret link would sink any score.
 * The scores are printed for the lead's report.
 */
const org = loadOrganisation();
const L = (nl: string) => ({ nl, en: nl });
const TOKEN = 'A'.repeat(43);

const tracking: TrackingView = {
  reference: 'KL-2026-000123',
  subject: 'Niemand belt terug',
  receivedAt: '2026-03-02T09:00:00Z',
  onBehalfOf: null,
  status: { label: L('U bent uitgenodigd voor een gesprek'), step: 'hearing', closed: false },
  steps: [
    { key: 'received', label: L('Ontvangen'), state: 'done', reachedAt: '2026-03-02T09:00:00Z' },
    { key: 'inProgress', label: L('In behandeling'), state: 'done', reachedAt: '2026-03-04T09:00:00Z' },
    { key: 'hearing', label: L('Gesprek'), state: 'current', reachedAt: '2026-03-10T09:00:00Z' },
    { key: 'answer', label: L('Antwoord'), state: 'upcoming', reachedAt: null },
    { key: 'done', label: L('Afgerond'), state: 'upcoming', reachedAt: null },
  ],
  expectedBy: '2026-04-13',
  handler: { name: 'Kees Bakker', jobTitle: 'Klachtbehandelaar', phone: '088 123 45 71', email: 'klachten@voorbeeld.example' },
  informationRequest: { question: 'Wat is uw klantnummer?', requestedAt: '2026-03-05T09:00:00Z' },
  hearing: {
    bookable: true,
    bookingEnded: false,
    slots: [
      {
        id: '00000000-0000-4000-8000-000000000001',
        startsAt: '2026-04-14T08:00:00Z',
        endsAt: '2026-04-14T09:00:00Z',
        location: 'Stadhuis, kamer 2',
        booked: false,
      },
    ],
  },
  messages: [{ direction: 'in', channel: 'web', subject: 'Niemand belt terug', at: '2026-03-02T09:00:00Z' }],
  survey: null,
};
const booked: TrackingView = {
  ...tracking,
  informationRequest: null,
  hearing: { bookable: false, bookingEnded: false, slots: [{ ...tracking.hearing!.slots[0]!, booked: true }] },
};
const outgoing = [{ subject: 'We hebben uw klacht ontvangen', at: new Date('2026-03-02T09:01:00Z') }];
const formErrors = (() => {
  const r = validateComplaint({
    kind: 'complaint',
    subject: '',
    description: 'kort',
    name: '',
    contactPreference: 'letter',
    email: 'geen',
    onBehalfOf: 'true',
  });
  return r.ok ? {} : r.errors;
})();

const PAGES: [string, Html][] = [
  ['1 vraag: wat wilt u doen?', kindQuestionPage(org)],
  ['1 doorsturen: melding', sendOnPage(org, 'report')],
  ['1 doorsturen: vraag', sendOnPage(org, 'request')],
  [
    '1 doorsturen: met link',
    sendOnPage({ ...org, portal: { ...org.portal, otherRequestsUrl: 'https://voorbeeld.example/melden' } }, 'report'),
  ],
  ['1 klachtformulier', complaintFormPage(org)],
  ['1 klachtformulier met fouten', complaintFormPage(org, { _filesDropped: '1' }, formErrors)],
  [
    '2 bevestiging',
    confirmationPage(org, {
      reference: 'KL-2026-000123',
      trackingUrl: `https://klachten.voorbeeld.example/volgen/${TOKEN}`,
      trackingPath: `/volgen/${TOKEN}`,
      expectedBy: '2026-04-13',
      mailedTo: true,
    }),
  ],
  ['3 volgen: vraag en tijden', trackingPage(org, tracking, { token: TOKEN, outgoing })],
  ['3 volgen: gesprek gepland', trackingPage(org, booked, { token: TOKEN, outgoing, flash: 'gesprek' })],
  ['3 link werkt niet (404)', badLinkPage(org)],
  ['4 enquête', surveyPage(org, TOKEN)],
  ['4 enquête: bedankt', surveyThanksPage(org)],
  ['4 enquête: al beantwoord', surveyAlreadyAnsweredPage(org)],
  ['5 te veel verzoeken', tooManyPage(org)],
  ['5 niet verwerkt (honeypot)', notProcessedPage(org)],
  ['5 te groot', tooLargePage(org)],
  ['fout', errorPage(org)],
];

/** The text of <main> (the page's own words) or of the footer, with links and numbers as plain words. */
function readableText(page: Html, part: 'main' | 'footer') {
  const m = new RegExp(`<${part}[^>]*>([\\s\\S]*)</${part}>`).exec(page.value);
  assert.ok(m, `page has a <${part}>`);
  return stripMarkup(m[1]!)
    .text.replace(/https?:\/\/\S+|[\w.+-]+@[\w.-]+/g, 'link')
    .replace(/KL-\d{4}-\d{6}/g, 'nummer')
    .replace(new RegExp(org.name, 'g'), 'wij');
}

const rows: string[] = [];
for (const [name, html] of PAGES) {
  test(`plain Dutch: ${name}`, () => {
    const r = checkReadability(readableText(html, 'main'));
    rows.push(
      `  ${name.padEnd(32)} Flesch-Douma ${String(r.scores.fleschDouma).padStart(5)}  (${r.counts.words} woorden, ${r.counts.avgWordsPerSentence} per zin, lange zinnen ${r.longSentences.length})`,
    );
    assert.ok(
      r.scores.fleschDouma !== null && r.scores.fleschDouma >= 60,
      `${name}: ${r.scores.fleschDouma}; long: ${r.longSentences.map((s) => s.text).join(' | ')}`,
    );
  });
}

test('plain Dutch: the footer and the privacy statement (AVG art. 12)', () => {
  for (const [name, text] of [
    ['voettekst', readableText(kindQuestionPage(org), 'footer')],
    ['privacyverklaring', org.portal.privacyStatement],
  ] as const) {
    const r = checkReadability(text);
    rows.push(
      `  ${name.padEnd(32)} Flesch-Douma ${String(r.scores.fleschDouma).padStart(5)}  (${r.counts.words} woorden, ${r.counts.avgWordsPerSentence} per zin)`,
    );
    assert.ok(r.scores.fleschDouma !== null && r.scores.fleschDouma >= 60, `${name}: ${r.scores.fleschDouma}`);
  }
});

test('print the scores', () => {
  console.log(`\nPortal texts, Flesch–Douma (≥ 60 required)\n${rows.join('\n')}\n`);
});
