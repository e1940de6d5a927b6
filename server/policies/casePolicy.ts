import type { Actor } from '../commands/context.ts';
import type { ProcessDefinition, Transition } from '../domain/process/definition.ts';
import { transitionsFrom } from '../domain/process/validateProcess.ts';

/**
 * Which steps an actor may take on a case now: the process definition says which roles may take a
 * transition from the current status. The same answer is sent to the UI as abilities, so screens
 * never re-derive a rule.
 */
export function mayTakeTransition(actor: Actor, t: Transition): boolean {
  if (actor.kind === 'system') return t.roles.includes('system');
  if (!actor.permissions.has('case:transition')) return false;
  return t.roles.some((r) => r !== 'system' && actor.roles.includes(r));
}

export function availableTransitions(actor: Actor, def: ProcessDefinition, status: string): Transition[] {
  return transitionsFrom(def, status).filter((t) => mayTakeTransition(actor, t));
}

export type CaseAbilities = {
  transitions: { key: string; label: { nl: string; en: string }; to: string; inputs: Transition['inputs'] }[];
  addNote: boolean;
  addDocument: boolean;
  editData: boolean;
  linkActivity: boolean;
};

export function caseAbilities(actor: Actor, def: ProcessDefinition, c: { status: string; closed_at: Date | null }): CaseAbilities {
  const can = (p: string) => actor.kind === 'system' || actor.permissions.has(p);
  const open = c.closed_at === null;
  return {
    transitions: availableTransitions(actor, def, c.status).map((t) => ({ key: t.key, label: t.label, to: t.to, inputs: t.inputs })),
    addNote: can('case:edit'),
    addDocument: can('case:edit'),
    editData: can('case:edit') && open,
    linkActivity: can('case:create'),
  };
}
