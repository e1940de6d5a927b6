import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
// The route option schema.hide (keeps a file route out of the OpenAPI document) is typed by the swagger plugin.
import type {} from '@fastify/swagger';
import type { Organisation } from '../config/organisation.ts';
import { logoType } from '../config/theme.ts';

/**
 * The organisation's look, for the staff app and the portal alike: /theme.css (its design-token
 * overrides on `.voorbeeld-theme`, linked after the shipped theme so they win) and /branding/logo.
 * and /favicon.svg (the logo, else a neutral icon).
 * All are public (the login page and the portal show them) and built once at start-up from the
 * validated configuration (config/theme.ts); a browser revalidates them with their ETag.
 */
export function themeCss(org: Pick<Organisation, 'theme'>): string {
  const lines = Object.entries(org.theme?.tokens ?? {}).map(([name, value]) => `  ${name}: ${value};\n`);
  return `/* Klachtflow: the organisation's theme (organisation configuration "theme.tokens"). */\n.voorbeeld-theme {\n${lines.join('')}}\n`;
}

/** The logo's address and text alternative for the apps, or null without one. */
export function logoInfo(org: Pick<Organisation, 'theme' | 'name'>): { url: string; alt: string } | null {
  return org.theme?.logoPath ? { url: '/branding/logo', alt: org.theme.logoAlt ?? org.name } : null;
}

/** The favicon without a logo in the configuration: a neutral speech bubble (also web/staff/public/favicon.svg). */
export const DEFAULT_FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#154273"/><path d="M8 9h16v11H14l-6 5z" fill="#fff"/></svg>';

const etagOf = (body: string | Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

function sendCached(req: FastifyRequest, reply: FastifyReply, type: string, body: string | Buffer, etag: string) {
  // Always revalidate (a new configuration takes effect on the next page), mostly with a 304.
  reply.header('ETag', etag).header('Cache-Control', 'public, no-cache').header('X-Content-Type-Options', 'nosniff');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply.type(type).send(body);
}

export function registerBrandingRoutes(app: FastifyInstance, org: Organisation) {
  const css = themeCss(org);
  const cssEtag = etagOf(css);
  // The file was checked at start-up (type, size); read once so a request never touches the disk.
  const logo = org.theme?.logoPath ? { bytes: fs.readFileSync(org.theme.logoPath), type: logoType(org.theme.logoPath) } : null;
  const logoEtag = logo ? etagOf(logo.bytes) : '';

  app.get('/theme.css', { config: { permission: 'public' }, schema: { hide: true } }, async (req, reply) =>
    sendCached(req, reply, 'text/css; charset=utf-8', css, cssEtag),
  );

  // The favicon: the organisation's logo when it has one, else the neutral default. /favicon.ico (asked
  // for by browsers and crawlers that find no <link rel="icon">) points there.
  const icon = logo ?? { bytes: Buffer.from(DEFAULT_FAVICON), type: 'image/svg+xml' };
  const iconEtag = etagOf(icon.bytes);
  app.get('/favicon.svg', { config: { permission: 'public' }, schema: { hide: true } }, async (req, reply) => {
    reply.header('Content-Security-Policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox");
    return sendCached(req, reply, icon.type, icon.bytes, iconEtag);
  });
  app.get('/favicon.ico', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('Cache-Control', 'public, max-age=86400').redirect('/favicon.svg', 301),
  );

  app.get('/branding/logo', { config: { permission: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (!logo) return reply.callNotFound();
    // An SVG opened on its own is a document: it may run nothing and load nothing.
    reply.header('Content-Security-Policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox");
    return sendCached(req, reply, logo.type, logo.bytes, logoEtag);
  });
}
