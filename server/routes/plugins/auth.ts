import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteSession, insertSession, sessionUser } from '../../auth/sessions.ts';
import type { ClientActor, Services, StaffActor } from '../../commands/context.ts';
import { AppError } from '../../domain/errors.ts';
import { isRole } from '../../domain/roles.ts';
import { permissionsFor, type RoutePermission } from '../../policies/permissions.ts';
import { managedUnitKeys } from '../../queries/standIn.ts';
import { cacheSession, cachedSession, evictSession } from './sessionCache.ts';
import { apiKeyOf, clientFor } from './apiKeyAuth.ts';

/**
 * Sessions live in the database (so instances are stateless) behind an HttpOnly cookie; the cookie
 * holds a random token, the table only its hash. Unsafe methods need the session's CSRF token in
 * the `X-CSRF-Token` header. Every route declares a permission; see routeTable.ts.
 */
export const SESSION_COOKIE = 'kf_session';
export const CSRF_HEADER = 'x-csrf-token';
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: StaffActor | ClientActor | null;
    sessionCsrf: string | null;
  }
}

export async function createSession(services: Services, userId: string, reply: FastifyReply, opts: { ttlHours: number; secure: boolean }) {
  // A new login replaces whatever session this browser had (no fixation, no stale sessions).
  const previous = reply.request.cookies[SESSION_COOKIE];
  if (previous) {
    evictSession(services, hashToken(previous));
    await deleteSession(services, hashToken(previous));
  }
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const now = services.clock.now();
  const expires = new Date(now.getTime() + opts.ttlHours * 3600_000);
  await insertSession(services, { id: hashToken(token), userId, csrf, createdAt: now, expiresAt: expires });
  // Max-Age, not Expires: the browser counts it on its own clock, so a server clock that differs
  // (KLACHTFLOW_PINNED_CLOCK in tests, or a skewed host) cannot expire the cookie at once.
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secure, maxAge: opts.ttlHours * 3600 });
  return { csrfToken: csrf, expiresAt: expires };
}

export async function destroySession(services: Services, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    evictSession(services, hashToken(token));
    await deleteSession(services, hashToken(token));
  }
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

async function loadActor(services: Services, token: string): Promise<{ actor: StaffActor; csrf: string } | null> {
  const sessionId = hashToken(token);
  const hit = cachedSession(services, sessionId);
  if (hit) return hit;
  const row = await sessionUser(services, sessionId);
  if (!row) return null;
  const roles = row.roles.filter(isRole);
  const loaded = {
    actor: {
      kind: 'staff',
      id: row.id,
      name: row.name,
      email: row.email,
      roles,
      teamIds: row.team_ids ?? [],
      permissions: permissionsFor(roles),
      ...(row.stand_in_for?.length
        ? { standIn: { forUserIds: row.stand_in_for, managedUnitKeys: managedUnitKeys(services.org, row.email) } }
        : {}),
    },
    csrf: row.csrf_token,
  } satisfies { actor: StaffActor; csrf: string };
  cacheSession(services, sessionId, { ...loaded, expiresAt: row.expires_at });
  return loaded;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Constant-time compare of bytes: a header decoded as latin1 may be as long in characters but not in bytes. */
function sameSecret(given: unknown, expected: string) {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerAuth(app: FastifyInstance, services: Services, opts: { metricsToken?: string } = {}) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);
  // onRequest: a caller without access learns nothing, not even whether its body was valid.
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) throw new AppError('forbidden', 'Deze route is niet vrijgegeven.');
    if (permission === 'public') return;
    if (permission === 'metricsToken') return checkBearer(request, opts.metricsToken);
    // Another system with an API key: its scopes, no session, no CSRF token (apiKeyAuth.ts).
    const key = apiKeyOf(request);
    if (key !== undefined) {
      request.actor = await clientFor(services, key, permission);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const loaded = token ? await loadActor(services, token) : null;
    if (!loaded) throw new AppError('unauthenticated', 'Log in om verder te gaan.');
    if (!SAFE.has(request.method) && !sameSecret(request.headers[CSRF_HEADER], loaded.csrf)) {
      throw new AppError('forbidden', 'Het CSRF-token ontbreekt of klopt niet. Laad de pagina opnieuw.');
    }
    request.actor = loaded.actor;
    request.sessionCsrf = loaded.csrf;
    if (permission !== 'authenticated' && !loaded.actor.permissions.has(permission)) {
      throw new AppError('forbidden', 'U heeft niet de rol die hiervoor nodig is.');
    }
  });
}

/**
 * A machine reader (Prometheus) with the configured token. Fail closed: without a configured token the
 * route is not there at all (404), so an installation that never set one exposes nothing.
 */
function checkBearer(request: FastifyRequest, expected: string | undefined) {
  if (!expected) throw new AppError('not_found', 'Deze pagina of bron bestaat niet.');
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!sameSecret(given, expected)) throw new AppError('unauthenticated', 'Een geldig token (Authorization: Bearer) is nodig.');
}

/** The actor of a route that required a login (or an API key); routes with `public` never call this. */
export function staffActor(request: FastifyRequest): StaffActor | ClientActor {
  if (!request.actor) throw new AppError('unauthenticated', 'Log in om verder te gaan.');
  return request.actor;
}

/** The actor of a route that is about a person (their reports, measures they own): never an API key. */
export function staffMember(request: FastifyRequest): StaffActor {
  const actor = staffActor(request);
  if (actor.kind !== 'staff') throw new AppError('forbidden', 'Dit kan alleen een medewerker, niet een koppeling met een API-sleutel.');
  return actor;
}
