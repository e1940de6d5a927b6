import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The OpenAPI document, made NL API Design Rules clean in ONE place (checked by `npm run lint:api`
 * with Logius's Spectral ruleset in config/adr/, and by openapiDocument.test.ts). A route declares
 * only what it knows (summary, tags, params, query, body, its success responses, its permission);
 * this file adds to every operation: an operationId, a Dutch description, the security that applies,
 * the `API-Version` header on every response, the problem+json error responses its permission,
 * path and method can produce, and examples. Routes outside `/api/v1` (HTML pages, assets, the
 * staff app's shell, robots.txt, …) are not API operations and stay out of the document.
 *
 * A route may still say more itself: `schema.operationId`, `schema.description` (a Dutch sentence),
 * its own error responses, or `config.openapi.errors` (extra problem statuses it answers with).
 */

export const API_PREFIX = '/api/v1';
const DOCS_PREFIX = `${API_PREFIX}/docs`;

/** RFC 9457 problem details, as routes/problem.ts sends them. */
export const problemJsonSchema = {
  type: 'object',
  description: 'Een fout volgens RFC 9457 (application/problem+json).',
  required: ['type', 'status', 'title', 'detail'],
  properties: {
    type: { type: 'string', description: 'Soort fout (een URI).', example: 'about:blank' },
    status: { type: 'integer', description: 'De HTTP-statuscode.', minimum: 400, maximum: 599, example: 400 },
    title: { type: 'string', description: 'Korte omschrijving van de soort fout.', example: 'Ongeldige invoer' },
    detail: { type: 'string', description: 'Uitleg voor deze keer.', example: 'Een of meer velden zijn niet geldig.' },
    instance: { type: 'string', description: 'Het pad van het verzoek.', example: '/api/v1/cases' },
    invalidParams: {
      type: 'array',
      description: 'Bij 400: elk veld dat niet klopt.',
      items: {
        type: 'object',
        required: ['name', 'reason'],
        properties: {
          name: { type: 'string', description: 'Het veld, bijvoorbeeld body.note.', example: 'body.note' },
          code: { type: 'string', description: 'Een vaste code voor de soort fout.', example: 'required' },
          reason: { type: 'string', description: 'Wat er niet klopt, in gewone taal.', example: 'Vul dit veld in.' },
        },
        additionalProperties: true,
      },
    },
  },
  additionalProperties: true,
} as const;

/** The same shape in zod, for a route that declares a problem response itself. */
export const problemOut = z
  .object({
    type: z.string(),
    status: z.number().int(),
    title: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), code: z.string().optional(), reason: z.string() }).loose()).optional(),
  })
  .loose();

/** A route that answers 204 declares `response: { 204: noContent }`. */
export const noContent = z.null().optional().describe('Gelukt; het antwoord heeft geen inhoud.');

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Ongeldige invoer: invalidParams noemt elk veld dat niet klopt.',
  401: 'Niet ingelogd, of de API-sleutel is onbekend, ingetrokken of verlopen.',
  403: 'Geen toegang: de rol of scope ontbreekt, of het CSRF-token ontbreekt of klopt niet.',
  404: 'Niet gevonden, of buiten wat u mag zien.',
  409: 'Conflict: de toestand is intussen veranderd of staat dit niet toe; er is niets gewijzigd.',
  413: 'Het verzoek of bestand is te groot.',
  415: 'Dit mediatype of bestandstype wordt niet ondersteund.',
  429: 'Te veel verzoeken; probeer het later opnieuw.',
  500: 'Interne fout.',
  503: 'Niet beschikbaar.',
};
const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': 'Gelukt.',
  '201': 'Aangemaakt.',
  '202': 'Aangenomen; het werk loopt nog.',
  '204': 'Gelukt; het antwoord heeft geen inhoud.',
  '302': 'Doorverwijzing naar het adres in de kop Location.',
  '304': 'Niet gewijzigd sinds de vorige keer.',
};

export const apiVersionHeader = {
  description: 'De volledige versie van de API (NL API Design Rules /core/version-header).',
  schema: { type: 'string', example: '1.0.0' },
  required: true,
};

/** What the document needs to know of a route beyond its schema. */
export type OpenApiRouteConfig = {
  permission?: string;
  rateLimit?: unknown;
  openapi?: {
    /** Extra problem statuses this route answers with (beyond the ones its shape implies). */
    errors?: number[];
    /** A file answer: its media types (e.g. ['application/pdf']; ['*\/*'] for a stored file in its own type). */
    produces?: string[];
    /** A multipart/form-data body the route reads itself: the form's fields as JSON Schema properties. */
    multipart?: { properties: Record<string, unknown>; required?: string[] };
    /** A browser step that answers 302 to a Location (login), and the statuses it answers with an HTML page. */
    redirect?: { htmlErrors?: number[] };
  };
};
declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the OpenAPI document cannot read from the route's schema (see OpenApiRouteConfig). */
    openapi?: OpenApiRouteConfig['openapi'];
  }
}

type RouteInfo = {
  method: string;
  url: string;
  permission: string;
  errors: number[];
  hasBody: boolean;
  produces?: string[];
  multipart?: { properties: Record<string, unknown>; required?: string[] };
  redirect?: { htmlErrors?: number[] };
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `post /cases/:id/notes` → `postCasesIdNotes`: unique, because method and path are. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .slice(url.startsWith(API_PREFIX) ? API_PREFIX.length : 0)
    .split(/[/\-_.]+/)
    .filter(Boolean)
    .map((w) => w.replace(/^:/, 'by-').replace(/[^A-Za-z0-9]/g, ''))
    .flatMap((w) => w.split('-'))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/** The statuses of problem responses a route can produce from its permission, path and method. */
export function problemStatusesOf(info: Omit<RouteInfo, 'errors'> & { errors?: number[]; rateLimited?: boolean }): number[] {
  const s = new Set<number>([400]);
  if (info.permission !== 'public') {
    s.add(401);
    s.add(403);
  }
  if (info.url.includes(':')) s.add(404);
  if (MUTATING.has(info.method)) s.add(409);
  if (info.hasBody) {
    s.add(413);
    s.add(415);
  }
  if (info.rateLimited) s.add(429);
  for (const e of info.errors ?? []) s.add(e);
  return [...s].sort();
}

function accessSentence(permission: string, method: string): string {
  const csrf = MUTATING.has(method) ? ' Met een sessie stuurt u het CSRF-token mee in de kop X-CSRF-Token.' : '';
  if (permission === 'public') return 'Dit is openbaar: er is geen sessie of API-sleutel voor nodig.';
  if (permission === 'authenticated')
    return `Hiervoor is een ingelogde medewerker nodig (de sessiecookie); een API-sleutel werkt hier niet.${csrf}`;
  if (permission === 'metricsToken') return 'Hiervoor is het token van de metrics nodig (Authorization: Bearer).';
  return (
    `Hiervoor is de bevoegdheid ${permission} nodig: een ingelogde medewerker met een rol die haar geeft, ` +
    `of een koppeling met een API-sleutel met die scope.${csrf}`
  );
}

function securityOf(permission: string): Array<Record<string, string[]>> {
  if (permission === 'public') return [];
  if (permission === 'authenticated') return [{ session: [], csrf: [] }];
  if (permission === 'metricsToken') return [{ apiKey: [] }];
  return [{ session: [], csrf: [] }, { apiKey: [] }, { apiKeyHeader: [] }];
}

/** A value that satisfies a (zod-generated) JSON Schema, for examples. Undefined when none is found. */
export function exampleOf(schema: unknown, depth = 0, name = ''): unknown {
  if (!schema || typeof schema !== 'object' || depth > 12) return undefined;
  const s = schema as Record<string, unknown>;
  if ('example' in s) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if ('const' in s) return s.const;
  if ('default' in s && s.default !== undefined) return s.default;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.find((v) => v !== null) ?? s.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = s[key];
    // Alternatives beside a type (an object that needs one of its fields) narrow it; the object's own example stands.
    if (Array.isArray(list) && s.type === undefined && s.properties === undefined) {
      for (const alt of list) {
        if ((alt as Record<string, unknown>)?.type === 'null') continue;
        const v = exampleOf(alt, depth + 1, name);
        if (v !== undefined) return v;
      }
      return list.length ? null : undefined;
    }
  }
  if (Array.isArray(s.allOf)) return exampleOf(s.allOf[0], depth + 1, name);
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') as string) : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [key, prop] of Object.entries(props)) {
        const v = exampleOf(prop, depth + 1, key);
        if (v !== undefined) out[key] = v;
        else if (required.has(key)) return undefined;
      }
      return out;
    }
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 1;
      const item = exampleOf(s.items, depth + 1, name);
      if (item === undefined) return min === 0 ? [] : undefined;
      if (s.uniqueItems && min > 1) return undefined;
      return Array.from({ length: Math.max(1, Math.min(min, 20)) }, () => item);
    }
    case 'string':
      return stringExample(s, name);
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1;
      const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : min + 1;
      return Math.min(Math.max(min, 1), max);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

function stringExample(s: Record<string, unknown>, name: string): string | undefined {
  const byFormat: Record<string, string> = {
    uuid: '3f2b8c1e-6a4d-4e2f-9b7a-1c2d3e4f5a6b',
    email: 'naam@voorbeeld.nl',
    'date-time': '2026-03-02T09:00:00.000Z',
    date: '2026-03-02',
    time: '09:00:00',
    uri: 'https://voorbeeld.nl/pad',
    url: 'https://voorbeeld.nl/pad',
  };
  if (typeof s.format === 'string' && byFormat[s.format]) return byFormat[s.format];
  if (typeof s.pattern === 'string') return undefined; // a pattern we cannot satisfy blindly
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 200;
  let text = /name|naam/i.test(name)
    ? 'Jansen'
    : /note|text|body|reason|description|toelichting/i.test(name)
      ? 'Een toelichting.'
      : 'voorbeeld';
  while (text.length < min) text += ' voorbeeld';
  return text.slice(0, max);
}

// ─── The two hooks @fastify/swagger calls ────────────────────────────────────────────────────────

const routes = new Map<string, RouteInfo>();

/** Per route: hides what is not API, gives it an operationId and remembers what transformObject needs. */
export const openApiTransform: NonNullable<FastifyDynamicSwaggerOptions['transform']> = (input) => {
  const { url, route } = input;
  const schema = (input.schema ?? {}) as Record<string, unknown>;
  const method = (Array.isArray(route.method) ? route.method.find((m) => m !== 'HEAD') : route.method) as string;
  // HTML pages, assets, the staff app, the documentation itself: not API operations.
  if (!url.startsWith(`${API_PREFIX}/`) || url.startsWith(DOCS_PREFIX) || schema.hide) {
    return { schema: { ...schema, hide: true }, url };
  }
  const transformed = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const out = { ...(transformed.schema as Record<string, unknown>) };
  const operationId = (schema.operationId as string | undefined) ?? operationIdOf(method, url);
  out.operationId = operationId;
  const config = (route.config ?? {}) as OpenApiRouteConfig;
  const permission = config.permission ?? 'public';
  out.security = securityOf(permission);
  const summary = (schema.summary as string | undefined) ?? '';
  const own = schema.description as string | undefined;
  out.description = [own ?? (summary ? `${summary.replace(/[.\s]+$/, '')}.` : ''), accessSentence(permission, method)]
    .filter(Boolean)
    .join(' ');
  routes.set(operationId, {
    method,
    url,
    permission,
    hasBody: !!schema.body || Array.isArray(schema.consumes),
    errors: [...(config.openapi?.errors ?? []), ...(config.rateLimit ? [429] : [])],
    produces: config.openapi?.produces,
    multipart: config.openapi?.multipart,
    redirect: config.openapi?.redirect,
  });
  return { schema: out, url: url.slice(API_PREFIX.length) || '/' };
};

type Json = Record<string, unknown>;

/** Over the whole document: servers, contact, the Problem schema, responses, headers, examples, tags. */
export function openApiTransformObject(publicUrl: string): NonNullable<FastifyDynamicSwaggerOptions['transformObject']> {
  return (documentObject) => {
    const doc = (documentObject as { openapiObject: unknown }).openapiObject as Json & {
      paths: Record<string, Record<string, Json>>;
      components: Json;
      info: Json;
    };
    doc.servers = [{ url: API_PREFIX, description: 'Versie 1 van de API, op dezelfde host als de schermen.' }];
    const info = doc.info as { contact?: Json };
    info.contact = { ...(info.contact ?? {}), url: info.contact?.url ?? publicUrl };
    const components = doc.components as { schemas?: Json };
    components.schemas = { ...(components.schemas ?? {}), Problem: problemJsonSchema };
    const tags = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const info = routes.get(op.operationId as string);
        for (const t of (op.tags as string[] | undefined) ?? []) tags.add(t);
        if (!op.tags) op.tags = ['Overig'];
        if (!info) continue;
        const responses = (op.responses ?? {}) as Record<string, Json>;
        if (info.produces) {
          // A file: the success response's body in the declared media types.
          const success = Object.keys(responses).find((k) => /^2/.test(k)) ?? '200';
          const file = { schema: { type: 'string', format: 'binary', description: 'Het bestand.' } };
          responses[success] = {
            ...(responses[success] ?? {}),
            content: Object.fromEntries(info.produces.map((type) => [type, file])),
          };
        }
        for (const [status, response] of Object.entries(responses)) {
          // A route that declared no response schema still answers JSON: say so, without inventing its shape.
          if (/^2/.test(status) && status !== '204' && !response.content && !info.produces)
            response.content = { 'application/json': { schema: { type: 'object', description: 'Nog zonder beschreven schema.' } } };
        }
        if (info.redirect) {
          // A step in the browser: it answers with a redirect, not a body.
          if (responses['200']?.description === 'Default Response') delete responses['200'];
          responses['302'] ??= {
            description: SUCCESS_DESCRIPTIONS['302']!,
            headers: { Location: { description: 'Waarheen de browser gaat.', schema: { type: 'string' }, required: true } },
          };
          for (const status of info.redirect.htmlErrors ?? [])
            responses[String(status)] = {
              ...(responses[String(status)] ?? {}),
              description: PROBLEM_TITLES[status] ?? 'Fout.',
              content: {
                'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
                'text/html': { schema: { type: 'string', description: 'Een pagina voor de browser die uitlegt wat er is.' } },
              },
            };
        }
        if (info.multipart && !op.requestBody) {
          op.requestBody = {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', ...info.multipart } } },
          };
        }
        for (const p of (op.parameters as Json[] | undefined) ?? []) {
          const schema = p.schema as Json | undefined;
          // A list in the query is one comma-separated value (?channel=phone,email), as the server reads it.
          if (p.in === 'query' && (schema?.type === 'array' || (Array.isArray(schema?.type) && schema.type.includes('array')))) {
            p.style = 'form';
            p.explode = false;
          }
          if (p.in === 'query' && p.name === 'cursor') {
            p.description ??= 'De nextCursor van de vorige pagina, ongewijzigd; een andere waarde geeft 400.';
            if (schema) schema['x-kf-rule'] = 'Alleen een nextCursor die de server gaf.';
          }
        }
        // A route without a declared response answers 200 with a body it does not describe.
        for (const status of problemStatusesOf({ ...info, method: method.toUpperCase(), url: info.url, rateLimited: false })) {
          const key = String(status);
          if (!responses[key]) {
            responses[key] = {
              description: PROBLEM_TITLES[status] ?? 'Fout.',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            };
          }
        }
        for (const [status, response] of Object.entries(responses)) {
          // Every error this server sends goes through routes/problem.ts: problem+json, whatever a route declared.
          const declared = response.content as Record<string, Json> | undefined;
          if (Number(status) >= 400 && declared?.['application/json'] && !declared['application/problem+json'])
            response.content = { 'application/problem+json': declared['application/json'] };
          if (response.description === 'Default Response')
            response.description = SUCCESS_DESCRIPTIONS[status] ?? PROBLEM_TITLES[Number(status)] ?? 'Antwoord.';
          response.headers = { 'API-Version': apiVersionHeader, ...((response.headers as Json | undefined) ?? {}) };
          const content = response.content as Record<string, Json> | undefined;
          for (const media of Object.values(content ?? {})) addExample(media, doc);
        }
        op.responses = responses;
        const body = op.requestBody as { content?: Record<string, Json> } | undefined;
        for (const media of Object.values(body?.content ?? {})) {
          stateRules(media.schema, path);
          addExample(media, doc);
        }
        for (const p of (op.parameters as Json[] | undefined) ?? []) {
          if (p.example === undefined && p.examples === undefined) {
            const ex = exampleOf(p.schema, 0, p.name as string);
            if (ex !== undefined) p.example = ex;
          }
        }
      }
    }
    doc.tags = [...tags].sort().map((name) => ({ name }));
    collapseNullable(doc.paths);
    collapseNullable(doc.components);
    return doc as never;
  };
}

function addExample(media: Json, doc: Json) {
  if (media.example !== undefined || media.examples !== undefined || !media.schema) return;
  const ex = exampleOf(resolveRef(media.schema, doc));
  // The ADR ruleset's problem-invalid-input rule takes any key under paths that contains a method name
  // (postedAt, postcode) for an operation: an example with such a key would read as a broken operation.
  if (ex !== undefined && !hasMethodLikeKey(ex)) media.example = ex;
}

const REFERENCE_RULE =
  'Verwijst naar iets dat bestaat, actief is en dat u mag gebruiken; anders 400 (of 404) met dit veld in invalidParams.';
const PHONE_RULE = 'Een telefoonnummer dat kan bestaan: Nederlands, of internationaal met + of 00 en de landcode; anders 400 met dit veld.';

/**
 * What the server checks beyond JSON Schema, stated where the document can: a uuid in a request is a
 * reference (it must exist and be usable), a phone number must be one. `x-kf-rule` (a Dutch sentence)
 * is what the contract check in tests accepts as the document stating a 400 (server/test/contract.ts).
 */
function stateRules(schema: unknown, path: string, name = '', depth = 0): void {
  if (!schema || typeof schema !== 'object' || depth > 20) return;
  const s = schema as Json;
  const alternatives = ['anyOf', 'oneOf', 'allOf'].flatMap((k) => (s[k] as Json[] | undefined) ?? []);
  const isUuid = (n: Json) => n.format === 'uuid' || alternatives.some((a) => a.format === 'uuid');
  if (name && !s['x-kf-rule'] && isUuid(s)) s['x-kf-rule'] = REFERENCE_RULE;
  if (name && !s['x-kf-rule'] && /phone/i.test(name) && s.type !== 'object' && s.type !== 'array') s['x-kf-rule'] = PHONE_RULE;
  for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) stateRules(prop, path, key, depth + 1);
  if (s.items) stateRules(s.items, path, name, depth + 1);
  for (const a of alternatives) stateRules(a, path, name, depth + 1);
}

function hasMethodLikeKey(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => /get|post|put|patch|delete/.test(k) || hasMethodLikeKey(v));
}

/**
 * zod writes `x.nullable()` as `anyOf: [x, {type: 'null'}]`; OpenAPI 3.1 says the same as `type: [t, 'null']`,
 * which keeps `format` on the property itself (ADR's date rules look for it there).
 */
function collapseNullable(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collapseNullable(item);
    return;
  }
  const o = node as Json;
  const any = o.anyOf;
  if (Array.isArray(any) && any.length === 2) {
    const nullAt = any.findIndex((a) => (a as Json)?.type === 'null' && Object.keys(a as Json).length === 1);
    const other = any[1 - nullAt] as Json | undefined;
    if (nullAt >= 0 && other && typeof other.type === 'string' && !other.$ref && !other.anyOf && !other.oneOf) {
      delete o.anyOf;
      Object.assign(o, { ...other, ...o, type: [other.type, 'null'] });
      if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
    }
  }
  for (const v of Object.values(o)) collapseNullable(v);
}

function resolveRef(schema: unknown, doc: Json): unknown {
  const ref = (schema as { $ref?: string })?.$ref;
  if (!ref?.startsWith('#/')) return schema;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((o, k) => (o as Json | undefined)?.[k], doc);
}
