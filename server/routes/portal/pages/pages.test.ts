import { createHash, randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp } from '../../../test/harness.ts';

/**
 * The portal pages at the HTTP level (the browser journeys are in e2e/portal): escaping, the
 * honeypot, reports sent on, refused files, the per-address limit, the asset allow-list and the
 * survey's states. Nothing refused may leave a case or a stored file behind.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Part = [name: string, value: string] | [name: string, file: { filename: string; type: string; content: string }];
function multipart(parts: Part[]) {
  const boundary = '----kf' + Math.random().toString(16).slice(2);
  const chunks = parts.map(([name, v]) =>
    typeof v === 'string'
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${v.filename}"\r\nContent-Type: ${v.type}\r\n\r\n${v.content}\r\n`,
  );
  return { payload: chunks.join('') + `--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
let n = 0;
const form = (over: Record<string, string> = {}): Part[] =>
  Object.entries({
    kind: 'complaint',
    subject: 'Niemand belt terug',
    description: 'Ik heb drie keer gebeld en niemand belt terug.',
    incidentDate: '',
    name: 'Evi Jangha',
    onBehalfOf: 'false',
    contactPreference: 'email',
    email: `evi${++n}.${Date.now()}@example.org`,
    privacyAccepted: 'on',
    website: '',
    ...over,
  });
const post = (parts: Part[], ip = '10.0.0.1') => t.app.inject({ method: 'POST', url: '/klacht', remoteAddress: ip, ...multipart(parts) });
const count = async (table: 'cases' | 'document') =>
  Number(
    (
      await t.services.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A sent survey on a case (of that language, if given), stored as sending stores it: its link's token and the case. */
async function plantSurvey(language?: 'nl' | 'en') {
  const token = randomBytes(32).toString('base64url');
  let q = t.services.db.selectFrom('cases').select(['id', 'complainant_id']);
  if (language) q = q.where('language', '=', language);
  const kase = await q.limit(1).executeTakeFirstOrThrow();
  await t.services.db
    .insertInto('survey')
    .values({
      case_id: kase.id,
      person_id: kase.complainant_id,
      token_hash: createHash('sha256').update(token).digest('base64url'),
      sent_at: t.services.clock.now(),
    })
    .execute();
  return { token, kase };
}

describe('portal pages', () => {
  test('a complaint with an attachment → 303 to the confirmation; text from the citizen is escaped everywhere', async () => {
    const res = await post([
      ...form({ subject: '<script>alert(1)</script> & "meer"', incidentDate: '1-3-2026' }),
      ['attachments', { filename: 'brief.txt', type: 'text/plain', content: 'Hallo' }],
    ]);
    assert.equal(res.statusCode, 303, res.body);
    const location = res.headers.location as string;
    assert.match(location, /^\/volgen\/[A-Za-z0-9_-]{43}\/ontvangen$/);
    const confirmation = await t.app.inject({ method: 'GET', url: location });
    assert.equal(confirmation.statusCode, 200);
    assert.match(confirmation.headers['cache-control'] as string, /no-store/);
    assert.match(confirmation.body, /uiterlijk <strong>\w+dag \d{1,2} \w+ \d{4}<\/strong>/);
    const page = await t.app.inject({ method: 'GET', url: location.replace('/ontvangen', '') });
    assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;meer&quot;'));
    assert.ok(!page.body.includes('<script>alert'));
    const doc = await t.services.db
      .selectFrom('document')
      .select(['filename', 'doc_type'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(doc, { filename: 'brief.txt', doc_type: 'attachment' });
    const kase = await t.services.db.selectFrom('cases').select('data').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    assert.equal((kase.data as { incidentDate?: string }).incidentDate, '2026-03-01', 'a Dutch date is stored as an ISO date');
  });

  test('errors re-render the form with what was typed (escaped), and nothing is stored', async () => {
    const [cases, docs] = [await count('cases'), await count('document')];
    const res = await post([
      ...form({ subject: '"><b>x', description: 'kort', email: '' }),
      ['attachments', { filename: 'virus.exe', type: 'application/x-msdownload', content: 'MZ' }],
    ]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Fout: /);
    assert.ok(res.body.includes('value="&quot;&gt;&lt;b&gt;x"'));
    assert.match(res.body, /id="description-error"/);
    assert.match(res.body, /aria-describedby="description-hint description-error" aria-invalid="true"/);
    assert.match(res.body, /Vul uw e-mailadres in\./);
    assert.match(res.body, /Dit soort bestand kunnen we niet gebruiken: virus\.exe/);
    assert.match(res.body, /kies uw bestanden opnieuw/);
    assert.deepEqual([await count('cases'), await count('document')], [cases, docs]);
  });

  test('a phone number that is none is named at its field in plain Dutch; the form keeps what was typed; a good one in any spelling is taken', async () => {
    const cases = await count('cases');
    const res = await post(form({ contactPreference: 'phone', email: '', phone: '06-1234', subject: 'Niemand belt mij terug' }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="phone-error">(<span[^>]*>Fout: <\/span>)?Dit telefoonnummer klopt niet\. Schrijf het zo: 06 12345678\./);
    assert.match(res.body, /name="phone"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="phone"/);
    assert.ok(res.body.includes('value="06-1234"'), 'the number as typed');
    assert.ok(res.body.includes('value="Niemand belt mij terug"'), 'the other fields as typed');
    assert.equal(await count('cases'), cases);
    const ok = await post(form({ contactPreference: 'phone', email: '', phone: '+31 (0)6 1234 5678' }));
    assert.equal(ok.statusCode, 303, ok.body);
  });

  test('a NUL character in the form (multipart) is refused: a 400 page, not a 500, and nothing is stored', async () => {
    const [cases, docs] = [await count('cases'), await count('document')];
    const res = await post([
      ...form({ description: 'Ik heb drie keer gebeld\u0000 en niemand belt terug.' }),
      ['attachments', { filename: 'brief.pdf', type: 'application/pdf', content: '%PDF-1.4' }],
    ]);
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /<html lang="nl"/, 'a page, as every answer of the form');
    assert.deepEqual([await count('cases'), await count('document')], [cases, docs]);
  });

  test('the honeypot stops robots; reports and questions are sent on; nothing is stored', async () => {
    const before = await count('cases');
    const bot = await post(form({ website: 'http://spam.example' }));
    assert.equal(bot.statusCode, 400);
    assert.match(bot.body, /Het formulier is niet verstuurd/);
    const report = await post(form({ kind: 'report' }));
    assert.equal(report.statusCode, 200);
    assert.match(report.body, /Een melding doet u ergens anders/);
    assert.equal(await count('cases'), before);
    const step = await t.app.inject({ method: 'GET', url: '/klacht?stap=1' });
    assert.equal(step.statusCode, 400);
    assert.match(step.body, /Kies wat u wilt doen\./);
  });

  test('the per-address limit and the per-network limit answer with a page, not JSON', async () => {
    const email = `veel.${Date.now()}@example.org`;
    for (let i = 0; i < 3; i++) assert.equal((await post(form({ email }), `10.2.0.${i}`)).statusCode, 303);
    const fourth = await post(form({ email }), '10.2.0.9');
    assert.equal(fourth.statusCode, 429);
    assert.match(fourth.headers['content-type'] as string, /text\/html/);
    assert.match(fourth.body, /al een paar klachten ingediend/);
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await post(form({ subject: '' }), '10.3.3.3')).statusCode;
    assert.equal(last, 429);
  });

  test('assets: the listed stylesheets and fonts only', async () => {
    for (const url of [
      '/portal-assets/portal.css',
      '/portal-assets/utrecht/button.css',
      '/portal-assets/theme/voorbeeld.css',
      '/portal-assets/fonts/noto-sans/400.css',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, /text\/css/);
    }
    for (const url of [
      '/portal-assets/utrecht/component-library.css',
      '/portal-assets/fonts/noto-sans/package.json',
      '/portal-assets/utrecht/button-css/package.json',
    ]) {
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404, url);
    }
    // ".." is resolved before routing, so these never reach the asset route (the staff app's fallback may answer).
    for (const url of ['/portal-assets/utrecht/../../package.json', '/portal-assets/%2e%2e/package.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.doesNotMatch(res.body, /"name": "klachtflow"/, url);
      // Not the file: a 404 (problem+json, or the staff app's page), never CSS or a package's JSON.
      assert.doesNotMatch(String(res.headers['content-type']), /css|^application\/json/, url);
    }
  });

  test('the survey: unknown → the bad-link page; answered once; a second answer is friendly', async () => {
    const { token, kase } = await plantSurvey();
    const bad = await t.app.inject({ method: 'GET', url: `/enquete/${'y'.repeat(43)}` });
    const badTracking = await t.app.inject({ method: 'GET', url: `/volgen/${token}` });
    assert.equal(bad.statusCode, 404);
    // The same page for every bad link; only the language switch links to the address asked for.
    const own = (body: string, url: string) => body.replace(`href="${url}?taal=en"`, 'href="…"');
    assert.equal(
      own(bad.body, `/enquete/${'y'.repeat(43)}`),
      own(badTracking.body, `/volgen/${token}`),
      'the same page for every bad link',
    );
    assert.match((await t.app.inject({ method: 'GET', url: `/enquete/${token}` })).body, /Hoe vond u het\?/);
    const noScore = await t.app.inject({
      method: 'POST',
      url: `/enquete/${token}`,
      payload: 'comment=Goed',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(noScore.statusCode, 400);
    assert.match(noScore.body, /Kies een cijfer van 1 tot 5/);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/enquete/${token}`,
      payload: 'comment=Goed+geholpen&score=4',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(answer.statusCode, 303);
    const stored = await t.services.db
      .selectFrom('survey')
      .select(['score', 'comment'])
      .where('case_id', '=', kase.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { score: 4, comment: 'Goed geholpen' });
    const again = await t.app.inject({
      method: 'POST',
      url: `/enquete/${token}`,
      payload: 'score=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.match(again.body, /U heeft deze vragen al beantwoord/);
    // The API answers through the same command and schema: once is once, whichever way, in the same words.
    const api = (payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/portal/surveys/${token}`, payload });
    const viaApi = await api({ score: 1 });
    assert.equal(viaApi.statusCode, 409);
    assert.match(viaApi.json().detail, /U heeft deze vragen al beantwoord/);
    assert.equal((await api({ comment: 'Goed' })).json().invalidParams[0].reason, 'Kies een cijfer van 1 tot 5.');
    const unknown = await t.app.inject({ method: 'POST', url: `/api/v1/portal/surveys/${'y'.repeat(43)}`, payload: { score: 4 } });
    assert.equal(unknown.statusCode, 404);
    assert.equal(
      (await t.services.db.selectFrom('survey').select('score').where('case_id', '=', kase.id).executeTakeFirstOrThrow()).score,
      4,
    );
  });
});

describe('portal pages in English', () => {
  const main = (body: string) => (body.match(/<main[\s\S]*<\/main>/)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie'] ?? '');
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const trackingOf = (location: string) => location.replace(/\/ontvangen(\?.*)?$/, '');

  test('the switch: English on every page after one click, kept in a cookie; the form asks in English', async () => {
    const dutch = await get('/klacht');
    assert.match(dutch.body, /<html lang="nl"/);
    assert.match(dutch.body, /<a [^>]*href="\/klacht\?taal=en" lang="en" hreflang="en">English<\/a>/);
    const switched = await get('/klacht?taal=en');
    assert.match(switched.body, /<html lang="en"/);
    assert.match(switched.body, /<h1 class="utrecht-heading-1">Make a complaint<\/h1>/);
    assert.match(switched.body, /<a [^>]*href="\/klacht\?taal=nl" lang="nl" hreflang="nl">Nederlands<\/a>/);
    assert.match(cookieOf(switched), /^kf_taal=en; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    // The next page, with only the cookie: English, and our messages would come in English too.
    const form = await get('/klacht?stap=1&kind=complaint', 'kf_taal=en');
    assert.match(form.body, /<html lang="en"/);
    assert.match(main(form.body), /What is your complaint about\?/);
    assert.match(form.body, /id="language-en" name="language" value="en" checked/);
    assert.equal(cookieOf(form), '', 'a choice already made is not set again');
    // Without a cookie (a browser that keeps none), the English question's form carries the choice.
    assert.match(switched.body, /<input type="hidden" name="taal" value="en">/);
    const missing = await get('/klacht?stap=1&taal=en');
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /<title>Error: Make a complaint – /);
    assert.match(main(missing.body), /Choose what you want to do\./);
  });

  test('errors in English: the form comes back in English with English messages', async () => {
    const res = await post(form({ taal: 'en', subject: '', email: '', postcode: 'x' }), '10.5.0.1');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<html lang="en"/);
    assert.match(res.body, /<title>Error: Your complaint – /);
    const text = main(res.body);
    assert.match(text, /Check these questions/);
    assert.match(text, /Say what your complaint is about \(at least 3 characters\)\./);
    assert.match(text, /Enter your email address\./);
    assert.doesNotMatch(text, /Vul |Controleer/);
  });

  test('an English complaint is stored in English; its confirmation and tracking page are English', async () => {
    const res = await post(form({ taal: 'en', language: 'en', subject: 'Nobody calls back' }), '10.5.0.2');
    assert.equal(res.statusCode, 303, res.body);
    const location = res.headers.location as string;
    assert.match(location, /^\/volgen\/[A-Za-z0-9_-]{43}\/ontvangen$/, 'the case speaks English already');
    const kase = await t.services.db
      .selectFrom('cases')
      .select(['id', 'language', 'status'])
      .where('subject', '=', 'Nobody calls back')
      .executeTakeFirstOrThrow();
    assert.equal(kase.language, 'en');

    // Another browser, no cookie: the case's language.
    const confirmation = await get(location);
    assert.match(confirmation.body, /<html lang="en"/);
    const said = main(confirmation.body);
    assert.match(said, /Your complaint has been sent/);
    assert.match(said, /You will get an answer by \w+day, \d{1,2} \w+ \d{4} at the latest\./);
    assert.match(confirmation.body, new RegExp(`href="${trackingOf(location)}\\?taal=en"`));

    const tracking = await get(trackingOf(location));
    assert.match(tracking.body, /<html lang="en"/);
    const shown = main(tracking.body);
    const def = t.services.processes.defaultProcess;
    const status = def.statuses.find((s) => s.key === kase.status)!;
    assert.ok(shown.includes(`${status.citizenLabel.en}.`), 'the status by its English label');
    for (const step of def.citizenSteps) assert.ok(shown.includes(step.label.en), `step ${step.key} in English`);
    assert.match(shown, /We are here now/);
    assert.match(shown, /From you: your complaint through the website/);
    assert.doesNotMatch(shown, /Hier zijn we nu|Uw klacht|Berichten/);

    // The visitor may read it in Dutch all the same.
    const dutch = await get(`${trackingOf(location)}?taal=nl`);
    assert.match(dutch.body, /<html lang="nl"/);
    assert.ok(main(dutch.body).includes(def.citizenSteps[0]!.label.nl));
    assert.match(cookieOf(dutch), /^kf_taal=nl;/);
    assert.match((await get(trackingOf(location), 'kf_taal=nl')).body, /<html lang="nl"/);

    // An answer in English: an empty one is refused in English, a real one thanked in English.
    const empty = await t.app.inject({
      method: 'POST',
      url: `${trackingOf(location)}/antwoord`,
      remoteAddress: '10.5.0.3',
      ...multipart([['text', '']]),
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<html lang="en"/);
    assert.match(main(empty.body), /Write your answer\./);
    const sent = await t.app.inject({
      method: 'POST',
      url: `${trackingOf(location)}/antwoord`,
      remoteAddress: '10.5.0.3',
      ...multipart([
        ['taal', 'en'],
        ['text', 'My customer number is 123.'],
      ]),
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${trackingOf(location)}?verstuurd=antwoord`);
    assert.match(main((await get(sent.headers.location as string)).body), /Thank you\. We have received your message\./);
  });

  test('a form without the language question still stores the page language', async () => {
    const res = await post(form({ taal: 'en', subject: 'No language field' }), '10.5.0.5');
    assert.equal(res.statusCode, 303, res.body);
    const kase = await t.services.db
      .selectFrom('cases')
      .select('language')
      .where('subject', '=', 'No language field')
      .executeTakeFirstOrThrow();
    assert.equal(kase.language, 'en');
  });

  test('Dutch pages with English messages: the case is English, the pages stay Dutch for this visitor', async () => {
    const res = await post(form({ taal: 'nl', language: 'en', subject: 'Mail in English please' }), '10.5.0.4');
    assert.equal(res.statusCode, 303, res.body);
    const location = res.headers.location as string;
    assert.match(location, /\/ontvangen\?taal=nl$/);
    const kase = await t.services.db
      .selectFrom('cases')
      .select('language')
      .where('subject', '=', 'Mail in English please')
      .executeTakeFirstOrThrow();
    assert.equal(kase.language, 'en');
    assert.match(main((await get(location)).body), /Uw klacht is verstuurd/);
  });

  test('the survey of an English case is English; its messages too', async () => {
    const { token } = await plantSurvey('en');
    const page = await get(`/enquete/${token}`);
    assert.match(page.body, /<html lang="en"/);
    assert.match(main(page.body), /How did we do\? .*Very dissatisfied/);
    const noScore = await t.app.inject({
      method: 'POST',
      url: `/enquete/${token}`,
      payload: 'taal=en&comment=Fine',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(noScore.statusCode, 400);
    assert.match(main(noScore.body), /Choose a number from 1 to 5\./);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/enquete/${token}`,
      payload: 'taal=en&score=5',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(answer.statusCode, 303);
    assert.match(main((await get(answer.headers.location as string)).body), /We have received your answer\./);
  });
});
