import type { AdminSubject } from '../db/adminSchema.ts';
import { actorId, type CommandContext } from './context.ts';

/** What administration's commands use of a command context: no services (the command line has none). */
export type AdminContext = Pick<CommandContext, 'actor' | 'tx' | 'now'>;

/** A changed field's value as the change record keeps it: words as they were then (names, not ids). */
export type Snapshot = Record<string, string | boolean | string[] | null>;

/**
 * One row of administration's change record: who, what, when, before → after. Written in the
 * transaction of the change itself, so a change is never without its record. Only the fields that
 * changed are kept on either side (a creation: after only; a removal: before only).
 */
export async function recordAdminChange(
  ctx: AdminContext,
  change: { subject: AdminSubject; subjectId: string; action: string; before?: Snapshot | null; after?: Snapshot | null },
) {
  await ctx.tx
    .insertInto('admin_change')
    .values({
      occurred_at: ctx.now,
      actor_id: actorId(ctx.actor),
      actor_name: ctx.actor.name,
      subject_type: change.subject,
      subject_id: change.subjectId,
      action: change.action,
      before: change.before ? JSON.stringify(change.before) : null,
      after: change.after ? JSON.stringify(change.after) : null,
    })
    .execute();
}

const same = (a: Snapshot[string] | undefined, b: Snapshot[string] | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ, each side with its own value; null when nothing changed. */
export function changedFields(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } | null {
  const keys = Object.keys(after).filter((k) => !same(before[k], after[k]));
  if (!keys.length) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  };
}
