import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { caseAtDecisionLetter, kccPeople, type KccPeople, writeAndSendLetter } from '../letters/testSupport.ts';
import { asActor, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * The paper path (seed 003): a complainant without e-mail (or without consent) gets every message
 * on paper: a PDF in the "to post" list, or for what the organisation allows, a task to phone.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let p: KccPeople;
const h: Record<string, Record<string, string>> = {};

before(async () => {
  t = await createTestApp();
  p = await kccPeople(t);
  for (const [k, a] of Object.entries(p)) h[k] = await loginHeaders(t.services, a);
});
after(() => t.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: h[who], ...(payload ? { payload } : {}) });

const counterIntake = (complainant: Record<string, string>, extra: Record<string, unknown> = {}) =>
  call('POST', '/api/v1/cases', 'agent', {
    subject: 'Niemand helpt mijn neef met zijn aanvraag',
    description: 'Ik ben mantelzorger en kom aan de balie voor mijn neef.',
    channel: 'counter',
    complainant: { kind: 'person', ...complainant },
    sendConfirmation: true,
    ...extra,
  });

async function pdfText(documentId: string): Promise<string> {
  const res = await call('GET', `/api/v1/documents/${documentId}/content`, 'agent');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kf-post-')), 'letter.pdf');
  fs.writeFileSync(file, res.rawPayload);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

const events = (caseId: string) =>
  t.services.db.selectFrom('timeline_event').select(['type', 'data']).where('case_id', '=', caseId).orderBy('id').execute();
const outbox = (caseId: string) => t.services.db.selectFrom('outbox_message').selectAll().where('case_id', '=', caseId).execute();
const toPost = async () =>
  (await call('GET', '/api/v1/postal-items', 'agent')).json().items as Array<{
    id: string;
    caseId: string;
    documentId: string;
    addressLines: string[];
    addressMissing: boolean;
    what: { nl: string };
    recipientName: string;
    onBehalfOf: string | null;
  }>;

describe('the paper path', () => {
  test('counter intake without e-mail: the confirmation is a PDF in the to-post list, never dropped', async () => {
    const res = await counterIntake({ name: 'Evi Jangha', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Dorp' });
    assert.equal(res.statusCode, 201, res.body);
    const c = res.json();
    assert.equal(c.confirmation.channel, 'post');
    assert.ok(c.confirmation.documentId);
    assert.equal((await outbox(c.id)).length, 0);
    const types = (await events(c.id)).map((e) => e.type);
    assert.ok(types.includes('messageToPost'));
    assert.ok(!types.includes('messageNotSent'));
    const item = (await toPost()).find((i) => i.caseId === c.id);
    assert.ok(item, 'the letter is in the to-post list');
    assert.equal(item.documentId, c.confirmation.documentId);
    assert.deepEqual(item.addressLines, ['Dorpsstraat 1', '1234 AB Dorp']);
    assert.equal(item.addressMissing, false);
    assert.equal(item.what.nl, 'Ontvangstbevestiging met stappenplan');
  });

  test('the confirmation letter carries the reference, the step plan and the short link', async () => {
    const c = (await counterIntake({ name: 'Youssef Amrani', street: 'Laan 2', postcode: '2511 AA', city: 'Den Haag' })).json();
    const text = await pdfText(c.confirmation.documentId);
    const flat = text.replace(/\s+/g, ' ');
    assert.ok(flat.includes(c.reference), 'reference');
    assert.ok(flat.includes('Zo behandelen we uw klacht'), 'step plan heading');
    // The process definition's citizen steps, in order.
    const steps = t.services.processes.defaultProcess.citizenSteps.map((s) => s.label.nl);
    let at = 0;
    for (const label of steps) {
      const found = flat.indexOf(label, at);
      assert.ok(found >= at, `step "${label}" in order`);
      at = found;
    }
    assert.ok(flat.includes('088 123 45 67'), 'phone number from the configuration');
    const short = /http:\/\/klachtflow\.test\/v\/([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})/.exec(flat);
    assert.ok(short, 'short link on paper');
    assert.ok(!/\/volgen\//.test(flat), 'never the long link on paper');
    assert.equal((text.match(/\f/g) ?? []).length, 2, 'letter page and step plan page');
    // The step plan is a page of its own: to keep, with the number and the way to follow it.
    const plan = text.split('\f')[1]!.replace(/\s+/g, ' ');
    assert.ok(plan.startsWith('Zo behandelen we uw klacht'));
    assert.ok(plan.includes(c.reference));
    for (const label of steps) assert.ok(plan.includes(label), label);
    assert.ok(plan.includes(short[0]));
  });

  test('a short link opens the tracking page only with the right code', async () => {
    const c = (await counterIntake({ name: 'Anna de Vries', street: 'Weg 3', postcode: '3511 AB', city: 'Utrecht' })).json();
    const code = /\/v\/([0-9A-Z-]{24})/.exec((await pdfText(c.confirmation.documentId)).replace(/\s+/g, ' '))![1]!;
    const ok = await t.app.inject({ method: 'GET', url: `/v/${code}` });
    assert.equal(ok.statusCode, 303);
    const target = String(ok.headers.location);
    assert.match(target, /^\/volgen\/[A-Za-z0-9_-]{43}$/);
    const page = await t.app.inject({ method: 'GET', url: target });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(c.reference));
    assert.ok(!page.body.includes('Van ons: een brief per post'), 'not sent before it is posted');
    const item = (await toPost()).find((i) => i.caseId === c.id)!;
    assert.equal((await call('POST', `/api/v1/postal-items/${item.id}/posted`, 'agent')).statusCode, 200);
    assert.ok((await t.app.inject({ method: 'GET', url: target })).body.includes('Van ons: een brief per post'));
    // Typed from paper: lower case and without dashes still works.
    assert.equal((await t.app.inject({ method: 'GET', url: `/v/${code.replace(/-/g, '').toLowerCase()}` })).statusCode, 303);
    const last = code.at(-1) === 'A' ? 'B' : 'A';
    for (const wrong of [`${code.slice(0, -1)}${last}`, 'AAAA-AAAA-AAAA-AAAA-AAAA', 'kort', code.slice(0, 10)]) {
      const res = await t.app.inject({ method: 'GET', url: `/v/${wrong}` });
      assert.equal(res.statusCode, 404, wrong);
      assert.equal(res.headers.location, undefined);
    }
    // The database holds neither the code nor the token in the clear.
    const rows = await t.services.db
      .selectFrom('case_access')
      .select(['short_code_hash', 'sealed_token'])
      .where('case_id', '=', c.id)
      .execute();
    const stored = JSON.stringify(rows);
    assert.ok(!stored.includes(code.replace(/-/g, '')));
    assert.ok(!stored.includes(target.slice('/volgen/'.length)));
  });

  test('a family carer acting for her nephew gets the letter; the tracking page says for whom (namens)', async () => {
    const res = await counterIntake(
      { name: 'Youssef Amrani' },
      {
        representative: {
          person: { kind: 'person', name: 'Evi Jangha', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Dorp' },
          relation: 'mantelzorger',
        },
      },
    );
    const c = res.json();
    const text = (await pdfText(c.confirmation.documentId)).replace(/\s+/g, ' ');
    assert.ok(text.includes('Beste Evi Jangha,'));
    assert.ok(text.includes('Dorpsstraat 1 1234 AB Dorp'));
    const item = (await toPost()).find((i) => i.caseId === c.id)!;
    assert.equal(item.recipientName, 'Evi Jangha');
    assert.equal(item.onBehalfOf, 'Youssef Amrani');
    const code = /\/v\/([0-9A-Z-]{24})/.exec(text)![1]!;
    const target = String((await t.app.inject({ method: 'GET', url: `/v/${code}` })).headers.location);
    const page = await t.app.inject({ method: 'GET', url: target });
    assert.match(page.body, /<dt[^>]*>Ingediend<\/dt><dd[^>]*>namens Youssef Amrani<\/dd>/);
  });

  test('an address given without consent to e-mail: the message goes by post, not by e-mail', async () => {
    const res = await counterIntake(
      { name: 'Piet Post', email: 'piet@voorbeeld.example', street: 'Kade 4', postcode: '1011 AA', city: 'Amsterdam' },
      { emailConsent: false },
    );
    const c = res.json();
    assert.equal(c.confirmation.channel, 'post');
    // The acknowledgment (Awb 9:6) too.
    await asActor(t.services, p.agent, (ctx) => transitionCase(ctx, { caseId: c.id, transition: 'forwardToCoordinator', inputs: {} }));
    await asActor(t.services, p.coordinator, (ctx) => transitionCase(ctx, { caseId: c.id, transition: 'acknowledge', inputs: {} }));
    assert.equal((await outbox(c.id)).length, 0);
    const items = (await toPost())
      .filter((i) => i.caseId === c.id)
      .map((i) => i.what.nl)
      .sort();
    assert.deepEqual(items, ['Bevestiging: we behandelen de klacht', 'Ontvangstbevestiging met stappenplan']);
    const consenting = (await counterIntake({ name: 'Mail Mens', email: 'mail@voorbeeld.example' }, { emailConsent: true })).json();
    assert.equal(consenting.confirmation.channel, 'email');
    assert.equal((await outbox(consenting.id)).length, 1);
  });

  test('a message the organisation lets go by phone becomes a task to call, with the text to say', async () => {
    const c = (await counterIntake({ name: 'Bel Mij', phone: '0612345678' })).json();
    await asActor(t.services, p.agent, (ctx) => transitionCase(ctx, { caseId: c.id, transition: 'forwardToCoordinator', inputs: {} }));
    const before = t.services.org.paperFallback;
    t.services.org.paperFallback = { informationRequest: 'phoneTask' };
    try {
      await asActor(t.services, p.coordinator, (ctx) =>
        transitionCase(ctx, {
          caseId: c.id,
          transition: 'requestInformation',
          inputs: { informationRequested: 'Welk briefnummer heeft u?' },
        }),
      );
    } finally {
      t.services.org.paperFallback = before;
    }
    const task = await t.services.db
      .selectFrom('activity')
      .select(['subject', 'body', 'task_key'])
      .where('case_id', '=', c.id)
      .where('kind', '=', 'task')
      .where('task_key', '=', 'phoneComplainant')
      .executeTakeFirstOrThrow();
    assert.equal(task.task_key, 'phoneComplainant');
    assert.match(task.subject, /^Klager bellen: Wij hebben meer informatie nodig/);
    assert.ok(task.body.includes('Welk briefnummer heeft u?'));
    assert.ok((await events(c.id)).some((e) => e.type === 'messageAsPhoneTask'));
    assert.equal((await toPost()).filter((i) => i.caseId === c.id && i.what.nl === 'Vraag om informatie').length, 0);
  });

  test('a question on paper asks for the answer by the short link or phone, never by replying to an e-mail', async () => {
    const c = (await counterIntake({ name: 'Brief Vraag', street: 'Plein 1', postcode: '1000 AA', city: 'Amsterdam' })).json();
    await asActor(t.services, p.agent, (ctx) => transitionCase(ctx, { caseId: c.id, transition: 'forwardToCoordinator', inputs: {} }));
    await asActor(t.services, p.coordinator, (ctx) =>
      transitionCase(ctx, {
        caseId: c.id,
        transition: 'requestInformation',
        inputs: { informationRequested: 'Welk briefnummer heeft u?' },
      }),
    );
    const item = (await toPost()).find((i) => i.caseId === c.id && i.what.nl === 'Vraag om informatie');
    assert.ok(item);
    const text = (await pdfText(item.documentId)).replace(/\s+/g, ' ');
    assert.ok(text.includes('Welk briefnummer heeft u?'));
    assert.match(text, /http:\/\/klachtflow\.test\/v\/[0-9A-Z-]{24}/);
    assert.ok(!text.includes('deze e-mail'));
  });

  test('a decision letter on paper counts as sent on the day it is marked posted: close date and deadline check', async () => {
    const caseId = await caseAtDecisionLetter(t, p, { email: '' });
    const before = await t.services.db.selectFrom('cases').select(['handling_deadline']).where('id', '=', caseId).executeTakeFirstOrThrow();
    const letterId = await writeAndSendLetter(t.services, { caseId, kind: 'decision', drafter: p.backOffice, approver: p.coordinator });
    let c = await t.services.db.selectFrom('cases').select(['closed_at', 'facts']).where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(c.closed_at, null, 'not closed while the letter waits to be posted');
    const item = (await toPost()).find((i) => i.caseId === caseId && i.what.nl === 'Afhandelingsbrief');
    assert.ok(item);
    // Posted only after the handling deadline: the case is late, though the letter was ready in time.
    t.clock.set(`${before.handling_deadline}T12:00:00Z`);
    t.clock.advance(3 * 86_400_000);
    const postedDay = t.clock.now();
    h.agent = await loginHeaders(t.services, p.agent);
    const res = await call('POST', `/api/v1/postal-items/${item.id}/posted`, 'agent');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().postedAt, postedDay.toISOString());
    c = await t.services.db.selectFrom('cases').select(['closed_at', 'facts']).where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(c.closed_at?.toISOString(), postedDay.toISOString());
    assert.equal(c.facts.handledOnTime, false);
    const letter = await t.services.db.selectFrom('letter').select('sent_at').where('id', '=', letterId).executeTakeFirstOrThrow();
    assert.equal(letter.sent_at?.toISOString(), postedDay.toISOString());
    assert.ok(!(await toPost()).some((i) => i.id === item.id), 'gone from the list');
    const posted = (await call('GET', '/api/v1/postal-items?posted=true', 'agent')).json().items;
    assert.ok(posted.some((i: { id: string; postedBy: string }) => i.id === item.id && i.postedBy === p.agent.name));
    const again = await call('POST', `/api/v1/postal-items/${item.id}/posted`, 'agent');
    assert.equal(again.statusCode, 409);
  });

  test('an English-speaking complainant gets English mail', async () => {
    const c = (await counterIntake({ name: 'Jane Smith', email: 'jane@voorbeeld.example' }, { emailConsent: true, language: 'en' })).json();
    const [mail] = await outbox(c.id);
    assert.ok(mail);
    assert.equal(mail.subject, `We have received your complaint (${c.reference})`);
    assert.match(mail.body_text, /^Dear Jane Smith,/);
    assert.ok(mail.body_html.includes('<html lang="en">'));
    assert.ok(!/ontvangen|uiterlijk/.test(mail.body_text), 'no Dutch in it');
  });

  test("the organisation's own English wording is used for an English-speaking complainant", async () => {
    const before = t.services.org.citizenTexts;
    t.services.org.citizenTexts = {
      en: {
        confirmation: {
          subject: 'Thank you for telling us ({{caseReference}})',
          text: 'Dear {{complainantName}},\n\nIn our own words: we will answer by {{deadline}}.\n\nKind regards,\n{{organisationName}}',
        },
      },
    };
    try {
      const c = (await counterIntake({ name: 'Jane Own', email: 'own@voorbeeld.example' }, { emailConsent: true, language: 'en' })).json();
      const [mail] = await outbox(c.id);
      assert.equal(mail!.subject, `Thank you for telling us (${c.reference})`);
      assert.match(mail!.body_text, /In our own words: we will answer by \w+day, \d+ \w+ \d{4}\./);
      // A Dutch-speaking complainant keeps the shipped Dutch text.
      const nl = (await counterIntake({ name: 'Jan Eigen', email: 'jan@voorbeeld.example' }, { emailConsent: true })).json();
      assert.match((await outbox(nl.id))[0]!.subject, /^We hebben uw klacht ontvangen/);
    } finally {
      t.services.org.citizenTexts = before;
    }
  });

  test('an English-speaking complainant without e-mail gets an English letter', async () => {
    const c = (
      await counterIntake({ name: 'John Brown', street: 'Street 5', postcode: '1234 CD', city: 'Delft' }, { language: 'en' })
    ).json();
    const text = (await pdfText(c.confirmation.documentId)).replace(/\s+/g, ' ');
    assert.ok(text.includes('Dear John Brown,'));
    assert.ok(text.includes('How we handle your complaint'));
    assert.ok(text.includes('Our reference'));
  });
});
