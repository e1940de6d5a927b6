import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';
import { notFound } from '../../domain/errors.ts';
import { caseZaakOut, presentZaakSync, zaakSyncListOut, zaakSyncOut } from '../../presenters/staff/zgwPresenter.ts';
import { retryZgwCase } from '../../zgw/zgwSync.ts';
import { listZgwSyncs, zaakOfCase, zgwSyncOfCase } from '../../zgw/zgwQueries.ts';
import { staffActor } from '../plugins/auth.ts';

const tags = ['Zaaksysteem'];
const caseParams = z.object({ id: z.uuid({ error: 'Dit is geen geldige melding.' }) });
const listQuery = z.object({ state: z.enum(['failed', 'pending'], { error: 'Kies failed of pending.' }).default('failed') });

/** The zaaksysteem (ZGW) sync: a case's zaak on the case page, failures for the administrator, a retry. */
export function registerZgwRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const enabled = () => !!services.org.zgw?.enabled;

  r.get(
    '/cases/:id/zaak',
    {
      // The zaak's identificatie (the case reference), its URL and the sync state: nothing personal.
      config: { permission: 'case:read', audit: false },
      schema: {
        tags,
        summary: 'De zaak van deze melding in het zaaksysteem: identificatie, link en stand van de synchronisatie',
        params: caseParams,
        response: { 200: caseZaakOut },
      },
    },
    async (req) => {
      const row = await zaakOfCase(services, staffActor(req), req.params.id);
      if (row === undefined) throw notFound('Deze melding');
      return { enabled: enabled(), zaak: row ? presentZaakSync(row) : null };
    },
  );

  r.get(
    '/zgw/syncs',
    {
      config: { permission: 'apiClient:manage' },
      schema: {
        tags,
        summary: 'Meldingen waarvan het bijwerken van de zaak mislukte (of nog wacht)',
        querystring: listQuery,
        response: { 200: zaakSyncListOut },
      },
    },
    async (req) => ({ enabled: enabled(), items: (await listZgwSyncs(services, req.query.state)).map(presentZaakSync) }),
  );

  r.post(
    '/zgw/syncs/:id/retry',
    {
      config: { permission: 'apiClient:manage' },
      schema: {
        tags,
        summary: 'Een mislukte melding opnieuw naar het zaaksysteem sturen',
        params: caseParams,
        response: { 200: zaakSyncOut },
      },
    },
    async (req) => {
      if (!(await retryZgwCase(services, req.params.id))) throw notFound('Deze mislukte synchronisatie');
      const row = await zgwSyncOfCase(services, req.params.id);
      if (!row) throw notFound('Deze melding');
      return presentZaakSync(row);
    },
  );
}
