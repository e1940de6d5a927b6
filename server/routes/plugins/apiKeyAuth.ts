import type { FastifyRequest } from 'fastify';
import { hashApiKey, looksLikeApiKey } from '../../apiClients/apiKey.ts';
import type { ClientActor, Services } from '../../commands/context.ts';
import { AppError } from '../../domain/errors.ts';
import type { RoutePermission } from '../../policies/permissions.ts';
import { clientByKeyHash } from '../../queries/apiClients.ts';

/**
 * Another system calls with its API key: `Authorization: Bearer kf_…` or `X-Api-Key: kf_…`.
 * Undefined: the request carries no key (a browser with its session cookie).
 */
export function apiKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header.trim();
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return bearer?.trim();
}

/**
 * The client a key stands for, allowed this route. No CSRF token: a browser never adds this header
 * by itself, so a page on another site cannot send a user's key along (it would need a CORS
 * preflight, which this server does not allow); a session cookie sent with it is ignored, so a key
 * never borrows a session. Routes for a person (`authenticated`: their session, notifications,
 * filters) are not for keys.
 */
export async function clientFor(services: Services, key: string, permission: RoutePermission): Promise<ClientActor> {
  const client = looksLikeApiKey(key) ? await clientByKeyHash(services, hashApiKey(key)) : null;
  if (!client) throw new AppError('unauthenticated', 'Deze API-sleutel is onbekend, ingetrokken of verlopen.');
  if (permission === 'authenticated' || permission === 'metricsToken' || !client.permissions.has(permission))
    throw new AppError('forbidden', 'Deze API-sleutel heeft niet de scope die hiervoor nodig is.');
  return client;
}
