import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The staff app (web/staff, built by `npm run build:web`) on the same origin as the API. The shell
 * is public: it holds no data, and every API call it makes is checked on its own. Any path that is
 * not an API path or a file gets index.html, so links into the app (/meldingen/…) work on reload.
 * The routes exist whether or not the app was built, so the route table never depends on a build.
 */
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/staff/dist');
const API_PREFIX = '/api/';
const YEAR_MS = 365 * 24 * 3600 * 1000;
/** Top-level files Vite copies from web/staff/public. */
const ROOT_FILES = new Set(['favicon.svg']);

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
    // The shell names the current asset files: always revalidate it, so a deploy is picked up at once.
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', dist, { cacheControl: false });
  };

  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => shell(reply));

  // Hashed file names never change content: cache them for a year.
  app.get('/assets/*', { config: { permission: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const file = (req.params as { '*': string })['*'];
    if (!/^[\w.-]+$/.test(file) || !existsSync(path.join(dist, 'assets', file))) return reply.callNotFound();
    return reply.sendFile(file, path.join(dist, 'assets'), { maxAge: YEAR_MS, immutable: true });
  });

  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const urlPath = req.url.split('?')[0]!;
    // Unknown API paths stay API answers (problem+json 404), never the app's HTML.
    if (urlPath.startsWith(API_PREFIX) || urlPath === '/api') return reply.callNotFound();
    const name = urlPath.slice(1);
    if (ROOT_FILES.has(name) && existsSync(path.join(dist, name))) return reply.sendFile(name, dist, { maxAge: 86_400_000 });
    return shell(reply);
  });
}
