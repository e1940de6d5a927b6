import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildStaff, createTestApp } from '../../test/harness.ts';
import { safeReturnTo } from './oidcRoutes.ts';

/**
 * The whole login journey against a real OpenID provider (oidc-provider) on 127.0.0.1. The test is
 * the browser: it follows redirects with a cookie jar per "browser", and plays the user at the
 * provider's login and consent steps by finishing the interaction programmatically.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
type Req = http.IncomingMessage;
type Res = http.ServerResponse;
type Interaction = {
  prompt: { name: string; details: { missingOIDCClaims?: string[] } };
  params: { client_id: string; scope: string };
  session?: { accountId: string };
};
type ProviderLike = {
  callback(): (req: Req, res: Res) => void;
  interactionDetails(req: Req, res: Res): Promise<Interaction>;
  interactionFinished(req: Req, res: Res, result: object, opts?: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: new (init: {
    accountId: string;
    clientId: string;
  }) => { addOIDCScope(s: string): void; addOIDCClaims(c: string[]): void; save(): Promise<string> };
};
// oidc-provider ships no type declarations (and @types/oidc-provider is not installed): load it
// untyped and describe only what this test uses.
const { Provider } = (await import('oidc-provider' as string)) as { Provider: new (issuer: string, config: object) => ProviderLike };

const APP_ORIGIN = 'http://localhost'; // createTestApp's PUBLIC_URL; the app is reached via inject
const CLIENT = { clientId: 'klachtflow', clientSecret: 'test-secret-that-is-long-enough-0123456789' };
/** Provider accounts: subject → claims. `who` says which one the next login interaction picks. */
const accounts = new Map<string, { email: string; email_verified: boolean }>();
let who = '';

let provider: ProviderLike;
let issuer: string;
const providerServer = http.createServer((req, res) => {
  if (req.url?.startsWith('/interaction/')) {
    interact(req, res).catch((err: Error) => {
      res.statusCode = 500;
      res.end(err.message);
    });
  } else provider.callback()(req, res);
});

/** The user at the provider: logs in as `who`, then consents to what the client asked. */
async function interact(req: Req, res: Res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(req, res, { login: { accountId: who } }, { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

type Hop = { status: number; location: string | null; body: string; setCookies: string[] };

/** A browser: one cookie jar per origin, redirects followed by hand. */
function browser(t: App) {
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (origin: string) => [...(jar.get(origin) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (origin: string, setCookies: string[]) => {
    const cookies = jar.get(origin) ?? new Map<string, string>();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    jar.set(origin, cookies);
  };
  async function get(url: URL): Promise<Hop> {
    const cookie = cookieHeader(url.origin);
    let hop: Hop;
    if (url.origin === APP_ORIGIN) {
      const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search, headers: cookie ? { cookie } : {} });
      const sc = res.headers['set-cookie'];
      hop = {
        status: res.statusCode,
        location: (res.headers.location as string | undefined) ?? null,
        body: res.body,
        setCookies: sc === undefined ? [] : ([] as string[]).concat(sc),
      };
    } else {
      const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      hop = { status: res.status, location: res.headers.get('location'), body: await res.text(), setCookies: res.headers.getSetCookie() };
    }
    remember(url.origin, hop.setCookies);
    return hop;
  }
  return {
    get: (url: string) => get(new URL(url, APP_ORIGIN)),
    cookie: (name: string) => jar.get(APP_ORIGIN)?.get(name),
    /** Puts a cookie back, as an attacker holding a copy of it would. */
    setCookie: (name: string, value: string) => remember(APP_ORIGIN, [`${name}=${value}`]),
    /** Starts a login and follows redirects until the provider sends the browser back to Klachtflow. */
    async toCallback(returnTo = '/'): Promise<URL> {
      let url = new URL(`/api/v1/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, APP_ORIGIN);
      for (let i = 0; i < 12; i++) {
        const hop = await get(url);
        assert.ok(
          hop.status >= 300 && hop.status < 400 && hop.location,
          `expected a redirect from ${url.pathname}, got ${hop.status}: ${hop.body.slice(0, 300)}`,
        );
        url = new URL(hop.location, url);
        if (url.origin === APP_ORIGIN) return url;
      }
      throw new Error('too many redirects');
    },
  };
}

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
  before(async () => {
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT.clientId,
          client_secret: CLIENT.clientSecret,
          redirect_uris: [`${APP_ORIGIN}/api/v1/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      // Required here so the test proves the app really sends PKCE (a confidential client need not).
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      features: { devInteractions: { enabled: false } },
      findAccount: async (_ctx: unknown, sub: string) => {
        const a = accounts.get(sub);
        return a && { accountId: sub, claims: async () => ({ sub, ...a }) };
      },
    });
    t = await createTestApp({ oidc: { issuer, ...CLIENT } });
  });
  after(async () => {
    await t.close();
    providerServer.closeAllConnections();
    await new Promise((resolve) => providerServer.close(resolve));
  });

  test('the full journey opens a session, returns to the page asked for, and links the subject', async () => {
    const anna = await buildStaff(t.services, { roles: ['backOffice'], name: 'Anna de Vries' });
    accounts.set('sub-anna', { email: anna.email.toUpperCase(), email_verified: true }); // addresses compare case-insensitively
    who = 'sub-anna';
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
    who = 'sub-bert';
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

  test('someone unknown to Klachtflow, deactivated, or with an unverified address gets 403 and no session', async () => {
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
      who = sub;
      const b = browser(t);
      const res = await b.get((await b.toCallback()).href);
      assert.equal(res.status, 403, `${sub}: ${res.body}`);
      const problem = JSON.parse(res.body);
      assert.equal(problem.detail, 'U heeft geen account in Klachtflow. Vraag de beheerder om toegang.');
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
