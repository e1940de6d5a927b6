import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sendSurvey } from '../commands/caseMessages.ts';
import { kccPeople, type KccPeople } from '../letters/testSupport.ts';
import { asActor, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * The satisfaction survey invitation on paper (business rule 5, seed 003: no e-mail): the letter
 * carries a short link that can be typed, with its QR code, like the paper confirmation; never the
 * 43-character survey token. The short link opens the survey; the database keeps neither the code
 * nor the token in the clear.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let p: KccPeople;
let agent: Record<string, string>;

before(async () => {
  t = await createTestApp();
  p = await kccPeople(t);
  agent = await loginHeaders(t.services, p.agent);
});
after(() => t.close());

test('the survey invitation on paper carries the short link and its QR code, and the short link opens the survey', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: agent,
    payload: {
      subject: 'Niemand helpt mijn neef met zijn aanvraag',
      description: 'Ik kom aan de balie.',
      channel: 'counter',
      complainant: { kind: 'person', name: 'Evi Jangha', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Dorp' },
      sendConfirmation: true,
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json();
  await asActor(t.services, p.agent, (ctx) => sendSurvey(ctx, c.id, 'closed'));

  const item = await t.services.db
    .selectFrom('postal_item')
    .select(['document_id'])
    .where('case_id', '=', c.id)
    .where('template_key', '=', 'surveyInvitation')
    .executeTakeFirstOrThrow();
  const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${item.document_id}/content`, headers: agent });
  assert.equal(pdf.statusCode, 200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kf-survey-')), 'letter.pdf');
  fs.writeFileSync(file, pdf.rawPayload);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Wilt u ons vertellen hoe het ging\?/);
  assert.ok(!text.includes('/enquete/'), 'not the long survey link');
  const code = /\/v\/([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})/.exec(text)?.[1];
  assert.ok(code, `the short link on the letter: ${text}`);
  assert.ok(text.includes(`${t.services.publicUrl}/v/${code}`));
  // The QR code is a tagged Figure with the link as its text alternative (as in the step plan).
  assert.ok(pdf.rawPayload.toString('latin1').includes('/S /Figure'), 'a QR code on the letter');

  const opened = await t.app.inject({ method: 'GET', url: `/v/${code}` });
  assert.equal(opened.statusCode, 303);
  const target = String(opened.headers.location);
  assert.match(target, /^\/enquete\/[A-Za-z0-9_-]{43}$/);
  const page = await t.app.inject({ method: 'GET', url: target });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`action="${target}"`), 'the survey form itself');
  // Typed from paper: lower case and without dashes works; a wrong code leads nowhere.
  assert.equal((await t.app.inject({ method: 'GET', url: `/v/${code.replace(/-/g, '').toLowerCase()}` })).statusCode, 303);
  const last = code.at(-1) === 'A' ? 'B' : 'A';
  assert.equal((await t.app.inject({ method: 'GET', url: `/v/${code.slice(0, -1)}${last}` })).statusCode, 404);

  const stored = JSON.stringify(
    await t.services.db
      .selectFrom('survey')
      .select(['short_code_hash', 'sealed_token', 'token_hash'])
      .where('case_id', '=', c.id)
      .execute(),
  );
  assert.ok(!stored.includes(code.replace(/-/g, '')), 'the code is stored only as a hash');
  assert.ok(!stored.includes(target.slice('/enquete/'.length)), 'the token is stored only sealed and hashed');
});
