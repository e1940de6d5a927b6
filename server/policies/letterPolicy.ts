import type { Actor } from '../commands/context.ts';
import type { LetterKind, LetterStatus } from '../db/schema.ts';
import type { ProcessDefinition } from '../domain/process/definition.ts';
import { type Facts, letterHold, type LetterHold, letterKindsFor, stepForTrigger } from '../domain/process/roles.ts';
import { LETTERS_AFTER_CLOSING } from '../letters/letterStore.ts';
import { mayTakeTransition } from './casePolicy.ts';

/**
 * What an actor may do with a letter now, sent to the letter editor as abilities so it shows only
 * the buttons that will work (the commands check the same again). `submitStep` and `sendStep` name
 * the process step that submitting or sending will take by itself (the definition's trigger), so the
 * editor can say so before the user clicks.
 */
export type LetterAbilities = {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  send: boolean;
  submitStep: string | null;
  sendStep: string | null;
  /**
   * The status that holds this letter for a review step, and the one where it may go (roles.ts
   * letterHold), as labels: when set, approve and send are off for that reason alone, and the
   * editor says which step it waits for.
   */
  heldBy: LetterHold | null;
};

type CaseState = { status: string; closed_at: Date | null; facts: Record<string, unknown> };

const can = (actor: Actor, permission: string) => actor.kind === 'system' || actor.permissions.has(permission);
const openFor = (c: CaseState, kind: string) => c.closed_at === null || LETTERS_AFTER_CLOSING.includes(kind);
export const isLetterApprover = (actor: Actor, approverRoles: readonly string[]) =>
  actor.kind === 'staff' && actor.roles.some((r) => approverRoles.includes(r));

function stepFor(
  actor: Actor,
  def: ProcessDefinition | undefined,
  c: CaseState,
  kind: LetterKind,
  trigger: 'letterSubmitted' | 'letterSent',
) {
  const t = def && stepForTrigger(def, c.status, c.facts as Facts, trigger, kind);
  return t && mayTakeTransition(actor, t) ? t.key : null;
}

export function letterAbilities(
  actor: Actor,
  approverRoles: readonly string[],
  def: ProcessDefinition | undefined,
  c: CaseState,
  letter: { kind: LetterKind; status: LetterStatus },
): LetterAbilities {
  const open = openFor(c, letter.kind);
  const approver = can(actor, 'case:transition') && isLetterApprover(actor, approverRoles);
  const submit = open && can(actor, 'case:edit') && letter.status === 'draft';
  const mayApprove = open && approver && ['draft', 'inReview'].includes(letter.status);
  const maySend = open && approver && letter.status === 'approved';
  const heldBy = (mayApprove || maySend) && def ? letterHold(def, c.status, letter.kind) : null;
  const send = maySend && !heldBy;
  return {
    edit: open && can(actor, 'case:edit') && ['draft', 'inReview', 'approved'].includes(letter.status),
    submit,
    approve: mayApprove && !heldBy,
    send,
    submitStep: submit ? stepFor(actor, def, c, letter.kind, 'letterSubmitted') : null,
    sendStep: send ? stepFor(actor, def, c, letter.kind, 'letterSent') : null,
    heldBy,
  };
}

/** After closing, the letter that the way the case ended calls for (outcome, a standard fact). */
const LETTER_AFTER_OUTCOME: Partial<Record<LetterKind, string>> = { notHandling: 'notHandled', referral: 'forwarded' };

/**
 * The kinds of letter an actor may start on a case now: those the process offers for its facts. A
 * closed case offers no new letters, except the one its ending still owes and does not have yet:
 * the Awb 9:8 notice after not handling, the referral letter after referring.
 */
export function draftableLetterKinds(
  actor: Actor,
  def: ProcessDefinition | undefined,
  c: CaseState,
  existing: readonly { kind: string }[] = [],
): LetterKind[] {
  if (!can(actor, 'case:edit') || !def) return [];
  const outcome = (c.facts as Facts).outcome;
  const owed = (k: LetterKind) => openFor(c, k) && LETTER_AFTER_OUTCOME[k] === outcome && !existing.some((l) => l.kind === k);
  return letterKindsFor(def, c.facts as Facts).filter((k) => (c.closed_at === null ? openFor(c, k) : owed(k)));
}
