import { z } from 'zod';
import { CASE_EVENT_TYPES } from '../../events/eventTypes.ts';
import type { EventDeliveryRow, EventSubscriptionRow } from '../../queries/eventSubscriptions.ts';

/** A subscription as the administrator sees it: never its secret (shown once, at creation). */
export const eventSubscriptionOut = z.object({
  id: z.uuid().describe('Het abonnement'),
  name: z.string().describe('De naam die de beheerder het abonnement gaf'),
  url: z.string().describe('Het adres waar de gebeurtenissen heen gaan'),
  eventTypes: z.array(z.string()).describe('De soorten gebeurtenissen (CloudEvents-type) die het ontvangt'),
  active: z.boolean().describe('Aan (true) of gepauzeerd (false)'),
  createdAt: z.iso.datetime(),
  createdByName: z.string(),
  updatedAt: z.iso.datetime(),
  pending: z.number().int().describe('Afleveringen die nog wachten'),
  failed: z.number().int().describe('Afleveringen die na alle pogingen mislukten'),
  lastDeliveredAt: z.iso.datetime().nullable().describe('Wanneer de laatste aflevering aankwam'),
});
export const eventSubscriptionListOut = z.object({
  items: z.array(eventSubscriptionOut),
  eventTypes: z.array(z.enum(CASE_EVENT_TYPES)).describe('De soorten gebeurtenissen waarop men zich kan abonneren'),
});
export const createdEventSubscriptionOut = z.object({
  subscription: eventSubscriptionOut,
  secret: z.string().describe('Het geheim waarmee elke aflevering wordt ondertekend (Standard Webhooks); alleen in dit antwoord'),
});
export const eventDeliveryOut = z.object({
  id: z.uuid(),
  subscriptionId: z.uuid(),
  eventId: z.uuid().describe('Het id van de CloudEvent; bij elke poging hetzelfde (webhook-id)'),
  eventType: z.string(),
  caseId: z.uuid().nullable(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable().describe('De volgende poging, als de aflevering nog wacht'),
  lastStatusCode: z.number().int().nullable().describe('De HTTP-status van het laatste antwoord'),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export const eventDeliveryListOut = z.object({ items: z.array(eventDeliveryOut) });

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
export function presentEventSubscription(row: EventSubscriptionRow): z.infer<typeof eventSubscriptionOut> {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    eventTypes: row.event_types,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
    updatedAt: row.updated_at.toISOString(),
    pending: Number(row.pending ?? 0),
    failed: Number(row.failed ?? 0),
    lastDeliveredAt: iso(row.last_delivered_at as Date | string | null),
  };
}
export function presentEventDelivery(row: EventDeliveryRow): z.infer<typeof eventDeliveryOut> {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    caseId: row.case_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: iso(row.delivered_at),
  };
}
