import type { FastifyInstance } from 'fastify';
import type { Services } from '../commands/context.ts';
import { metricsFor } from '../metrics/databaseGauges.ts';
import { httpDuration } from '../metrics/instruments.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Prometheus: every answered request is timed under its route's pattern, and GET /metrics (outside
 * /api/v1: it is for the monitoring system, not an API client) serves the text format. Permission
 * `metricsToken`: the METRICS_TOKEN bearer token, and 404 when none is configured (plugins/auth.ts).
 */
export function registerMetrics(app: FastifyInstance, services: Services) {
  app.addHook('onResponse', async (request, reply) => {
    httpDuration.observe(
      {
        // The pattern ("/api/v1/cases/:id"), never request.url: a URL can carry a complainant's secret link.
        route: request.routeOptions.url ?? 'unmatched',
        method: METHODS.has(request.method) ? request.method : 'other',
        status_class: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  });
  const registry = metricsFor(services);
  app.get('/metrics', { config: { permission: 'metricsToken' }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('Cache-Control', 'no-store');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
