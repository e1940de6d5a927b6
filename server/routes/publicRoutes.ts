import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Services } from '../commands/context.ts';
import type { Env } from '../config/env.ts';

/** Routes anyone may call: health for load balancers, the organisation's public face. */
export function registerPublicRoutes(api: FastifyInstance, services: Services, _env: Pick<Env, 'demo'>) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['Beheer'], summary: 'Werkt de server en de database?', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      await sql`select 1`.execute(services.db);
      return { status: 'ok' as const };
    },
  );
}
