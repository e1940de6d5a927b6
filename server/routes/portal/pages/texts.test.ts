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
import { en } from './texts.en.ts';
import { nl } from './texts.nl.ts';
import { portalFor, portalTexts, type Language } from './texts.ts';
import { trackingPage, type TrackingView } from './trackingPage.ts';

/**
 * Plain Dutch (TAAL-01/02, AVG-05): every portal page's own text, as a citizen reads it, scores at
 * least 60 on Flesch–Douma ("normaal"). Links, reference numbers and names are replaced by a short
 * word first: they are not writing, and a 43-character secret link would sink any score.
 * The scores are printed for the lead's report.
 *
 * The same pages in English (every key there is typed, so none is missing) carry lang="en" and no
 * sentence of the Dutch catalogue.
 */
const org = loadOrganisation();
const L = (nl: string, en: string) => ({ nl, en });
const TOKEN = 'A'.repeat(43);

const tracking: TrackingView = {
  reference: 'KL-2026-000123',
  subject: 'Niemand belt terug',
  receivedAt: '2026-03-02T09:00:00Z',
  onBehalfOf: null,
  status: { label: L('U bent uitgenodigd voor een gesprek', 'You are invited to a meeting'), step: 'hearing', closed: false },
  steps: [
    { key: 'received', label: L('Ontvangen', 'Received'), state: 'done', reachedAt: '2026-03-02T09:00:00Z' },
    { key: 'inProgress', label: L('In behandeling', 'Being handled'), state: 'done', reachedAt: '2026-03-04T09:00:00Z' },
    { key: 'hearing', label: L('Gesprek', 'Meeting'), state: 'current', reachedAt: '2026-03-10T09:00:00Z' },
    { key: 'answer', label: L('Antwoord', 'Answer'), state: 'upcoming', reachedAt: null },
    { key: 'done', label: L('Afgerond', 'Finished'), state: 'upcoming', reachedAt: null },
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
const outgoing = [
  { subject: 'We hebben uw klacht ontvangen', at: new Date('2026-03-02T09:01:00Z') },
  { subject: null, at: new Date('2026-03-03T09:01:00Z') },
];
const formErrors = (lang: Language) => {
  const r = validateComplaint(
    {
      kind: 'complaint',
      subject: '',
      description: 'kort',
      name: '',
      contactPreference: 'letter',
      email: 'geen',
      onBehalfOf: 'true',
    },
    '2026-03-02',
    portalTexts(org, lang),
  );
  return r.ok ? {} : r.errors;
};

/** Every portal page, in one language. */
const pagesIn = (lang: Language): [string, Html][] => {
  const p = portalFor(org, lang, '/klacht');
  const withLink = { ...org, portal: { ...org.portal, otherRequestsUrl: 'https://voorbeeld.example/melden' } };
  return [
    ['1 vraag: wat wilt u doen?', kindQuestionPage(p)],
    ['1 vraag met fout', kindQuestionPage(p, p.t.kindMissing)],
    ['1 doorsturen: melding', sendOnPage(p, 'report')],
    ['1 doorsturen: vraag', sendOnPage(p, 'request')],
    ['1 doorsturen: met link', sendOnPage(portalFor(withLink, lang, '/klacht'), 'report')],
    ['1 klachtformulier', complaintFormPage(p)],
    ['1 klachtformulier met fouten', complaintFormPage(p, { _filesDropped: '1' }, formErrors(lang))],
    [
      '2 bevestiging',
      confirmationPage(p, {
        reference: 'KL-2026-000123',
        trackingUrl: `https://klachten.voorbeeld.example/volgen/${TOKEN}`,
        trackingPath: `/volgen/${TOKEN}`,
        expectedBy: '2026-04-13',
        mailedTo: true,
      }),
    ],
    ['3 volgen: vraag en tijden', trackingPage(p, tracking, { token: TOKEN, outgoing })],
    ['3 volgen: gesprek gepland', trackingPage(p, booked, { token: TOKEN, outgoing, flash: 'gesprek' })],
    ['3 volgen: fout bij antwoord', trackingPage(p, tracking, { token: TOKEN, outgoing, errors: { text: p.t.errAnswer } })],
    ['3 link werkt niet (404)', badLinkPage(p)],
    ['4 enquête', surveyPage(p, TOKEN)],
    ['4 enquête met fout', surveyPage(p, TOKEN, {}, { score: p.t.errScore })],
    ['4 enquête: bedankt', surveyThanksPage(p)],
    ['4 enquête: al beantwoord', surveyAlreadyAnsweredPage(p)],
    ['5 te veel verzoeken', tooManyPage(p)],
    ['5 niet verwerkt (honeypot)', notProcessedPage(p)],
    ['5 te groot', tooLargePage(p)],
    ['fout', errorPage(p)],
  ];
};
const PAGES = pagesIn('nl');

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
    ['voettekst', readableText(kindQuestionPage(portalFor(org, 'nl', '/klacht')), 'footer')],
    ['privacyverklaring', portalTexts(org, 'nl').privacyStatement],
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

/** Every sentence of the Dutch catalogue that English says differently ("Postcode" is both). */
function dutchSentences(): string[] {
  const out: string[] = [];
  const sample = (v: unknown): string | null =>
    typeof v === 'string' ? v : typeof v === 'function' ? String(v.length === 0 ? v() : v('X', 'Y', 'Z')) : null;
  for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
    const d = sample(nl[key]);
    const e = sample(en[key]);
    if (d === null || d === e) continue;
    // The longest run of words around what varies, without markup: what a page would show.
    for (const part of d.replace(/<[^>]+>/g, '').split(/X|Y|Z/)) if (part.trim().length >= 12) out.push(part.trim());
  }
  for (const v of Object.values(nl.channels)) out.push(v);
  for (const v of nl.scores) out.push(v);
  return out;
}

for (const [name, page] of pagesIn('en')) {
  test(`English: ${name} is English throughout`, () => {
    assert.match(page.value, /<html lang="en"/);
    // The switch offers Dutch, in Dutch, marked as such.
    assert.match(page.value, /<a [^>]*href="\/klacht\?taal=nl" lang="nl" hreflang="nl">Nederlands<\/a>/);
    const text = stripMarkup(page.value).text;
    const sentences = dutchSentences();
    assert.ok(sentences.length > 150, 'the check knows the Dutch catalogue');
    for (const dutch of sentences) assert.ok(!text.includes(dutch), `${name}: Dutch left in the English page: "${dutch}"`);
    for (const known of ['Naar de inhoud', 'Hulp nodig?', 'Bel ons', 'Klachten', 'niet verplicht', 'Controleer deze'])
      assert.ok(!text.includes(known), `${name}: "${known}"`);
  });
}

test("English: key phrases, dates in English, the case's step names in English", () => {
  const p = portalFor(org, 'en', '/volgen/x');
  const track = stripMarkup(trackingPage(p, tracking, { token: TOKEN, outgoing }).value).text.replace(/\s+/g, ' ');
  assert.match(track, /Your complaint/);
  assert.match(track, /You are invited to a meeting\./);
  assert.match(track, /Meeting We are here now · since 10 March 2026/);
  assert.match(track, /You will get an answer by Monday, 13 April 2026 at the latest\./);
  assert.match(track, /Tuesday, 14 April 2026 from 10:00 to 11:00/);
  assert.match(track, /From us: a letter by post/);
  const form = complaintFormPage(p).value;
  assert.match(form, /What is your complaint about\?/);
  assert.match(form, /<input [^>]*id="language-en" name="language" value="en" checked>/, 'our messages follow the page language');
  assert.match(form, /<input type="hidden" name="taal" value="en">/);
  const errors = formErrors('en');
  assert.equal(errors.subject, 'Say what your complaint is about (at least 3 characters).');
  const future = validateComplaint(
    {
      kind: 'complaint',
      subject: 'Nobody calls back',
      description: 'I called three times and nobody called back.',
      incidentDate: '1-1-2099',
      name: 'Evi Jangha',
      onBehalfOf: 'false',
      contactPreference: 'phone',
      phone: '06 12345678',
      privacyAccepted: 'on',
    },
    '2026-03-02',
    portalTexts(org, 'en'),
  );
  assert.deepEqual(future.ok ? {} : future.errors, { incidentDate: 'This day has not come yet. Enter a day in the past.' });
  assert.equal(errors.behalfName, 'Enter the name of the person you make the complaint for.');
  assert.equal(errors.privacyAccepted, 'Confirm that you have read the privacy statement.');
});

test('an organisation words portal texts its own way per language; unknown keys stop start-up', async () => {
  const { organisationSchema } = await import('../../../config/organisation.ts');
  const raw = { name: 'X', referencePrefix: 'X', teams: [{ key: 'a', name: 'A' }], processes: ['p'] };
  const own = organisationSchema.parse({
    ...raw,
    portal: {
      privacyStatement: 'Onze eigen privacytekst.',
      texts: { en: { intro: 'Our own intro.', privacyStatement: 'Our own privacy text.' } },
    },
  });
  assert.equal(portalTexts(own, 'nl').privacyStatement, 'Onze eigen privacytekst.');
  assert.equal(portalTexts(own, 'nl').intro, nl.intro);
  assert.equal(portalTexts(own, 'en').intro, 'Our own intro.');
  assert.match(complaintFormPage(portalFor(own, 'en', '/klacht')).value, /Our own privacy text\./);
  const shipped = organisationSchema.parse(raw);
  assert.equal(portalTexts(shipped, 'en').privacyStatement, en.privacyStatement);
  const bad = organisationSchema.safeParse({ ...raw, portal: { texts: { en: { answerBy: 'x', nonsense: 'y' } } } });
  assert.deepEqual(
    bad.error?.issues.map((i) => i.path.join('.')),
    ['portal.texts.en.answerBy', 'portal.texts.en.nonsense'],
  );
});
