import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services } from '../../commands/context.ts';
import { deleteSavedFilter, listSavedFilters, saveFilter, type SavedFilterRow } from '../../commands/savedFilters.ts';
import { staffMember } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { noContent } from '../../openapi/document.ts';

const tags = ['Bewaarde filters'];

/**
 * The query string of a queue view as the app writes it (URLSearchParams, without "?"): only
 * URL-safe characters, bounded. It is applied by the app as a link, never interpreted here.
 */
export const savedFilterBody = z.object({
  // Spaces around it do not count: a name of only spaces is no name (pattern: at least one other character).
  name: z.string().trim().min(1, 'Geef het filter een naam.').max(80, 'Een naam is hoogstens 80 tekens.').meta({ pattern: '\\S' }),
  query: z
    .string()
    .max(1000, 'Dit filter is te lang om te bewaren.')
    .regex(/^[A-Za-z0-9_.~%=&+*,:-]*$/, 'Dit is geen geldige zoekopdracht van een overzicht.'),
});
const savedFilterOut = z.object({ id: z.uuid(), name: z.string(), query: z.string(), createdAt: z.iso.datetime() });
const present = (f: SavedFilterRow) => ({ id: f.id, name: f.name, query: f.query, createdAt: f.created_at.toISOString() });

/** A staff member's own saved filters: each route is bound to the logged-in user. */
export function registerSavedFilterRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/saved-filters',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Mijn bewaarde filters', response: { 200: z.object({ items: z.array(savedFilterOut) }) } },
    },
    async (req) => ({ items: (await listSavedFilters({ services }, staffMember(req))).map(present) }),
  );

  r.post(
    '/saved-filters',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Een filter bewaren', body: savedFilterBody, response: { 201: savedFilterOut } },
    },
    async (req, reply) => {
      const actor = staffMember(req);
      const row = await runCommand(services, actor, (ctx) => saveFilter({ ...ctx, actor }, req.body));
      return reply.code(201).send(present(row));
    },
  );

  r.delete(
    '/saved-filters/:id',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Een bewaard filter verwijderen', params: idParams, response: { 204: noContent } },
    },
    async (req, reply) => {
      const actor = staffMember(req);
      await runCommand(services, actor, (ctx) => deleteSavedFilter({ ...ctx, actor }, req.params.id));
      return reply.code(204).send(null);
    },
  );
}
