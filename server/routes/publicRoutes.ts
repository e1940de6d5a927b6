import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../commands/context.ts';
import type { Env } from '../config/env.ts';
import { pingDatabase } from '../queries/health.ts';

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
      await pingDatabase(services);
      return { status: 'ok' as const };
    },
  );
}
