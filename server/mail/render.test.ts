import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReadability } from '../domain/readability/checkText.ts';
import { fieldsOf, renderTemplate, TemplateError } from './render.ts';
import { TEMPLATES_NL, TEMPLATE_KEYS } from './templates.nl.ts';

test('a template merges every field and escapes values in HTML', () => {
  const vars = { complainantName: 'Evi <Jangha>', caseReference: 'KL-2026-000001', deadline: 'maandag 13 april 2026', trackingLink: 'https://k.example/volgen/abc', organisationName: 'Voorbeeld' };
  const m = renderTemplate('confirmation', vars);
  assert.equal(m.subject, 'We hebben uw klacht ontvangen (KL-2026-000001)');
  assert.match(m.text, /Beste Evi <Jangha>,/);
  assert.match(m.html, /Beste Evi &lt;Jangha&gt;,/);
  assert.match(m.html, /<a href="https:\/\/k\.example\/volgen\/abc">/);
  assert.match(m.html, /<html lang="nl">/);
});

test('a missing merge field is refused, never left empty', () => {
  assert.throws(() => renderTemplate('confirmation', { complainantName: 'A' }), TemplateError);
});

test('the citizen templates read at B1 (Flesch-Douma of at least 60)', () => {
  for (const key of TEMPLATE_KEYS.filter((k) => k !== 'reminder')) {
    const vars = Object.fromEntries(fieldsOf(TEMPLATES_NL[key]).map((f) => [f, 'waarde']));
    const { text } = renderTemplate(key, vars);
    const report = checkReadability(text);
    assert.ok((report.scores.fleschDouma ?? 0) >= 60, `${key}: Flesch-Douma ${report.scores.fleschDouma}`);
  }
});
