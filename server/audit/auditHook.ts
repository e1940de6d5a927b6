import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../commands/context.ts';
import { appendAudit, auditId } from './auditChain.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a route reads of a case's or person's data, as the audit log's action ('case.timeline.read').
     * `false`: nothing personal (checked in auditLog.test.ts). Requests that change something (any
     * method but GET/HEAD/OPTIONS) are recorded without it, named by method and route; a route may
     * still name the change, or mark a POST that only reads (a search) with its read action.
     */
    audit?: string | false;
  }
  interface FastifyInstance {
    /** Every route's audit declaration, for the guard that every personal-data read declares one. */
    auditRoutes: { method: string; url: string; permission: string; audit: string | false | undefined; summary?: string }[];
  }
  interface FastifyRequest {
    /** The response object before serialisation, kept for the ids it names (an audited route only). */
    auditResult?: unknown;
    /**
     * A citizen acting on their own case without an account: set by the portal once a secret link is
     * recognised (the link's row id is their pseudonym; never the token) or a complaint is submitted.
     */
    citizen?: { caseId: string; accessId: string | null };
  }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The action this request is recorded as, or null when it is not recorded. */
export function auditAction(request: FastifyRequest): string | null {
  const declared = request.routeOptions.config.audit;
  if (declared === false) return null;
  if (typeof declared === 'string') return declared;
  if (READ_METHODS.has(request.method)) return null;
  const url = (request.routeOptions.url ?? '').replace(/^\/api\/v1/, '');
  return `${request.method} ${url}`;
}

/**
 * A change in words for the audit screen: the first clause of its route's Dutch summary
 * ('Notitie toevoegen'), so the privacy officer reads what happened instead of 'POST /cases/:id/notes'.
 */
export function changeLabels(routes: FastifyInstance['auditRoutes']): Map<string, string> {
  const labels = new Map<string, string>();
  for (const r of routes) {
    const words = r.summary?.split(/[:(;]/)[0]?.trim();
    if (!READ_METHODS.has(r.method) && words) labels.set(`${r.method} ${r.url.replace(/^\/api\/v1/, '')}`, words);
  }
  return labels;
}

/** A citizen's read of their case (any GET through the link); their changes are named by route. */
export const CITIZEN_READ = 'portal.case.read';

/** Which kind of object a path's first segment names, so `:id` lands in the right column. */
function objectIds(url: string, params: Record<string, unknown>, result: unknown) {
  const first = url.replace(/^\/api\/v1/, '').split('/')[1] ?? '';
  let caseId: string | null = null;
  let objectId: string | null = null;
  const personIds: string[] = [];
  const id = auditId(params.id);
  if (id) {
    if (first === 'cases') caseId = id;
    else if (first === 'persons') personIds.push(id);
    else objectId = id;
  }
  // A second id (an action line, task, slot) is the more specific object.
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'id' && auditId(value)) objectId = auditId(value);
  }
  // The ids a response names: the case a letter or document belongs to, the case just registered,
  // the complainant and representative on a case. Ids only; nothing else of the response is kept.
  if (result && typeof result === 'object' && !Array.isArray(result)) {
    const r = result as Record<string, unknown>;
    caseId ??= auditId(r.caseId) ?? (first === 'cases' ? auditId(r.id) : null);
    if (!objectId && first !== 'cases' && first !== 'persons') objectId = auditId(r.id);
    for (const key of ['complainant', 'representative', 'person']) {
      const p = r[key];
      if (p && typeof p === 'object') {
        const pid = auditId((p as Record<string, unknown>).id);
        if (pid) personIds.push(pid);
      }
    }
    const pid = auditId(r.personId);
    if (pid) personIds.push(pid);
  }
  return { caseId, objectId, personIds };
}

const CASE_OF = { documents: 'document', letters: 'letter', activities: 'activity' } as const;
async function caseOf(services: Services, url: string, objectId: string): Promise<string | null> {
  const first = url.replace(/^\/api\/v1/, '').split('/')[1] as keyof typeof CASE_OF;
  const table = CASE_OF[first];
  if (!table) return null;
  const row = await services.db.selectFrom(table).select('case_id').where('id', '=', objectId).executeTakeFirst();
  return row?.case_id ?? null;
}

/**
 * The audit log's one writer for requests: after a successful response to a route that reads
 * personal data (`config.audit`) or changes anything, one entry with who, what, when and from where.
 * Written before the response leaves (onSend), so data never goes out unrecorded: when the write
 * fails, the request fails. The citizen with their own link is recorded too (actor 'citizen', the
 * link's id): what they read of their case and what they sent, so a link used from elsewhere shows.
 */
export function registerAuditHook(app: FastifyInstance, services: Services) {
  const declared: FastifyInstance['auditRoutes'] = [];
  app.decorate('auditRoutes', declared);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD')
        declared.push({
          method,
          url: route.url,
          permission: String(route.config?.permission),
          audit: route.config?.audit,
          summary: (route.schema as { summary?: string } | undefined)?.summary,
        });
    }
  });
  app.addHook('preSerialization', async (request, _reply, payload) => {
    if (request.actor && auditAction(request)) request.auditResult = payload;
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const actor = request.actor;
    if (reply.statusCode >= 400) return payload;
    if (!actor) {
      if (request.citizen) await appendCitizenEntry(services, request, request.citizen);
      return payload;
    }
    const action = auditAction(request);
    if (!action) return payload;
    const url = request.routeOptions.url ?? '';
    const ids = objectIds(url, (request.params ?? {}) as Record<string, unknown>, request.auditResult);
    // A file or PDF answers with bytes, not ids: the case it belongs to is looked up by its key.
    if (!ids.caseId && ids.objectId) ids.caseId = await caseOf(services, url, ids.objectId);
    await appendAudit(
      services.db,
      {
        at: services.clock.now(),
        actorKind: actor.kind === 'client' ? 'client' : 'staff',
        // An API client is recorded by its id (api_client.id), a staff member by theirs.
        actorId: auditId(actor.kind === 'client' ? actor.clientId : actor.id),
        action,
        ...ids,
        ip: request.ip ?? null,
      },
      { durable: !READ_METHODS.has(request.method) },
    );
    return payload;
  });
}

async function appendCitizenEntry(services: Services, request: FastifyRequest, citizen: NonNullable<FastifyRequest['citizen']>) {
  const read = READ_METHODS.has(request.method);
  const url = (request.routeOptions.url ?? '').replace(/^\/api\/v1/, '');
  await appendAudit(
    services.db,
    {
      at: services.clock.now(),
      actorKind: 'citizen',
      actorId: auditId(citizen.accessId),
      // The route's pattern (':token'), never the path the citizen used: that holds the secret.
      action: read ? CITIZEN_READ : `${request.method} ${url}`,
      caseId: auditId(citizen.caseId),
      personIds: [],
      objectId: null,
      ip: request.ip ?? null,
    },
    { durable: !read },
  );
}
