import type { Actor } from '../commands/context.ts';

/**
 * Seed 004: the handling employee of a dossier directs its follow-up work (adds action lines, moves
 * their dates, gives lines and tasks to colleagues or teams, hands the dossier over). Work
 * assignment elsewhere is a dispatcher's or coordinator's permission (activity:assign); on their own
 * dossier the handling employee needs no such permission.
 */
export function mayDirectDossier(actor: Actor, c: { assignee_user_id: string | null }): boolean {
  if (actor.kind === 'system') return true;
  if (!actor.permissions.has('case:edit')) return false;
  return (actor.kind === 'staff' && c.assignee_user_id === actor.id) || actor.permissions.has('activity:assign');
}
