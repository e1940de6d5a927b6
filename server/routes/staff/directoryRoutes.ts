import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';
import { processDefinitionSchema } from '../../domain/process/definition.ts';
import { activeStaff, teamsWithMembers } from '../../queries/directory.ts';

const tags = ['Organisatie'];

/** Colleagues, teams and processes: what the screens need to offer choices. */
export function registerDirectoryRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/teams',
    {
      config: { permission: 'staff:read' },
      schema: {
        tags,
        summary: 'Teams met hun leden',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string(), memberIds: z.array(z.uuid()) })) }),
        },
      },
    },
    async () => ({ items: await teamsWithMembers(services) }),
  );

  r.get(
    '/users',
    {
      config: { permission: 'staff:read' },
      schema: {
        tags,
        summary: 'Actieve medewerkers',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), roles: z.array(z.string()) })) }) },
      },
    },
    async () => ({ items: await activeStaff(services, 1000) }),
  );

  r.get(
    '/processes',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'De processen van deze organisatie (statussen, stappen, gegevensvelden)',
        // Each as its published version holds it: the definition's own schema, with the defaults filled in.
        response: { 200: z.object({ items: z.array(processDefinitionSchema) }) },
      },
    },
    async () => ({ items: services.processes.all() }),
  );
}
