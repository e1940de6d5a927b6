import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReadability } from '../domain/readability/checkText.ts';
import { fieldsOf, renderTemplate, templateProblems, TemplateError } from './render.ts';
import { CASELESS_TEMPLATES, MERGE_FIELDS, STAFF_TEMPLATES, TEMPLATES_NL, TEMPLATE_KEYS, type TemplateKey } from './templates.nl.ts';

/** A distinct, recognisable value per field, so a test sees exactly which field went where. */
const sample = (key: TemplateKey) => Object.fromEntries(fieldsOf(TEMPLATES_NL[key]).map((f) => [f, `«${f}»`]));
const citizenTemplates = TEMPLATE_KEYS.filter((k) => !STAFF_TEMPLATES.includes(k));

test('the catalogue has the letters the processes and the Awb need', () => {
  for (const key of [
    'acknowledgment',
    'informationRequest',
    'autoClose',
    'cancellation',
    'extensionNotice',
    'hearingInvitation',
    'surveyInvitation',
    'reminder',
    'confirmation',
  ]) {
    assert.ok(TEMPLATE_KEYS.includes(key as TemplateKey), key);
  }
});

test('every template uses known merge fields only, and every field is filled in the Dutch text', () => {
  for (const key of TEMPLATE_KEYS) {
    assert.deepEqual(templateProblems(TEMPLATES_NL[key]), [], key);
    const m = renderTemplate(key, sample(key));
    for (const field of fieldsOf(TEMPLATES_NL[key])) assert.ok(`${m.subject}\n${m.text}`.includes(`«${field}»`), `${key}: ${field}`);
    assert.doesNotMatch(`${m.subject}\n${m.text}\n${m.html}`, /\{\{|\}\}/, key);
  }
});

test('the acknowledgment is Dutch and carries what Awb 9:6 asks: reference, receipt date, end date, hearing', () => {
  const m = renderTemplate('acknowledgment', {
    complainantName: 'mevrouw De Vries',
    caseReference: 'KL-2026-000123',
    receivedDate: 'maandag 2 maart 2026',
    handlerName: 'Sanne Jansen',
    deadline: 'maandag 13 april 2026',
    trackingLink: 'https://klachten.example/volgen/abc',
    organisationName: 'Uitvoeringsorganisatie Voorbeeld',
  });
  assert.equal(m.subject, 'Wij behandelen uw klacht (KL-2026-000123)');
  assert.match(m.text, /^Beste mevrouw De Vries,/);
  assert.match(m.text, /ontvangen op maandag 2 maart 2026/);
  assert.match(m.text, /uiterlijk maandag 13 april 2026 een antwoord/);
  assert.match(m.text, /in een gesprek uitleggen/);
  assert.match(m.text, /Sanne Jansen\nUitvoeringsorganisatie Voorbeeld$/);
});

test('every message to a complainant names its case in the subject, so a reply threads on the reference too', () => {
  // A data subject's request and a scheduled report are about no case and name none.
  const aboutACase = (k: TemplateKey) => !CASELESS_TEMPLATES.includes(k);
  for (const key of citizenTemplates.filter(aboutACase)) assert.match(renderTemplate(key, sample(key)).subject, /«caseReference»/, key);
  // Staff mail about a case names it too.
  for (const key of STAFF_TEMPLATES.filter(aboutACase)) assert.match(renderTemplate(key, sample(key)).subject, /«caseReference»/, key);
});

test('an unknown merge field is refused, in a template and in an override', () => {
  assert.throws(
    () => renderTemplate('confirmation', sample('confirmation'), { confirmation: { subject: 'Ontvangen', text: 'Beste {{klantNaam}},' } }),
    (err: Error) => err instanceof TemplateError && /unknown merge field \{\{klantNaam\}\}/.test(err.message),
  );
  assert.deepEqual(templateProblems({ subject: 'x', text: 'Beste {{klantNaam}},' }), ['unknown merge field {{klantNaam}}']);
  assert.ok(!Object.hasOwn(MERGE_FIELDS, 'constructor'));
  assert.throws(
    () => renderTemplate('confirmation', sample('confirmation'), { confirmation: { subject: 'x', text: '{{constructor}}' } }),
    TemplateError,
  );
});

test('a malformed merge field is refused instead of sent as braces', () => {
  for (const text of ['Beste {{complainantName},', 'Beste {{ klant naam }},', 'Beste complainantName}},']) {
    assert.throws(
      () => renderTemplate('confirmation', sample('confirmation'), { confirmation: { subject: 'x', text } }),
      TemplateError,
      text,
    );
  }
});

test('a merge field without a value is refused, never left empty', () => {
  assert.throws(() => renderTemplate('confirmation', { complainantName: 'A' }), /no value for merge field \{\{caseReference\}\}/);
  const vars: Record<string, string> = sample('confirmation');
  delete vars.organisationName;
  assert.throws(() => renderTemplate('confirmation', Object.assign(Object.create({ organisationName: 'geërfd' }), vars)), TemplateError);
});

test('values are escaped in HTML, inserted once, and cannot add a header line to the subject', () => {
  const vars = {
    ...sample('informationRequest'),
    complainantName: 'Evi <b>Jangha</b> & "zn"',
    question: 'Wat is {{organisationName}}? $& $1',
    caseReference: 'KL-1\r\nBcc: x@example.org',
  };
  const m = renderTemplate('informationRequest', vars);
  assert.match(m.text, /Beste Evi <b>Jangha<\/b> & "zn",/);
  assert.match(m.html, /Beste Evi &lt;b&gt;Jangha&lt;\/b&gt; &amp; &quot;zn&quot;,/);
  assert.match(m.text, /Wat is \{\{organisationName\}\}\? \$& \$1/, 'a value is not merged again, nor read as a replacement pattern');
  assert.equal(m.subject, 'Wij hebben meer informatie nodig (KL-1 Bcc: x@example.org)');
  assert.doesNotMatch(m.html, /<b>/);
});

test("only http(s) links become links, without the sentence's final punctuation", () => {
  const m = renderTemplate('confirmation', {
    ...sample('confirmation'),
    trackingLink: 'https://k.example/volgen/abc?x=1&y=2.',
    complainantName: 'javascript:alert(1) <a href="x">',
  });
  assert.match(m.html, /<a href="https:\/\/k\.example\/volgen\/abc\?x=1&amp;y=2">https:\/\/k\.example\/volgen\/abc\?x=1&amp;y=2<\/a>\./);
  assert.equal((m.html.match(/<a /g) ?? []).length, 1);
  assert.match(m.html, /<html lang="nl">/);
  assert.match(m.html, /<p>Met vriendelijke groet,<br>\n«organisationName»<\/p>/);
});

test('the citizen templates read at B1: Flesch-Douma at least 60, no long sentences, no ambtelijke words', () => {
  for (const key of citizenTemplates) {
    const vars = Object.fromEntries(fieldsOf(TEMPLATES_NL[key]).map((f) => [f, 'waarde']));
    const report = checkReadability(renderTemplate(key, vars).text);
    assert.ok((report.scores.fleschDouma ?? 0) >= 60, `${key}: Flesch-Douma ${report.scores.fleschDouma}`);
    assert.equal(report.longSentences.length, 0, `${key}: long sentences`);
    assert.deepEqual(report.difficultWords, [], `${key}: difficult words`);
    assert.match(TEMPLATES_NL[key].text, /\bu\b|\buw\b/i, `${key} addresses the reader as "u"`);
    assert.doesNotMatch(TEMPLATES_NL[key].text, /\bje\b|\bjij\b|\bjouw\b/, key);
  }
});

test('no template names an organisation: the name always comes from the configuration', () => {
  for (const key of citizenTemplates) assert.match(TEMPLATES_NL[key].text, /\{\{organisationName\}\}/, key);
  for (const key of TEMPLATE_KEYS)
    assert.doesNotMatch(
      `${TEMPLATES_NL[key].subject} ${TEMPLATES_NL[key].text}`,
      /\b(gemeente|ministerie|belastingdienst|woningcorporatie|Voorbeeld)\b/,
      key,
    );
});
