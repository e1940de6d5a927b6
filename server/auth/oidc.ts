import * as client from 'openid-client';
import type { Env } from '../config/env.ts';

/**
 * OpenID Connect for staff login: authorization code flow with PKCE, state and nonce. This module
 * only speaks the protocol; it keeps no per-login state (the routes store that in `oidc_login`, so
 * the callback may land on another instance than the one that started the login).
 */
export type OidcSettings = NonNullable<Env['oidc']>;

/** What a login start needs to remember until the callback. */
export type OidcLoginStart = { url: URL; state: string; nonce: string; codeVerifier: string };

/**
 * The identity the provider vouches for. `emailVerified` is undefined when the provider does not say.
 * `name` and `claims` (only the claims asked for: the groups a mapping reads) serve provisioning.
 */
export type OidcIdentity = {
  sub: string;
  email: string | undefined;
  emailVerified: boolean | undefined;
  name: string | undefined;
  claims: Record<string, unknown>;
};

/** What a login asks beyond the identity: extra scopes, and the claims provisioning reads (top-level names). */
export type OidcWants = { scopes: readonly string[]; claims: readonly string[] };
const NOTHING_MORE: OidcWants = { scopes: [], claims: [] };

/** Plain-http issuers are only acceptable for a provider on this machine (development, tests). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const isLocalIssuer = (issuer: string) => LOCAL_HOSTS.has(new URL(issuer).hostname);

// Only what login needs (data minimisation): the subject, and the e-mail address for first-login linking;
// provisioning adds the name (profile) and whatever scopes its groups claim needs.
const SCOPE = 'openid email';
const scopeFor = (wants: OidcWants) =>
  wants.claims.length ? [...new Set([...SCOPE.split(' '), 'profile', ...wants.scopes])].join(' ') : SCOPE;
const DISCOVERY_TIMEOUT_SECONDS = 10;

// Discovery (metadata + JWKS cache) is per process; keyed so a process talking to two providers
// (tests) does not mix them up.
const configurations = new Map<string, Promise<client.Configuration>>();

export function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer}\n${settings.clientId}`;
  let pending = configurations.get(key);
  if (!pending) {
    const options: client.DiscoveryRequestOptions = { timeout: DISCOVERY_TIMEOUT_SECONDS };
    if (isLocalIssuer(settings.issuer)) options.execute = [client.allowInsecureRequests];
    // client_secret_basic: the default token endpoint authentication of OIDC client registration.
    pending = client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      undefined,
      client.ClientSecretBasic(settings.clientSecret),
      options,
    );
    configurations.set(key, pending);
    // A provider that is down at first use must not stay broken for the life of the process.
    pending.catch(() => {
      if (configurations.get(key) === pending) configurations.delete(key);
    });
  }
  return pending;
}

/** A fresh state, nonce and PKCE verifier, and the provider URL to send the browser to. */
export async function startOidcLogin(settings: OidcSettings, redirectUri: string, wants = NOTHING_MORE): Promise<OidcLoginStart> {
  const config = await oidcConfiguration(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: scopeFor(wants),
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Validates the authorization response in `callbackUrl` (the full redirect URI with its query),
 * redeems the code with the PKCE verifier and checks the ID token and its nonce. Claims come from
 * the ID token; what it lacks (e.g. oidc-provider puts `email` only in UserInfo by default, Keycloak
 * may put groups only there) is asked at UserInfo, with the subject pinned to the ID token's.
 */
export async function finishOidcLogin(
  settings: OidcSettings,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
  wants = NOTHING_MORE,
): Promise<OidcIdentity> {
  const config = await oidcConfiguration(settings);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('ID token missing'); // unreachable with expectedNonce; keeps types honest
  const provisioning = wants.claims.length > 0;
  const lacking = (c: Record<string, unknown>) =>
    typeof c.email !== 'string' || (provisioning && (typeof c.name !== 'string' || wants.claims.some((n) => !(n in c))));
  let claims: Record<string, unknown> = idClaims;
  if (lacking(idClaims)) {
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    // The ID token's claims win; UserInfo only fills what it left out.
    claims = { ...info, ...idClaims };
  }
  const kept: Record<string, unknown> = {};
  for (const name of [...wants.claims, '_claim_names']) if (name in claims) kept[name] = claims[name];
  return {
    sub: idClaims.sub,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
    name: displayName(claims),
    claims: kept,
  };
}

/** `name`, else given and family name, as the provider has them. */
function displayName(claims: Record<string, unknown>): string | undefined {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const parts = [text(claims.given_name), text(claims.family_name)].filter(Boolean);
  return text(claims.name) ?? (parts.length ? parts.join(' ') : undefined);
}

/**
 * Fields of an openid-client error that are safe to log: static messages and OAuth error codes,
 * never `error_description` (free text from the provider), tokens or claims.
 */
export function oidcErrorSummary(err: unknown): Record<string, string> {
  if (!(err instanceof Error)) return { name: typeof err };
  const e = err as Error & { code?: unknown; error?: unknown };
  const out: Record<string, string> = { name: e.name, message: e.message };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.error === 'string') out.error = e.error;
  return out;
}
