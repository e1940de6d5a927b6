import { z } from 'zod';
import type { DestructionCertificate } from '../../db/retentionSchema.ts';
import type { getDestructionList, listDestructionLists } from '../../retention/destructionLists.ts';
import type { listQuarantinedMail } from '../../mail/inbound/quarantine.ts';

/**
 * Destruction lists as the records manager sees them: references, dates and rules, never a name or
 * a subject (the list is about keeping or destroying, not about what the complaint said).
 */
const label = z.object({ nl: z.string(), en: z.string() });
const status = z.enum(['proposed', 'superseded', 'destroyed']);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const destructionListSummaryOut = z.object({
  id: z.uuid(),
  month: z.iso.date(),
  status,
  proposedAt: z.iso.datetime(),
  dueOn: z.iso.date(),
  caseCount: z.number().int(),
  approvedAt: z.iso.datetime().nullable(),
  approvedBy: z.string().nullable(),
  destroyedCount: z.number().int().nullable(),
  heldCount: z.number().int().nullable(),
});
export const destructionListsOut = z.object({ items: z.array(destructionListSummaryOut) });

export const destructionListOut = destructionListSummaryOut.extend({
  cases: z.array(
    z.object({
      caseId: z.uuid(),
      reference: z.string(),
      closedOn: z.iso.date(),
      destroyAfter: z.iso.date(),
      rule: z.string(),
      ruleLabel: label,
      held: z.object({ reason: z.string(), at: z.iso.datetime().nullable(), by: z.string().nullable() }).nullable(),
    }),
  ),
  events: z.array(
    z.object({
      type: z.string(),
      at: z.iso.datetime(),
      by: z.string(),
      caseId: z.uuid().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

type Summary = Awaited<ReturnType<typeof listDestructionLists>>[number];
export function presentListSummary(
  l: Omit<Summary, 'case_count'> & { case_count: number | null },
): z.infer<typeof destructionListSummaryOut> {
  return {
    id: l.id,
    month: l.month,
    status: l.status,
    proposedAt: l.proposed_at.toISOString(),
    dueOn: l.due_on,
    caseCount: l.case_count ?? 0,
    approvedAt: iso(l.approved_at),
    approvedBy: l.approved_by_name,
    destroyedCount: l.destroyed_count,
    heldCount: l.held_count,
  };
}

export function presentList(d: Awaited<ReturnType<typeof getDestructionList>>): z.infer<typeof destructionListOut> {
  return {
    ...presentListSummary({ ...d.list, case_count: d.cases.length }),
    cases: d.cases.map((c) => ({
      caseId: c.case_id,
      reference: c.reference,
      closedOn: c.closed_on,
      destroyAfter: c.destroy_after,
      rule: c.rule,
      ruleLabel: c.rule_label,
      held: c.held_reason ? { reason: c.held_reason, at: iso(c.held_at), by: c.held_by_name } : null,
    })),
    events: d.events.map((e) => ({
      type: e.type,
      at: e.occurred_at.toISOString(),
      by: e.actor_name,
      caseId: e.case_id,
      data: e.data,
    })),
  };
}

export const certificateOut = z.object({
  listId: z.uuid(),
  month: z.iso.date(),
  approvedBy: z.string(),
  approvedAt: z.iso.datetime(),
  destroyedOn: z.iso.date(),
  count: z.number().int(),
  basis: z.string(),
  cases: z.array(
    z.object({
      caseId: z.uuid(),
      reference: z.string(),
      closedOn: z.iso.date(),
      destroyAfter: z.iso.date(),
      rule: z.string(),
      ruleLabel: z.string(),
    }),
  ),
  held: z.array(z.object({ caseId: z.uuid(), reference: z.string(), reason: z.string() })),
});
export const presentCertificate = (c: DestructionCertificate): z.infer<typeof certificateOut> => c;

/** Quarantined mail: sender and subject are shown, so staff can judge it; the body only by releasing it. */
export const quarantinedMailOut = z.object({
  /** The organisation's period: quarantined mail is purged this many days after it was quarantined. */
  days: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      source: z.enum(['smtp', 'imap']),
      receivedAt: z.iso.datetime(),
      quarantinedAt: z.iso.datetime().nullable(),
      from: z.string().nullable(),
      subject: z.string().nullable(),
      reason: z.string().nullable(),
      sizeBytes: z.number().int(),
      purgeOn: z.iso.date(),
    }),
  ),
});
export function presentQuarantinedMail(
  rows: Awaited<ReturnType<typeof listQuarantinedMail>>,
  days: number,
): z.infer<typeof quarantinedMailOut> {
  return {
    days,
    items: rows.map((r) => ({
      id: r.id,
      source: r.source,
      receivedAt: r.received_at.toISOString(),
      quarantinedAt: iso(r.processed_at),
      from: r.from_address,
      subject: r.subject,
      reason: r.reason,
      sizeBytes: Number(r.size_bytes),
      purgeOn: r.purge_on,
    })),
  };
}
