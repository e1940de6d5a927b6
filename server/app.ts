import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import { constants as zlibConstants } from 'node:zlib';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from './commands/context.ts';
import type { Env } from './config/env.ts';
import { registerAuth } from './routes/plugins/auth.ts';
import { registerAuditHook } from './audit/auditHook.ts';
import { loggablePath } from './routes/logMask.ts';
import { errorHandler, sendProblem } from './routes/problem.ts';
import { registerStaffRoutes } from './routes/staff/index.ts';
import { registerPublicRoutes } from './routes/publicRoutes.ts';
import { registerMetrics } from './routes/metricsRoutes.ts';
import type { MailTransport } from './mail/transport.ts';
import { registerPortalRoutes } from './routes/portal/portalRoutes.ts';
import { registerWebApp } from './routes/webApp.ts';
import { registerBrandingRoutes } from './routes/brandingRoutes.ts';
import { portalPages, sendNotFoundPage } from './routes/portal/pages/portalPages.ts';
import rateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './routes/plugins/rateLimitStore.ts';
import { AppError } from './domain/errors.ts';
import { openApiTransform, openApiTransformObject } from './openapi/document.ts';

export const API_VERSION = '1.0.0';
export const API_PREFIX = '/api/v1';
const DOCS_PREFIX = `${API_PREFIX}/docs`;

z.config(z.locales.nl());

export type AppOptions = {
  services: Services;
  env: Pick<Env, 'demo' | 'sessionTtlHours' | 'cookieSecure' | 'publicUrl' | 'oidc' | 'logLevel' | 'smtp'> & {
    trustProxy?: Env['trustProxy'];
    /** The bearer token of GET /metrics; absent → /metrics answers 404. */
    metricsToken?: string;
  };
  /** The outgoing mail transport, so readiness can check the SMTP server; absent in tests. */
  mailTransport?: MailTransport;
  logger?: boolean;
  /** Where log lines go instead of standard output (tests read them back). */
  logStream?: { write(line: string): void };
};
export type App = FastifyInstance;

/** Every route with the permission it declared, for the route table test and review. */
export type RouteEntry = { method: string; url: string; permission: string };

export async function buildApp({
  services,
  env,
  logger = true,
  logStream,
  mailTransport,
}: AppOptions): Promise<App & { routeTable: RouteEntry[] }> {
  const app = Fastify({
    logger: logger
      ? {
          level: env.logLevel,
          // Personal data never goes into logs: no bodies, no query strings, no cookies.
          serializers: {
            // Secret case links are masked: a log line must not open a case.
            req: (req) => ({
              method: req.method,
              url: loggablePath(req.url),
              id: req.id,
            }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
          ...(logStream ? { stream: logStream } : {}),
        }
      : false,
    // Client addresses (rate limits) come from X-Forwarded-For only behind a configured proxy.
    trustProxy: (env.trustProxy ?? false) as boolean, // a hop count is valid too; the overloads' types lose it
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    // Errors the router raises before any route runs (a malformed URL, an over-long segment) are
    // problem+json too, without echoing the URL back.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      // A 400 names what was wrong (invalidParams), here the address itself.
      const invalidParams =
        status === 400 ? [{ name: 'path', code: 'badUrl', reason: 'Het adres bevat een ongeldige tekenreeks.' }] : undefined;
      return sendProblem(
        reply as never,
        status,
        status === 414 ? 'Adres te lang' : 'Ongeldig adres',
        'Dit adres kan niet worden verwerkt.',
        invalidParams,
      );
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    // A browser that follows a wrong link outside the API gets a page that helps (the complaint form, the website).
    const urlPath = request.url.split('?')[0]!;
    const api = urlPath === '/api' || urlPath.startsWith('/api/');
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && /text\/html/.test(request.headers.accept ?? '');
    if (!api && wantsPage) return sendNotFoundPage(services.org, request, reply);
    return sendProblem(reply, 404, 'Niet gevonden', 'Deze pagina of bron bestaat niet.');
  });

  // NL API Design Rules /core/no-trailing-slash: a trailing slash is a different, missing resource.
  // Without this, "/activities/" would match "/activities/:id" with an empty id.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.length > 1 && path.endsWith('/') && path.startsWith(API_PREFIX) && !path.startsWith(DOCS_PREFIX)) {
      return sendProblem(reply, 404, 'Niet gevonden', 'Deze pagina of bron bestaat niet.');
    }
  });

  // PostgreSQL text cannot hold a NUL character: refuse it at the field, before any route runs,
  // instead of failing at the database with a 500. Path, query and body alike: a search term or a
  // token reaches a query as much as a note does. (A multipart form is read in its route: see
  // documentRoutes and the portal's form.)
  app.addHook('preValidation', async (request, reply) => {
    const field =
      fieldWithNul(request.params, 'params') ?? fieldWithNul(request.query, 'querystring') ?? fieldWithNul(request.body, 'body');
    if (field) {
      return sendProblem(reply, 400, 'Ongeldige invoer', 'Een veld bevat een teken dat niet is toegestaan.', [
        { name: field, code: 'invalidCharacter', reason: 'Dit veld bevat een teken dat niet is toegestaan.' },
      ]);
    }
  });

  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let permission = route.config?.permission;
    if (!permission && route.url.startsWith(DOCS_PREFIX)) {
      permission = 'public';
      route.config = { ...route.config, permission };
    }
    if (!permission) throw new Error(`Route ${methods.join(',')} ${route.url} declares no permission`);
    for (const method of methods) if (method !== 'HEAD') routeTable.push({ method, url: route.url, permission });
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('API-Version', API_VERSION);
    if (request.url.startsWith(API_PREFIX) && !request.url.startsWith(DOCS_PREFIX)) reply.header('Cache-Control', 'no-store');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });
  // Text answers (HTML, JSON, CSS, JS, SVG) in brotli or gzip when the browser asks; brotli at quality 4:
  // most of its gain at a fraction of the default 11's CPU (pages are made per request).
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  // Only routes that set `config.rateLimit` are limited (the portal's); staff routes need a login.
  await app.register(rateLimit, {
    global: false,
    // Counted in the database, so the limit holds across instances; a database hiccup lets the
    // request through rather than failing it (the request itself will then meet the same database).
    store: databaseRateLimitStore(services),
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', `Te veel verzoeken. Probeer het over ${Math.ceil(ctx.ttl / 60000)} minuten opnieuw.`),
  });
  await app.register(multipart, { limits: { fileSize: services.org.documents.maxBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Klachtflow API',
        version: API_VERSION,
        description: 'Klachten behandelen: activiteiten, werkvoorraad, meldingen en hun tijdlijn.',
        contact: { name: services.org.name, email: services.org.contact.email, url: services.org.contact.website ?? env.publicUrl },
      },
      servers: [{ url: API_PREFIX }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kf_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          // Another system's key (Beheer › Koppelingen): either header; no session, no CSRF token.
          apiKey: { type: 'http', scheme: 'bearer', description: 'API-sleutel (kf_…) van een koppeling' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
    },
    // NL API Design Rules in one place: operationIds, descriptions, security, API-Version, problem+json (openapi/document.ts).
    transform: openApiTransform,
    transformObject: openApiTransformObject(services.org.contact.website ?? env.publicUrl),
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });

  registerAuth(app, services, { metricsToken: env.metricsToken });
  registerMetrics(app, services);
  registerAuditHook(app, services);
  await app.register(
    async (api) => {
      registerPublicRoutes(api, services, env, { mailTransport });
      registerStaffRoutes(api, services, env);
      registerPortalRoutes(api, services);
    },
    { prefix: API_PREFIX },
  );
  // The citizen portal's HTML pages (/klacht, /volgen, /enquete), in their own scope.
  await app.register(portalPages(services));

  app.get(`${API_PREFIX}/openapi.json`, { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    return app.swagger();
  });
  // The organisation's theme and logo (/theme.css, /branding/logo) for both apps.
  registerBrandingRoutes(app, services.org);
  await registerWebApp(app);

  return Object.assign(app as unknown as FastifyInstance, { routeTable });
}

/** The path of the first string (or key) in a parsed body that holds a NUL character, if any. */
function fieldWithNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > 32) return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const hit = fieldWithNul(v, `${path}.${key}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}
