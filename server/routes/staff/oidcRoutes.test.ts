import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildStaff, createTestApp } from '../../test/harness.ts';
import { type App, browser, CLIENT, type Hop, startTestProvider, type TestProvider } from '../../test/oidcProvider.ts';
import { safeReturnTo } from './oidcRoutes.ts';

/**
 * The whole login journey against a real OpenID provider (oidc-provider) on 127.0.0.1 (test/oidcProvider.ts).
 * The test is the browser: it follows redirects with a cookie jar per "browser", and plays the user at
 * the provider's login and consent steps by finishing the interaction programmatically. Without a
 * group mapping a login only finds an account made in Klachtflow (oidcProvisioning.test.ts: with one).
 */
const sessionsOf = async (t: App, userId: string) =>
  Number(
    (
      await t.services.db
        .selectFrom('session')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const subjectOf = async (t: App, userId: string) =>
  (await t.services.db.selectFrom('staff_user').select('oidc_subject').where('id', '=', userId).executeTakeFirstOrThrow()).oidc_subject;

describe('staff login with OpenID Connect', () => {
  let t: App;
  let idp: TestProvider;
  let accounts: TestProvider['accounts'];
  before(async () => {
    idp = await startTestProvider();
    accounts = idp.accounts;
    t = await createTestApp({ oidc: { issuer: idp.issuer, ...CLIENT } });
  });
  after(async () => {
    await t.close();
    await idp.close();
  });

  test('the full journey opens a session, returns to the page asked for, and links the subject', async () => {
    const anna = await buildStaff(t.services, { roles: ['backOffice'], name: 'Anna de Vries' });
    accounts.set('sub-anna', { email: anna.email.toUpperCase(), email_verified: true }); // addresses compare case-insensitively
    idp.who = 'sub-anna';
    assert.equal(await subjectOf(t, anna.id), null);

    const b = browser(t);
    const callback = await b.toCallback('/werkvoorraad?tab=mijn');
    const done = await b.get(callback.href);
    assert.equal(done.status, 302, done.body);
    assert.equal(done.location, '/werkvoorraad?tab=mijn');
    assert.ok(b.cookie('kf_session'));
    const me = await b.get('/api/v1/session');
    assert.equal(me.status, 200, me.body);
    assert.equal(JSON.parse(me.body).user.id, anna.id);
    assert.equal(await subjectOf(t, anna.id), 'sub-anna'); // (d) the first login linked the account

    // Once linked the subject decides: a changed address at the provider still finds Anna.
    accounts.set('sub-anna', { email: 'anna.nieuw@elders.example', email_verified: true });
    const again = browser(t);
    assert.equal((await again.get((await again.toCallback()).href)).location, '/');
    assert.equal(JSON.parse((await again.get('/api/v1/session')).body).user.id, anna.id);
    assert.equal(
      Number(
        (
          await t.services.db
            .selectFrom('oidc_login')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );
  });

  test('a replayed, forged, expired or swapped state is refused, and so is another browser', async () => {
    const bert = await buildStaff(t.services, { roles: ['backOffice'] });
    accounts.set('sub-bert', { email: bert.email, email_verified: true });
    idp.who = 'sub-bert';
    const stateOf = (u: URL) => u.searchParams.get('state')!;
    const refused = async (hop: Promise<Hop>) => {
      const res = await hop;
      assert.equal(res.status, 400, res.body);
      assert.equal(JSON.parse(res.body).invalidParams[0].name, 'query.state');
    };

    // Replay: even with the state cookie put back, the attempt was used up by the first callback.
    const b = browser(t);
    const callback = await b.toCallback();
    assert.equal((await b.get(callback.href)).status, 302);
    b.setCookie('kf_oidc_state', stateOf(callback));
    await refused(b.get(callback.href));

    // Forged: a state Klachtflow never issued, even when cookie and URL agree; or no state at all.
    const f = browser(t);
    const forged = await f.toCallback();
    forged.searchParams.set('state', 'a-state-klachtflow-never-issued');
    f.setCookie('kf_oidc_state', 'a-state-klachtflow-never-issued');
    await refused(f.get(forged.href));
    forged.searchParams.delete('state');
    await refused(f.get(forged.href));

    // Expired: ten minutes is all an attempt gets.
    const l = browser(t);
    const late = await l.toCallback();
    t.clock.advance(10 * 60_000 + 1);
    await refused(l.get(late.href));

    // Login CSRF: the callback of someone else's login, opened in another browser, opens nothing.
    const attackerCallback = await browser(t).toCallback();
    const victim = browser(t);
    await victim.toCallback(); // the victim has an attempt of their own going
    await refused(victim.get(attackerCallback.href));
    assert.equal(victim.cookie('kf_session'), undefined);

    // The code of one attempt with the (valid, bound) state of another: PKCE and nonce no longer match.
    const s = browser(t);
    const first = await s.toCallback();
    const second = await s.toCallback();
    first.searchParams.set('state', stateOf(second));
    const res = await s.get(first.href);
    assert.equal(res.status, 401, res.body);
    assert.equal(await sessionsOf(t, bert.id), 1);
  });

  test('someone unknown to Klachtflow, deactivated, or with an unverified address gets a page saying whom to ask, and no session', async () => {
    const before = Number(
      (
        await t.services.db
          .selectFrom('session')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const cora = await buildStaff(t.services, { roles: ['backOffice'] });
    const dirk = await buildStaff(t.services, { roles: ['backOffice'] });
    await t.services.db.updateTable('staff_user').set({ active: false }).where('id', '=', dirk.id).execute();
    accounts.set('sub-stranger', { email: 'niemand@elders.example', email_verified: true });
    accounts.set('sub-cora', { email: cora.email, email_verified: false });
    accounts.set('sub-dirk', { email: dirk.email, email_verified: true });
    for (const sub of ['sub-stranger', 'sub-cora', 'sub-dirk']) {
      idp.who = sub;
      const b = browser(t);
      const res = await b.get((await b.toCallback()).href);
      assert.equal(res.status, 403, `${sub}: ${res.body}`);
      // A page for the browser that came back from the provider, the same whichever the reason.
      assert.match(res.contentType, /^text\/html/);
      assert.match(res.body, /<h1[^>]*>U heeft geen toegang tot Klachtflow<\/h1>/);
      assert.match(res.body, /Vraag de beheerder van Klachtflow om u toegang te geven/);
      assert.equal(b.cookie('kf_session'), undefined);
    }
    assert.equal(await subjectOf(t, cora.id), null);
    assert.equal(await subjectOf(t, dirk.id), null);
    const after = Number(
      (
        await t.services.db
          .selectFrom('session')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    assert.equal(after, before);
  });

  test('returnTo only ever points at a path on this site', () => {
    for (const bad of [
      undefined,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/a\nb',
      `/${'x'.repeat(2001)}`,
    ]) {
      assert.equal(safeReturnTo(bad), '/', String(bad));
    }
    assert.equal(safeReturnTo('/meldingen/123?tab=tijdlijn#notities'), '/meldingen/123?tab=tijdlijn#notities');
    assert.equal(safeReturnTo('/a/../../b'), '/b');
  });
});

test('without OIDC configured the routes do not exist', async () => {
  const t = await createTestApp();
  try {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/oidc/login' })).statusCode, 404);
  } finally {
    await t.close();
  }
});
