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
      assert.doesNotMatch(String(res.headers['content-type']), /css|json/, url);
    }
  });

  test('the survey: unknown → the bad-link page; answered once; a second answer is friendly', async () => {
    const { randomBytes, createHash } = await import('node:crypto');
    const token = randomBytes(32).toString('base64url');
    const kase = await t.services.db.selectFrom('cases').select(['id', 'complainant_id']).limit(1).executeTakeFirstOrThrow();
    await t.services.db
      .insertInto('survey')
      .values({
        case_id: kase.id,
        person_id: kase.complainant_id,
        token_hash: createHash('sha256').update(token).digest('base64url'),
        sent_at: new Date(),
      })
      .execute();
    const bad = await t.app.inject({ method: 'GET', url: `/enquete/${'y'.repeat(43)}` });
    const badTracking = await t.app.inject({ method: 'GET', url: `/volgen/${token}` });
    assert.equal(bad.statusCode, 404);
    assert.equal(bad.body, badTracking.body, 'the same page for every bad link');
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
