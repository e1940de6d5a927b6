import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changeEventSubscription, createEventSubscription, retryEventDelivery, sendTestEvent } from '../../commands/eventSubscriptions.ts';
import { runCommand, type Services } from '../../commands/context.ts';
import { notFound } from '../../domain/errors.ts';
import { CASE_EVENT_TYPES } from '../../events/eventTypes.ts';
import {
  createdEventSubscriptionOut,
  eventDeliveryListOut,
  eventDeliveryOut,
  eventSubscriptionListOut,
  eventSubscriptionOut,
  presentEventDelivery,
  presentEventSubscription,
} from '../../presenters/staff/eventSubscriptionPresenter.ts';
import { getEventDelivery, getEventSubscription, listEventDeliveries, listEventSubscriptions } from '../../queries/eventSubscriptions.ts';
import { staffActor } from '../plugins/auth.ts';
import {
  changeEventSubscriptionBody,
  createEventSubscriptionBody,
  eventDeliveryParams,
  eventDeliveryQuery,
  eventSubscriptionParams,
} from './eventSubscription.schema.ts';

const tags = ['Koppelingen'];
// Integrations are the administrator's, like API keys (apiClientRoutes.ts): one permission for both.
const config = { permission: 'apiClient:manage' } as const;
const SIGNING =
  'Elke aflevering is een CloudEvent (JSON, NL GOV-profiel) in een POST met Content-Type application/cloudevents+json, ' +
  'ondertekend volgens Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256). ' +
  'Er staan geen persoonsgegevens in: alleen het id en kenmerk van de melding en de URL (dataref) waar een koppeling met een API-sleutel haar ophaalt.';

/** Events for other systems: the administrator's subscriptions and what became of their deliveries. */
export function registerEventSubscriptionRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const detail = async (id: string) => {
    const row = await getEventSubscription(services, id);
    if (!row) throw notFound('Dit abonnement');
    return presentEventSubscription(row);
  };
  const delivery = async (id: string) => {
    const row = await getEventDelivery(services, id);
    if (!row) throw notFound('Deze aflevering');
    return presentEventDelivery(row);
  };

  r.get(
    '/admin/event-subscriptions',
    {
      config,
      schema: {
        tags,
        summary: 'Abonnementen op gebeurtenissen',
        description: `De abonnementen van andere systemen op gebeurtenissen in Klachtflow, met wat er wacht en mislukte, en de soorten gebeurtenissen. ${SIGNING}`,
        response: { 200: eventSubscriptionListOut },
      },
    },
    async () => ({ items: (await listEventSubscriptions(services)).map(presentEventSubscription), eventTypes: [...CASE_EVENT_TYPES] }),
  );

  r.post(
    '/admin/event-subscriptions',
    {
      config,
      schema: {
        tags,
        summary: 'Een abonnement op gebeurtenissen maken: het geheim staat eenmalig in het antwoord',
        description: `Een adres (https, of http naar deze machine) en de gebeurtenissen die het ontvangt. Het geheim staat alleen in dit antwoord. ${SIGNING}`,
        body: createEventSubscriptionBody,
        response: { 201: createdEventSubscriptionOut },
      },
    },
    async (req, reply) => {
      const made = await runCommand(services, staffActor(req), (ctx) => createEventSubscription(ctx, req.body));
      return reply.code(201).send({ subscription: await detail(made.id), secret: made.secret });
    },
  );

  r.get(
    '/admin/event-subscriptions/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Een abonnement op gebeurtenissen',
        description: 'Het abonnement met het aantal wachtende en mislukte afleveringen; nooit het geheim.',
        params: eventSubscriptionParams,
        response: { 200: eventSubscriptionOut },
      },
    },
    async (req) => detail(req.params.id),
  );

  r.patch(
    '/admin/event-subscriptions/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Een abonnement wijzigen, pauzeren of weer aanzetten',
        description:
          'Naam, adres of gebeurtenissen wijzigen, of pauzeren (active: false). Een gepauzeerd abonnement krijgt geen nieuwe gebeurtenissen; wat al wachtte, gaat weer als het aan staat.',
        params: eventSubscriptionParams,
        body: changeEventSubscriptionBody,
        response: { 200: eventSubscriptionOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => changeEventSubscription(ctx, req.params.id, req.body));
      return detail(req.params.id);
    },
  );

  r.get(
    '/admin/event-subscriptions/:id/deliveries',
    {
      config,
      schema: {
        tags,
        summary: 'De afleveringen van een abonnement, nieuwste eerst',
        description:
          'Per gebeurtenis: afgeleverd, wachtend (met de volgende poging) of mislukt, met het aantal pogingen en het laatste antwoord.',
        params: eventSubscriptionParams,
        querystring: eventDeliveryQuery,
        response: { 200: eventDeliveryListOut },
      },
    },
    async (req) => {
      await detail(req.params.id);
      const rows = await listEventDeliveries(services, req.params.id, req.query);
      return { items: rows.map(presentEventDelivery) };
    },
  );

  r.post(
    '/admin/event-subscriptions/:id/test',
    {
      config,
      schema: {
        tags,
        summary: 'Een testbericht naar het adres van een abonnement sturen',
        description: `Een gebeurtenis van het type ${'nl.klachtflow.subscription.test'} over geen enkele melding, afgeleverd zoals elke andere.`,
        params: eventSubscriptionParams,
        response: { 201: eventDeliveryOut },
      },
    },
    async (req, reply) => {
      const id = await runCommand(services, staffActor(req), (ctx) => sendTestEvent(ctx, req.params.id));
      return reply.code(201).send(await delivery(id));
    },
  );

  r.post(
    '/admin/event-deliveries/:id/retry',
    {
      config,
      schema: {
        tags,
        summary: 'Een mislukte aflevering opnieuw versturen',
        description:
          'De aflevering begint weer bij de eerste poging, met hetzelfde id. Een afgeleverde of wachtende aflevering blijft zoals ze is.',
        params: eventDeliveryParams,
        response: { 200: eventDeliveryOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => retryEventDelivery(ctx, req.params.id));
      return delivery(req.params.id);
    },
  );
}
