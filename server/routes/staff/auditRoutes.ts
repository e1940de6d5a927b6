import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../commands/context.ts';
import { auditPageOut, presentAuditEntry } from '../../presenters/staff/auditPresenter.ts';
import { changeLabels } from '../../audit/auditHook.ts';
import { searchAuditLog } from '../../queries/auditLog.ts';
import { auditSearchBody } from './audit.schema.ts';

const tags = ['Auditlog'];

export function registerAuditRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  // Every route is known once the app is ready; the labels are made on the first search.
  let labels: Map<string, string> | undefined;

  r.post(
    '/audit-searches',
    {
      // Reading the audit log is itself recorded.
      config: { permission: 'audit:read', audit: 'audit.search' },
      schema: {
        tags,
        summary: 'Zoeken in de auditlog (wie las of wijzigde welke gegevens, wanneer, vanaf waar)',
        body: auditSearchBody,
        response: { 200: auditPageOut },
      },
    },
    async (req) => {
      const page = await searchAuditLog(services, req.body);
      labels ??= changeLabels(api.auditRoutes);
      return { items: page.rows.map((row) => presentAuditEntry(row, labels!)), nextCursor: page.nextCursor };
    },
  );
}
