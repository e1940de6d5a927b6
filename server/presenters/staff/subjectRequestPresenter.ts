import { z } from 'zod';
import { SUBJECT_REQUEST_KINDS, SUBJECT_REQUEST_STATUSES } from '../../db/subjectRequestSchema.ts';
import type { listSubjectRequests, subjectRequestDetail } from '../../subjectRequests/requestQueries.ts';

const by = z.object({ name: z.string().nullable(), at: z.iso.datetime().nullable() });

export const subjectRequestOut = z.object({
  id: z.uuid(),
  kind: z.enum(SUBJECT_REQUEST_KINDS),
  subjectKind: z.enum(['person', 'staff']),
  subjectName: z.string(),
  receivedOn: z.iso.date(),
  deadline: z.iso.date(),
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
  status: z.enum(SUBJECT_REQUEST_STATUSES),
  outcome: z.string().nullable(),
  restrictionInForce: z.boolean(),
  registeredBy: by,
  decidedBy: by,
});

export const subjectRequestDetailOut = subjectRequestOut.extend({
  subject: z.object({
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
  }),
  events: z.array(z.object({ at: z.iso.datetime(), actorName: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) })),
});

type Row = Awaited<ReturnType<typeof listSubjectRequests>>[number];
type Detail = NonNullable<Awaited<ReturnType<typeof subjectRequestDetail>>>;

export const presentSubjectRequest = (r: Row): z.infer<typeof subjectRequestOut> => ({
  id: r.id,
  kind: r.kind,
  subjectKind: r.person_id ? 'person' : 'staff',
  subjectName: r.subject_name,
  receivedOn: r.received_on,
  deadline: r.deadline,
  extended: !!r.extended_at,
  extensionReason: r.extension_reason,
  status: r.status,
  outcome: r.outcome,
  restrictionInForce: !!r.active_restriction_id,
  registeredBy: { name: r.registered_by_name, at: r.registered_at.toISOString() },
  decidedBy: { name: r.decided_by_name, at: r.decided_at?.toISOString() ?? null },
});

export const presentSubjectRequestDetail = (d: Detail): z.infer<typeof subjectRequestDetailOut> => ({
  ...presentSubjectRequest(d),
  subject: {
    name: d.subject.name,
    email: d.subject.email,
    phone: d.subject.phone,
    address: [d.subject.street, [d.subject.postcode, d.subject.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null,
  },
  events: d.events.map((e) => ({ at: e.occurred_at.toISOString(), actorName: e.actor_name, type: e.type, data: e.data })),
});
