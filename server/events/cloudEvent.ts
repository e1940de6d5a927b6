/**
 * A CloudEvent 1.0 in the JSON format (structured mode: the whole event is the HTTP body, media type
 * application/cloudevents+json), filled in as the NL GOV profile for CloudEvents describes:
 *
 * - `id`: a random UUID made when the event is recorded, the same on every attempt (the profile asks
 *   to say so: it identifies this notification, not a record one can look up);
 * - `source`: the installation's public address (an absolute URI; the profile's preferred URN with
 *   the organisation's OIN needs an OIN in the organisation's configuration, which it has not yet);
 * - `subject`: the case's id, for filtering without reading `data`;
 * - `time`: when the event was recorded (the profile's advice), which is when the change committed;
 * - `dataref`: where a receiver fetches the case with its API key (API clients, part 9): what it may
 *   see is decided there, by the key's scopes, not here;
 * - `data`: the case's id and reference only. No personal data is ever in an event ("informatiearm
 *   notificeren"): no names, addresses, subjects or texts.
 */
export type CloudEvent = {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  dataref?: string;
  data: Record<string, string>;
};

export const CLOUDEVENTS_MEDIA_TYPE = 'application/cloudevents+json';

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');
export const eventSource = (publicUrl: string) => base(publicUrl);
export const caseDataref = (publicUrl: string, caseId: string) => `${base(publicUrl)}/api/v1/cases/${caseId}`;

export function caseEvent(input: {
  id: string;
  type: string;
  publicUrl: string;
  time: Date;
  caseId: string;
  reference: string;
}): CloudEvent {
  return {
    specversion: '1.0',
    id: input.id,
    source: eventSource(input.publicUrl),
    type: input.type,
    subject: input.caseId,
    time: input.time.toISOString(),
    datacontenttype: 'application/json',
    dataref: caseDataref(input.publicUrl, input.caseId),
    data: { caseId: input.caseId, reference: input.reference },
  };
}

/** The administrator's test message: about no case, so no subject and no dataref. */
export function testEvent(input: { id: string; type: string; publicUrl: string; time: Date; subscriptionId: string }): CloudEvent {
  return {
    specversion: '1.0',
    id: input.id,
    source: eventSource(input.publicUrl),
    type: input.type,
    time: input.time.toISOString(),
    datacontenttype: 'application/json',
    data: { subscriptionId: input.subscriptionId },
  };
}
