import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { DEMO_ORGANISATION_FILE, organisationSchema } from '../config/organisation.ts';
import { mayEmail, paperDelivery } from './paperPolicy.ts';

const demo = JSON.parse(fs.readFileSync(DEMO_ORGANISATION_FILE, 'utf8'));
const problems = (paperFallback: unknown) => {
  const parsed = organisationSchema.safeParse({ ...demo, paperFallback });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('a notice the law wants in writing cannot be configured as a phone call; unknown messages are refused', () => {
  assert.deepEqual(problems({ informationRequest: 'phoneTask', hearingInvitation: 'post' }), []);
  assert.match(problems({ acknowledgment: 'phoneTask' })[0]!, /^paperFallback\.acknowledgment: .*always goes by post/);
  assert.match(problems({ extensionNotice: 'phoneTask' })[0]!, /^paperFallback\.extensionNotice: /);
  assert.match(problems({ letter: 'phoneTask' })[0]!, /^paperFallback\.letter: /);
  assert.match(problems({ reminder: 'post' })[0]!, /^paperFallback\.reminder: .*not a message to the complainant/);
  assert.equal(problems({ informationRequest: 'fax' }).length, 1);
});

test("the organisation's own citizen texts per language are checked like the shipped ones", () => {
  const parse = (citizenTexts: unknown) => organisationSchema.safeParse({ ...demo, citizenTexts });
  assert.ok(parse({ en: { confirmation: { subject: 'Thanks ({{caseReference}})', text: 'Dear {{complainantName}},' } } }).success);
  const bad = parse({ en: { confirmation: { subject: 'Thanks', text: 'Dear {{naam}},' } }, nl: { reminder: { subject: 'x', text: 'y' } } });
  assert.ok(!bad.success);
  const issues = bad.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  assert.ok(issues.includes('citizenTexts.en.confirmation: unknown merge field {{naam}}'), issues.join('\n'));
  assert.ok(issues.some((i) => i.startsWith('citizenTexts.nl.reminder: ')));
});

test('post unless configured otherwise; e-mail only with consent (cases from before keep mail unless they asked for letters)', () => {
  assert.equal(paperDelivery({}, 'informationRequest'), 'post');
  assert.equal(paperDelivery({ informationRequest: 'phoneTask' }, 'informationRequest'), 'phoneTask');
  assert.equal(paperDelivery({ acknowledgment: 'phoneTask' }, 'acknowledgment'), 'post');
  assert.equal(mayEmail({ email_consent: false, contact_preference: 'email' }), false);
  assert.equal(mayEmail({ email_consent: true, contact_preference: 'letter' }), true);
  assert.equal(mayEmail({ email_consent: null, contact_preference: 'letter' }), false);
  assert.equal(mayEmail({ email_consent: null, contact_preference: null }), true);
});
