import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { createTestApp } from './harness.ts';

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for login tests, and a "browser" that follows
 * redirects with a cookie jar per origin. The user at the provider is played by finishing the login
 * and consent interactions programmatically, as whoever `provider.who` names.
 */
export type App = Awaited<ReturnType<typeof createTestApp>>;
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
// untyped and describe only what the tests use.
const { Provider } = (await import('oidc-provider' as string)) as { Provider: new (issuer: string, config: object) => ProviderLike };

export const APP_ORIGIN = 'http://localhost'; // createTestApp's PUBLIC_URL; the app is reached via inject
export const CLIENT = { clientId: 'klachtflow', clientSecret: 'test-secret-that-is-long-enough-0123456789' };

/** A provider account's claims (released per scope: email, profile, groups). */
export type AccountClaims = { email: string; email_verified: boolean; name?: string; groups?: string[] };

export type TestProvider = {
  issuer: string;
  /** Provider accounts: subject → claims; change them between logins as an IdP administrator would. */
  accounts: Map<string, AccountClaims>;
  /** The subject the next login interaction logs in as. */
  who: string;
  close(): Promise<void>;
};

export async function startTestProvider(): Promise<TestProvider> {
  let provider: ProviderLike;
  const accounts = new Map<string, AccountClaims>();
  const state: TestProvider = { issuer: '', accounts, who: '', close: async () => {} };

  /** The user at the provider: logs in as `who`, then consents to what the client asked. */
  async function interact(req: Req, res: Res) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      return provider.interactionFinished(req, res, { login: { accountId: state.who } }, { mergeWithLastSubmission: false });
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      });
    } else provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(state.issuer, {
    clients: [
      {
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        redirect_uris: [`${APP_ORIGIN}/api/v1/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Required here so the tests prove the app really sends PKCE (a confidential client need not).
    pkce: { required: () => true },
    // `groups` is a scope of its own, as Keycloak's client scope of that name: a client that does not
    // ask for it gets no groups.
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    features: { devInteractions: { enabled: false } },
    findAccount: async (_ctx: unknown, sub: string) => {
      const a = accounts.get(sub);
      return a && { accountId: sub, claims: async () => ({ sub, ...a }) };
    },
  });
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}

export type Hop = { status: number; location: string | null; body: string; setCookies: string[]; contentType: string };

/** A browser: one cookie jar per origin, redirects followed by hand. */
export function browser(t: App) {
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
        contentType: String(res.headers['content-type'] ?? ''),
      };
    } else {
      const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      hop = {
        status: res.status,
        location: res.headers.get('location'),
        body: await res.text(),
        setCookies: res.headers.getSetCookie(),
        contentType: res.headers.get('content-type') ?? '',
      };
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
