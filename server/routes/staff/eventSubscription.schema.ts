import { z } from 'zod';
import { ENDPOINT_URL_MESSAGE, ENDPOINT_URL_PATTERN } from '../../events/endpointUrl.ts';
import { CASE_EVENT_TYPES } from '../../events/eventTypes.ts';

/** Request schemas of event subscriptions (events for other systems); messages in the form's words. */
const name = z.string().trim().min(1, 'Geef het abonnement een naam.').max(100, 'Een naam is hoogstens 100 tekens.');
// The scheme and host in the schema itself, so the OpenAPI document states what the server accepts.
const url = z.string().max(2000, 'Een adres is hoogstens 2000 tekens.').regex(ENDPOINT_URL_PATTERN, ENDPOINT_URL_MESSAGE);
const eventTypes = z
  .array(z.enum(CASE_EVENT_TYPES, { error: 'Kies een gebeurtenis uit de lijst.' }))
  .min(1, 'Kies minstens één gebeurtenis.')
  .max(CASE_EVENT_TYPES.length);

export const createEventSubscriptionBody = z.object({ name, url, eventTypes });
// Each field optional; an empty change changes nothing.
export const changeEventSubscriptionBody = z.object({
  name: name.optional(),
  url: url.optional(),
  eventTypes: eventTypes.optional(),
  active: z.boolean().optional(),
});
export const eventSubscriptionParams = z.object({ id: z.uuid({ error: 'Dit is geen geldig abonnement.' }) });
export const eventDeliveryParams = z.object({ id: z.uuid({ error: 'Dit is geen geldige aflevering.' }) });
export const eventDeliveryQuery = z.object({
  status: z.enum(['pending', 'delivered', 'failed'], { error: 'Kies wachtend, afgeleverd of mislukt.' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
