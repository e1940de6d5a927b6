import path from 'node:path';
import { APP_ROOT } from '../../../config/appRoot.ts';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Organisation } from '../../../config/organisation.ts';
import { UTRECHT_COMPONENTS } from './components.ts';
import { SHEET_PREFIX, sheetAt } from './styles.ts';

/**
 * The portal's stylesheets and fonts, served from the installed packages (NL Design System
 * components, the voorbeeld theme, Noto Sans) and web/portal. Only files on this list are served:
 * the asset route is a fixed map, not a window onto node_modules. The pages themselves link one
 * built sheet each (styles.ts, /portal-assets/page-<set>-<hash>.css); the single files stay for
 * other pages that want them.
 */
const YEAR_MS = 365 * 24 * 3600 * 1000;
const ROOT = APP_ROOT;
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

export async function registerAssets(scope: FastifyInstance, org: Pick<Organisation, 'theme'>) {
  // The staff app may have registered @fastify/static (and its reply.sendFile) on the root already.
  if (!scope.hasReplyDecorator('sendFile')) await scope.register(fastifyStatic, { root: PORTAL_WEB_DIR, serve: false });
  const tokens = Object.values(org.theme?.tokens ?? {}).join(' ');
  scope.get('/portal-assets/*', { config: { permission: 'public' } }, async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    if (`/portal-assets/${rel}`.startsWith(SHEET_PREFIX)) {
      const found = sheetAt(rel.slice(SHEET_PREFIX.length - '/portal-assets/'.length), tokens);
      if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('Niet gevonden');
      // Named by its content: cached for a year. An address from before an upgrade gets today's sheet, revalidated.
      reply.header('Cache-Control', found.current ? 'public, max-age=31536000, immutable' : 'public, no-cache');
      return reply.type('text/css; charset=utf-8').send(found.sheet.css);
    }
    const found = resolveAsset(rel);
    if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('Niet gevonden');
    // A font file asked for with its package's version (?v=, as the built sheets do) never changes: a year.
    // Other assets change only with an upgrade; a day keeps repeat visits fast without stale styles for long.
    if (/\.woff2?$/.test(found[1]) && (req.query as { v?: string }).v)
      return reply.sendFile(found[1], found[0], { maxAge: YEAR_MS, immutable: true });
    return reply.sendFile(found[1], found[0], { maxAge: 86_400_000, immutable: false });
  });
}
