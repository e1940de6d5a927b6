import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { UTRECHT_COMPONENTS } from './layout.ts';

/**
 * The portal's stylesheets and fonts, served from the installed packages (NL Design System
 * components, the voorbeeld theme, Noto Sans) and web/portal. Only files on this list are served:
 * the asset route is a fixed map, not a window onto node_modules.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../../../..');
const MODULES = path.join(ROOT, 'node_modules');
export const PORTAL_WEB_DIR = path.join(ROOT, 'web/portal');
const COMPONENTS = new Set<string>(UTRECHT_COMPONENTS);
const FONT_FILE = /^noto-(sans|serif)-[a-z-]+-(400|700)-normal\.woff2?$/;

/** Maps a path under /portal-assets/ to [directory, file], or null when it is not an asset. */
export function resolveAsset(rel: string): [string, string] | null {
  if (rel === 'portal.css') return [PORTAL_WEB_DIR, 'portal.css'];
  if (rel === 'theme/voorbeeld.css') return [path.join(MODULES, '@nl-design-system-unstable/voorbeeld-design-tokens/dist'), 'theme.css'];
  const component = /^utrecht\/([a-z0-9-]+)\.css$/.exec(rel)?.[1];
  if (component && COMPONENTS.has(component)) return [path.join(MODULES, `@utrecht/${component}-css/dist`), 'index.css'];
  const font = /^fonts\/(noto-sans|noto-serif)\/(400\.css|700\.css|files\/([^/]+))$/.exec(rel);
  if (font && (!font[3] || FONT_FILE.test(font[3]))) return [path.join(MODULES, `@fontsource/${font[1]}`), font[2]!];
  return null;
}

export async function registerAssets(scope: FastifyInstance) {
  // The staff app may have registered @fastify/static (and its reply.sendFile) on the root already.
  if (!scope.hasReplyDecorator('sendFile')) await scope.register(fastifyStatic, { root: PORTAL_WEB_DIR, serve: false });
  scope.get('/portal-assets/*', { config: { permission: 'public' } }, async (req, reply) => {
    const found = resolveAsset((req.params as { '*': string })['*']);
    if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('Niet gevonden');
    // Assets change only with an upgrade; a day keeps repeat visits fast without stale styles for long.
    return reply.sendFile(found[1], found[0], { maxAge: 86_400_000, immutable: false });
  });
}
