import { existsSync } from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../config/appRoot.ts';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isStaffAppPath } from './staffAppPaths.ts';

/**
 * The staff app (web/staff, built by `npm run build:web`) on the same origin as the API. The shell
 * is public: it holds no data, and every API call it makes is checked on its own. The app's own
 * paths (staffAppPaths.ts: /meldingen/…, /werkvoorraad, …) get index.html, so links into the app work
 * on reload; any other unknown path is a real 404 (the not-found handler: a Dutch page for a browser).
 * /robots.txt keeps all but the complaint form out of search engines. The routes exist whether or
 * not the app was built, so the route table never depends on a build.
 */
const DIST = path.join(APP_ROOT, 'web/staff/dist');
const API_PREFIX = '/api/';
const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Search engines may find the complaint form (and the styles it needs to render); the staff app,
 * the tracking pages (/volgen/…, their short links /v/…), surveys and the API stay out.
 */
export const ROBOTS_TXT = `User-agent: *
Allow: /klacht
Allow: /portal-assets/
Allow: /theme.css
Disallow: /
`;

export async function registerWebApp(app: FastifyInstance, opts: { dist?: string } = {}) {
  const dist = opts.dist ?? DIST;
  // The portal's pages may have registered @fastify/static (and reply.sendFile) already.
  if (!app.hasReplyDecorator('sendFile')) await app.register(fastifyStatic, { root: dist, serve: false });

  const notBuilt = (reply: FastifyReply) =>
    reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send('De schermen van Klachtflow zijn nog niet gebouwd. Voer "npm run build:web" uit en start de server opnieuw.');

  const shell = (reply: FastifyReply) => {
    if (!existsSync(path.join(dist, 'index.html'))) return notBuilt(reply);
    // The shell names the current asset files: always revalidate it, so a deploy is picked up at once; never in a shared cache.
    return reply.header('Cache-Control', 'private, no-cache').sendFile('index.html', dist, { cacheControl: false });
  };

  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => shell(reply));
  app.get('/robots.txt', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').header('Cache-Control', 'public, max-age=86400').send(ROBOTS_TXT),
  );

  // Hashed file names never change content: cache them for a year.
  app.get('/assets/*', { config: { permission: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const file = (req.params as { '*': string })['*'];
    if (!/^[\w.-]+$/.test(file) || !existsSync(path.join(dist, 'assets', file))) return reply.callNotFound();
    return reply.sendFile(file, path.join(dist, 'assets'), { maxAge: YEAR_MS, immutable: true });
  });

  // Unknown API paths stay API answers (problem+json 404), other unknown paths a 404 page; never the app's
  // HTML. Decided on arrival (onRequest): an API path that matched no route (an id longer than the router
  // takes, say) must not meet body parsing or decompression first and answer 415 instead of 404.
  const notAppPath = (url: string) => {
    const urlPath = url.split('?')[0]!;
    return urlPath.startsWith(API_PREFIX) || !isStaffAppPath(urlPath);
  };
  app.get(
    '/*',
    {
      config: { permission: 'public' },
      schema: { hide: true },
      onRequest: async (req, reply) => {
        if (notAppPath(req.url)) return reply.callNotFound();
      },
    },
    async (_req, reply) => shell(reply),
  );
}
