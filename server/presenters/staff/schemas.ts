import { z } from 'zod';
import { mandateOut } from './mandatePresenter.ts';
import { REGIMES } from '../../domain/regimes.ts';

/** Response shapes of the staff API; presenters produce exactly these (and OpenAPI shows them). */
export const label = z.object({ nl: z.string(), en: z.string() });
const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();
const when = z.iso.datetime();

const deadlineState = z.enum(['overdue', 'nearlyDue']).nullable();
const bilingual = z.object({ nl: z.string(), en: z.string() });

export const activityOut = z.object({
  caseDeadline: z.iso.date().nullable(),
  deadlineState,
  /** The service norm's deadline (an organisation's own promise, e.g. 7 days), where it has one. */
  normDeadline: z.iso.date().nullable(),
  normState: deadlineState,
  id: z.uuid(),
  kind: z.enum(['intake', 'task']),
  channel: z.string(),
  status: z.string(),
  subject: z.string(),
  contact: z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  caseType: z.string().nullable(),
  taskKey: z.string().nullable(),
  assignee: ref,
  team: ref,
  dueAt: when.nullable(),
  createdAt: when,
  updatedAt: when,
  version: z.number().int(),
  /** Bulk or list mail (a newsletter, a mailing list): kept, never linked to a case or answered automatically. */
  bulkMail: z.boolean(),
});
export const activityDetailOut = activityOut.extend({ body: z.string() });

export const caseSummaryOut = z.object({
  deadline: z.iso.date().nullable(),
  deadlineState,
  /** The service norm's deadline, where the organisation has one; flagged like the statutory one. */
  normDeadline: z.iso.date().nullable(),
  normState: deadlineState,
  id: z.uuid(),
  reference: z.string(),
  processKey: z.string(),
  /** The version of the process this case follows: the one published when it started. */
  processVersion: z.number().int(),
  caseType: z.string(),
  status: z.string(),
  statusLabel: label,
  subject: z.string(),
  channel: z.string(),
  complainantName: z.string(),
  assignee: ref,
  team: ref,
  receivedAt: when,
  updatedAt: when,
  closedAt: when.nullable(),
  version: z.number().int(),
});

export const personOut = z.object({
  id: z.uuid(),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  organisationName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
});

const transitionInput = z.object({
  key: z.string(),
  label,
  type: z.string(),
  required: z.boolean(),
  target: z.string(),
  options: z.array(z.object({ value: z.string(), label })).optional(),
});

export const caseDetailOut = caseSummaryOut.extend({
  description: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** Fields the process marks sensitive (health details) that hold a value the actor may not see: they do not handle the case. */
  hiddenFields: z.array(z.string()),
  /** The actor handled this case before and it moved on (a team lead's formal complaint now with the quality officer): they may only read it. */
  handedOn: z.boolean(),
  /** Standard facts: the same meaning in every organisation (kind, statutory, judgment, outcome …). */
  facts: z.array(z.object({ key: z.string(), label, value: z.unknown(), valueLabel: z.string().nullable() })),
  complainant: personOut,
  representative: personOut.nullable(),
  representativeRelation: z.string().nullable(),
  /** The mandate the representative acts on (seed 003); pending: a portal complaint for someone else, still to check. */
  mandate: mandateOut.nullable(),
  mandateCheckPending: z.boolean(),
  createdAt: when,
  statusChangedAt: when,
  /** othersData: marked as holding data of others, left out of an access export (AVG art. 15(4)). */
  notes: z.array(z.object({ id: z.uuid(), body: z.string(), author: ref, createdAt: when, othersData: z.boolean() })),
  documents: z.array(
    z.object({
      id: z.uuid(),
      docType: z.string(),
      filename: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      createdAt: when,
    }),
  ),
  activities: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      channel: z.string(),
      status: z.string(),
      subject: z.string(),
      taskKey: z.string().nullable(),
      assigneeName: z.string().nullable(),
      teamName: z.string().nullable(),
      createdAt: when,
    }),
  ),
  abilities: z.object({
    transitions: z.array(
      z.object({
        key: z.string(),
        label,
        to: z.string(),
        inputs: z.array(transitionInput),
        waitsForLetter: z.enum(['draft', 'inReview', 'approved', 'sent']).nullable(),
        trigger: z.string().nullable(),
        purpose: z.enum(['hearingInvitation', 'exit']).nullable(),
        /** The step that fits the case's facts and status best: the one primary action on the case page. */
        recommended: z.boolean(),
        /** What the step will do, in words. */
        consequences: z.array(bilingual),
      }),
    ),
    addNote: z.boolean(),
    addDocument: z.boolean(),
    editData: z.boolean(),
    recordContact: z.boolean(),
    linkActivity: z.boolean(),
    changeRegime: z.boolean(),
    recordAdvice: z.boolean(),
  }),
  /** The legal regime: awb (Awb ch. 9), awbCommittee (with an advisory committee), wkkgz, reglement (housing). */
  regime: z.enum(REGIMES),
  /** The regimes this case's process allows, its own first; more than one: the case's can be changed. */
  regimes: z.array(z.enum(REGIMES)),
  clocks: z.array(
    z.object({
      key: z.string(),
      label: bilingual,
      state: z.enum(['running', 'warning', 'overdue', 'stopped']),
      outcome: z.string().nullable(),
      start: z.iso.date(),
      rule: bilingual,
      rawEnd: z.iso.date(),
      adjustedEnd: z.iso.date(),
      adjustmentReason: bilingual.nullable(),
      warnFrom: z.iso.date(),
      previous: z.array(
        z.object({ rule: bilingual, rawEnd: z.iso.date(), adjustedEnd: z.iso.date(), adjustmentReason: bilingual.nullable() }),
      ),
    }),
  ),
  pendingTimers: z.array(z.object({ key: z.string(), firesAt: when })),
  complainedPersons: z.array(z.object({ id: z.uuid(), userId: z.uuid().nullable(), name: z.string(), jobTitle: z.string().nullable() })),
  hearingSlots: z.array(
    z.object({ id: z.uuid(), startsAt: when, endsAt: when, location: z.string(), booked: z.boolean(), withdrawn: z.boolean() }),
  ),
  completeness: z.object({ complete: z.boolean(), missing: z.array(z.enum(['name', 'address', 'date', 'description'])) }),
  hints: z.array(z.object({ code: z.string(), message: bilingual })),
});

export const timelineEventOut = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: when,
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }),
  activityId: z.uuid().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
