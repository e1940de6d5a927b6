import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_CLIENT_SCOPES } from '../../apiClients/scopes.ts';
import { createApiClient, revokeApiClient } from '../../commands/apiClients.ts';
import { runCommand, type Services } from '../../commands/context.ts';
import { notFound } from '../../domain/errors.ts';
import { apiClientListOut, apiClientOut, createdApiClientOut, presentApiClient } from '../../presenters/staff/apiClientPresenter.ts';
import { getApiClient, listApiClients } from '../../queries/apiClients.ts';
import { staffActor } from '../plugins/auth.ts';
import { apiClientParams, createApiClientBody } from './apiClient.schema.ts';

const tags = ['Koppelingen'];

/** The administrator's keys for other systems: list, create (the key shown once), revoke. */
export function registerApiClientRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const detail = async (id: string) => {
    const row = await getApiClient(services, id);
    if (!row) throw notFound('Deze koppeling');
    return presentApiClient(row, services.clock.now());
  };

  r.get(
    '/api-clients',
    {
      config: { permission: 'apiClient:manage' },
      schema: { tags, summary: 'Koppelingen (API-sleutels) en de bevoegdheden die ze kunnen krijgen', response: { 200: apiClientListOut } },
    },
    async () => {
      const now = services.clock.now();
      return { items: (await listApiClients(services)).map((row) => presentApiClient(row, now)), scopes: [...API_CLIENT_SCOPES] };
    },
  );

  r.post(
    '/api-clients',
    {
      config: { permission: 'apiClient:manage' },
      schema: {
        tags,
        summary: 'Een koppeling maken: de sleutel staat eenmalig in het antwoord',
        body: createApiClientBody,
        response: { 201: createdApiClientOut },
      },
    },
    async (req, reply) => {
      const { name, scopes, expiresAt } = req.body;
      const made = await runCommand(services, staffActor(req), (ctx) =>
        createApiClient(ctx, { name, scopes, expiresAt: expiresAt ? new Date(expiresAt) : null }),
      );
      return reply.code(201).send({ client: await detail(made.id), key: made.key });
    },
  );

  r.post(
    '/api-clients/:id/revoke',
    {
      config: { permission: 'apiClient:manage' },
      schema: {
        tags,
        summary: 'Een koppeling intrekken: de sleutel werkt direct niet meer',
        params: apiClientParams,
        response: { 200: apiClientOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => revokeApiClient(ctx, req.params.id));
      return detail(req.params.id);
    },
  );
}
