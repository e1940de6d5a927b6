import { z } from 'zod';
import type { AuditRow } from '../../queries/auditLog.ts';

/**
 * One audit entry as the privacy officer sees it: ids, the action, when and from where, and the
 * names looked up now (a person erased since: anonymised). No subject, no text, no values.
 */
export const auditEntryOut = z.object({
  seq: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ kind: z.enum(['staff', 'client', 'system', 'citizen']), id: z.uuid().nullable(), name: z.string().nullable() }),
  /** A read ('case.read', 'case.timeline.read' …) or a change ('POST /cases/:id/notes'). */
  action: z.string(),
  kind: z.enum(['read', 'change']),
  /** A change in words (its route's summary, Dutch); null for reads, which the screen names itself. */
  change: z.string().nullable(),
  case: z.object({ id: z.uuid(), reference: z.string().nullable() }).nullable(),
  persons: z.array(z.object({ id: z.uuid(), name: z.string().nullable(), anonymised: z.boolean() })),
  objectId: z.uuid().nullable(),
  ip: z.string().nullable(),
});
export const auditPageOut = z.object({ items: z.array(auditEntryOut), nextCursor: z.string().nullable() });

export function presentAuditEntry(r: AuditRow, changeLabels: ReadonlyMap<string, string>): z.infer<typeof auditEntryOut> {
  const kind = r.action.includes(' ') ? 'change' : 'read';
  return {
    seq: String(r.seq),
    at: r.at.toISOString(),
    actor: { kind: r.actorKind as z.infer<typeof auditEntryOut>['actor']['kind'], id: r.actorId, name: r.actorName },
    action: r.action,
    // Changes are named by method and route (auditHook.ts); reads by a dotted name.
    kind,
    change: kind === 'change' ? (changeLabels.get(r.action) ?? null) : null,
    case: r.caseId ? { id: r.caseId, reference: r.caseReference } : null,
    persons: r.persons,
    objectId: r.objectId,
    ip: r.ip,
  };
}
