import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { finishOidcLogin, oidcErrorSummary, startOidcLogin, type OidcIdentity, type OidcSettings } from '../../auth/oidc.ts';
import { saveOidcAttempt, staffUserForOidc, takeOidcAttempt } from '../../auth/oidcLogins.ts';
import type { Services } from '../../commands/context.ts';
import { accountFromProvider } from '../../commands/oidcProvisioning.ts';
import type { Env } from '../../config/env.ts';
import { claimRoots, groupsLeftOut } from '../../config/oidcMapping.ts';
import { AppError } from '../../domain/errors.ts';
import { createSession } from '../plugins/auth.ts';
import { loginRefusedPage } from './loginRefusedPage.ts';

/**
 * Staff login through the organisation's OpenID provider. Both routes are browser redirects. The
 * login attempt (state, nonce, PKCE verifier, where to return) lives in `oidc_login`, never in
 * memory, so any instance behind the load balancer can finish a login another one started.
 */
const tags = ['Inloggen'];
const LOGIN_TTL_MS = 10 * 60_000;
/**
 * The state is also kept in a cookie of the browser that started the login: the row alone would let
 * anyone finish an attempt, so an attacker could send a colleague the callback URL of the attacker's
 * own login and have them work under the attacker's account (login CSRF, RFC 9700 §4.7).
 */
const STATE_COOKIE = 'kf_oidc_state';
const EXPIRED = 'Deze inlogpoging is verlopen of ongeldig. Probeer opnieuw in te loggen.';
type OidcEnv = Pick<Env, 'sessionTtlHours' | 'cookieSecure' | 'publicUrl'>;

/**
 * Only a path on this site may be a return target: anything that could leave the origin
 * (`//host`, `/\host`, schemes, control characters) becomes `/`, so login is no open redirect.
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value || value.length > 2000 || !value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  const base = 'http://klachtflow.invalid';
  const url = new URL(value, base);
  return url.origin === base ? url.pathname + url.search + url.hash : '/';
}

export function registerOidcRoutes(api: FastifyInstance, services: Services, env: OidcEnv, oidc: OidcSettings) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  // The provider must send the browser back to exactly this URL (it is registered there), so it is
  // built from PUBLIC_URL and never from request headers.
  const callbackUrl = () => `${env.publicUrl.replace(/\/+$/, '')}${api.prefix}/oidc/callback`;
  const cookiePath = `${api.prefix}/oidc/callback`;
  // With a group mapping the provider keeps the accounts (provisioning); without, a login only finds one.
  const mapping = services.org.oidc;
  const wants = mapping ? { scopes: mapping.scopes, claims: claimRoots(mapping) } : undefined;

  r.get(
    '/oidc/login',
    {
      config: { permission: 'public', openapi: { redirect: {} } },
      schema: {
        tags,
        summary: 'Inloggen via de identiteitsprovider van de organisatie (doorverwijzing)',
        querystring: z.object({ returnTo: z.string().optional() }),
      },
    },
    async (req, reply) => {
      const start = await startOidcLogin(oidc, callbackUrl(), wants);
      await saveOidcAttempt(
        services,
        { state: start.state, codeVerifier: start.codeVerifier, nonce: start.nonce, returnTo: safeReturnTo(req.query.returnTo) },
        LOGIN_TTL_MS,
      );
      // SameSite=Lax still travels on the provider's top-level redirect back (a GET).
      reply.setCookie(STATE_COOKIE, start.state, {
        path: cookiePath,
        httpOnly: true,
        sameSite: 'lax',
        secure: env.cookieSecure,
        maxAge: LOGIN_TTL_MS / 1000,
      });
      return reply.redirect(start.url.href, 302);
    },
  );

  r.get(
    '/oidc/callback',
    {
      // A refused login ends on a page for the person (loginRefusedPage.ts), not a problem document.
      config: { permission: 'public', openapi: { redirect: { htmlErrors: [403] }, errors: [401] } },
      schema: {
        tags,
        summary: 'Terugkeer van de identiteitsprovider; opent een sessie',
        // code, iss, error, … are read by openid-client from the raw URL; only state is ours.
        querystring: z.looseObject({
          state: z
            .string()
            .max(512)
            .optional()
            .meta({ 'x-kf-rule': 'De state van deze login, zoals /oidc/login hem meegaf; een andere geeft 400.' }),
          // The provider's answer (RFC 6749 4.1.2, OpenID Connect): read by openid-client, named here for the document.
          code: z.string().optional(),
          iss: z.string().optional(),
          error: z.string().optional(),
        }),
      },
    },
    async (req, reply) => {
      const state = req.query.state;
      const cookieState = req.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: cookiePath });
      // Only the browser that started the attempt may finish it, and only once.
      const attempt = state && cookieState === state ? await takeOidcAttempt(services, state) : undefined;
      if (!attempt) {
        throw new AppError('invalid', EXPIRED, [
          { name: 'query.state', code: 'unknown', reason: 'Onbekende, verlopen of al gebruikte inlogpoging.' },
        ]);
      }

      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      let who: OidcIdentity;
      try {
        who = await finishOidcLogin(
          oidc,
          new URL(callbackUrl() + query),
          {
            state: attempt.state,
            nonce: attempt.nonce,
            codeVerifier: attempt.code_verifier,
          },
          wants,
        );
      } catch (err) {
        // Refused or cancelled at the provider, bad code, wrong nonce or signature: the details are
        // for operators only, and without tokens or claims.
        req.log.warn({ oidc: oidcErrorSummary(err) }, 'oidc login failed');
        throw new AppError('unauthenticated', 'Inloggen bij de identiteitsprovider is niet gelukt. Probeer het opnieuw.');
      }

      let userId: string | null;
      if (mapping) {
        const login = await accountFromProvider(services, who, mapping);
        // What happened, for operators: no names, addresses or subjects.
        req.log.info({ oidc: { outcome: login.outcome, groupsLeftOut: groupsLeftOut(mapping, who.claims) } }, 'oidc provisioning');
        userId = 'userId' in login ? login.userId : null;
      } else {
        userId = await staffUserForOidc(services, who);
      }
      // The browser came from the provider: a page that says what to do, not a JSON error.
      if (!userId)
        return reply.code(403).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(loginRefusedPage(services.org));
      await createSession(services, userId, reply, { ttlHours: env.sessionTtlHours, secure: env.cookieSecure });
      return reply.redirect(attempt.return_to, 302);
    },
  );
}
