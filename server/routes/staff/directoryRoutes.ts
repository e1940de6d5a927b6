import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';

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
    async () => {
      const teams = await services.db
        .selectFrom('team')
        .leftJoin('team_member', 'team_member.team_id', 'team.id')
        .select([
          'team.id',
          'team.key',
          'team.name',
          (eb) => eb.fn.agg<(string | null)[]>('array_agg', ['team_member.user_id']).as('members'),
        ])
        .groupBy(['team.id', 'team.key', 'team.name'])
        .orderBy('team.name')
        .execute();
      return {
        items: teams.map((t) => ({ id: t.id, key: t.key, name: t.name, memberIds: (t.members ?? []).filter((m): m is string => !!m) })),
      };
    },
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
    async () => ({
      items: await services.db
        .selectFrom('staff_user')
        .select(['id', 'name', 'roles'])
        .where('active', '=', true)
        .orderBy('name')
        .limit(1000)
        .execute(),
    }),
  );

  r.get(
    '/processes',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'De processen van deze organisatie (statussen, stappen, gegevensvelden)' },
    },
    async () => ({ items: services.processes.all() }),
  );
}
