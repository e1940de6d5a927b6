import { sql } from 'kysely';
import { actorId, type CommandContext, type StaffActor } from '../commands/context.ts';
import type { Role } from '../domain/roles.ts';
import { permissionsFor } from '../policies/permissions.ts';
import { recordEvent } from '../commands/timeline.ts';
import { conflict, notFound } from '../domain/errors.ts';
import { letterSent } from '../letters/letterEvents.ts';
import { caseScope } from '../queries/scope.ts';

/**
 * Staff put a letter in the post. That day it counts as sent: a letter's `sent_at` and its
 * "letter sent" report (which may close the case, Awb 9:12) happen now, so the close date and the
 * handling deadline check use the day it really left. Marking twice is a conflict, nothing changes.
 * The step that follows a sent letter is taken on behalf of whoever sent it (the approver decided;
 * the colleague at the post desk only carries it out), so the process's roles still apply.
 */
export async function markPosted(ctx: CommandContext, postalItemId: string) {
  const item = await ctx.tx
    .selectFrom('postal_item')
    .innerJoin('cases', 'cases.id', 'postal_item.case_id')
    .select(['postal_item.id', 'postal_item.case_id', 'postal_item.letter_id', 'postal_item.template_key', 'postal_item.posted_at'])
    .where('postal_item.id', '=', postalItemId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!item) throw notFound('Deze brief');
  const updated = await ctx.tx
    .updateTable('postal_item')
    .set({ posted_at: ctx.now, posted_by: actorId(ctx.actor) })
    .where('id', '=', item.id)
    .where('posted_at', 'is', null)
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw conflict('Deze brief is al als verstuurd gemarkeerd.');
  await recordEvent(ctx, {
    type: 'letterPosted',
    caseId: item.case_id,
    data: { postalItemId: item.id, template: item.template_key, ...(item.letter_id ? { letterId: item.letter_id } : {}) },
  });
  await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', item.case_id).execute();
  if (item.letter_id) {
    const letter = await ctx.tx
      .updateTable('letter')
      .set({ sent_at: ctx.now })
      .where('id', '=', item.letter_id)
      .returning(['kind'])
      .executeTakeFirstOrThrow();
    const sender = await letterSender(ctx, item.letter_id);
    await letterSent(sender ? { ...ctx, actor: sender } : ctx, item.case_id, letter.kind);
  }
  return { postedAt: ctx.now };
}

async function letterSender(ctx: CommandContext, letterId: string): Promise<StaffActor | null> {
  const row = await ctx.tx
    .selectFrom('timeline_event as e')
    .innerJoin('staff_user as u', 'u.id', 'e.actor_id')
    .select(['u.id', 'u.name', 'u.email', 'u.roles', 'u.active'])
    .where('e.type', '=', 'letterSent')
    .where(sql<boolean>`e.after->>'letterId' = ${letterId}`)
    .orderBy('e.id', 'desc')
    .executeTakeFirst();
  if (!row?.active) return null;
  const teams = await ctx.tx.selectFrom('team_member').select('team_id').where('user_id', '=', row.id).execute();
  const roles = row.roles as Role[];
  return {
    kind: 'staff',
    id: row.id,
    name: row.name,
    email: row.email,
    roles,
    teamIds: teams.map((t) => t.team_id),
    permissions: permissionsFor(roles),
  };
}
