import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../commands/context.ts';
import type { Env } from '../config/env.ts';
import type { MailTransport } from '../mail/transport.ts';
import { pingDatabase, readinessCheck } from '../queries/health.ts';
import { problemOut } from '../openapi/document.ts';
import { sendProblem } from './problem.ts';

const check = z.enum(['ok', 'unavailable']);
const readiness = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({ database: check, mail: z.enum(['ok', 'unavailable', 'demoMailbox', 'notConfigured']) }),
});

/** Routes anyone may call: health for load balancers, the organisation's public face. */
export function registerPublicRoutes(
  api: FastifyInstance,
  services: Services,
  env: Pick<Env, 'demo'>,
  opts: { mailTransport?: MailTransport } = {},
) {
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
  // Liveness: the process answers. No dependency is asked, so a database outage makes instances
  // unready (taken out of the load balancer), never restarted in a loop.
  r.get(
    '/health/live',
    {
      config: { permission: 'public' },
      schema: { tags: ['Beheer'], summary: 'Leeft het proces?', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  const ready = readinessCheck(services, opts.mailTransport, env.demo);
  r.get(
    '/health/ready',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['Beheer'],
        summary: 'Kan deze instantie verzoeken aannemen? (database, en de SMTP-server als die is ingesteld)',
        // Not ready is an error like any other (problem+json, NL API Design Rules), with which check failed.
        response: { 200: readiness, 503: problemOut.extend({ checks: readiness.shape.checks }) },
      },
    },
    async (_req, reply) => {
      const result = await ready();
      // Only which check failed, never the error: it could name hosts or accounts.
      if (result.ready) return { status: 'ok' as const, checks: result.checks };
      return sendProblem(reply, 503, 'Niet beschikbaar', 'Deze instantie kan nu geen verzoeken aannemen.', undefined, {
        checks: result.checks,
      });
    },
  );
}
