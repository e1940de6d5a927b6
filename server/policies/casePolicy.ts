import type { Actor } from '../commands/context.ts';
import type { LetterStatus } from '../db/schema.ts';
import type { ProcessDefinition, Transition } from '../domain/process/definition.ts';
import { type Facts, letterGuardOf, statusHasRole, statutoryClocksApply, stepsFor } from '../domain/process/roles.ts';
import { recommendedStep, stepConsequences } from '../domain/process/stepGuidance.ts';
import { LETTER_STAGES } from '../domain/process/vocabulary.ts';
import { hasAdvisoryCommittee, regimeFixedBy, regimesOf } from '../domain/regimes.ts';

/**
 * Which steps an actor may take on a case now: the process definition says which roles may take a
 * transition from the current status, and which fit the case's facts (a signal gets no judgment
 * step). The same answer is sent to the UI as abilities, so screens never re-derive a rule.
 */
export function mayTakeTransition(actor: Actor, t: Transition): boolean {
  if (actor.kind === 'system') return t.roles.includes('system');
  // A process gives its steps to roles; another system with an API key has none.
  if (actor.kind === 'client' || !actor.permissions.has('case:transition')) return false;
  return t.roles.some((r) => r !== 'system' && actor.roles.includes(r));
}

/**
 * The same person as a reader only: on a case they handled before but no longer work on (scope.ts
 * caseReadScope), or on a case read by someone who never works on cases, every ability is off.
 */
export function asReader(actor: Actor): Actor {
  if (actor.kind === 'system') return actor;
  const reading = new Set(['case:read', 'activity:read', 'staff:read', 'process:read']);
  return { ...actor, permissions: new Set([...actor.permissions].filter((p) => reading.has(p))) };
}

export function availableTransitions(actor: Actor, def: ProcessDefinition, status: string, facts: Facts): Transition[] {
  return stepsFor(def, status, facts).filter((t) => mayTakeTransition(actor, t));
}

export type CaseAbilities = {
  /**
   * `waitsForLetter`: the step needs a letter that has not reached that stage yet (it is then taken
   * from the letter: submitting or sending it), so the screen points to the letter instead.
   * `trigger`: the event that takes this step by itself (e.g. the complainant booking a hearing time).
   * `purpose`: what the screen needs to know of the step, from the definition's roles: it invites
   * for a hearing (enters the status where the complainant books a time; the form asks for slots),
   * or it is a way out from any status (cancel), shown less prominently.
   */
  transitions: {
    key: string;
    label: { nl: string; en: string };
    to: string;
    inputs: Transition['inputs'];
    waitsForLetter: LetterStatus | null;
    trigger: string | null;
    purpose: 'hearingInvitation' | 'exit' | null;
    /** The step that fits the case's facts and status best (stepGuidance.ts): the screen's one primary action. */
    recommended: boolean;
    /** What the step will do, in words (both languages), from its target status and effects. */
    consequences: { nl: string; en: string }[];
  }[];
  addNote: boolean;
  addDocument: boolean;
  editData: boolean;
  /** Contact with the complainant can be recorded, also after closing (a call about the closing letter). */
  recordContact: boolean;
  linkActivity: boolean;
  /** Give the case another regime its process allows (caseRegime.ts): open, decision letter not yet approved. */
  changeRegime: boolean;
  /** Record what the decision does with the advisory committee's advice: the same, on a committee regime. */
  recordAdvice: boolean;
};

type CaseLetter = { kind: string; status: LetterStatus };
const letterReached = (letters: CaseLetter[], need: NonNullable<ReturnType<typeof letterGuardOf>>) =>
  letters.some(
    (l) =>
      (!need.kinds?.length || (need.kinds as string[]).includes(l.kind)) &&
      LETTER_STAGES.indexOf(l.status) >= LETTER_STAGES.indexOf(need.atLeast),
  );

export function caseAbilities(
  actor: Actor,
  def: ProcessDefinition,
  c: { status: string; closed_at: Date | null; facts: Record<string, unknown>; regime?: string },
  letters: CaseLetter[] = [],
  guidance: { complete: boolean; teamName: (key: string) => string | undefined } = { complete: true, teamName: () => undefined },
): CaseAbilities {
  const can = (p: string) => actor.kind === 'system' || actor.permissions.has(p);
  const open = c.closed_at === null;
  const undecided = open && !regimeFixedBy(letters);
  const steps = availableTransitions(actor, def, c.status, c.facts as Facts);
  const ctx = { ...guidance, letters, clocksRun: statutoryClocksApply(def, c.facts as Facts) };
  const recommended = recommendedStep(def, c.status, steps, ctx);
  return {
    transitions: steps.map((t) => {
      const need = letterGuardOf(t);
      return {
        key: t.key,
        label: t.label,
        to: t.to,
        inputs: t.inputs,
        waitsForLetter: need && !letterReached(letters, need) ? need.atLeast : null,
        trigger: t.trigger?.type ?? null,
        purpose: statusHasRole(def, t.to, 'hearingBooking') ? 'hearingInvitation' : t.from === '*' ? 'exit' : null,
        recommended: t.key === recommended,
        consequences: stepConsequences(def, t, ctx),
      };
    }),
    addNote: can('case:note'),
    addDocument: can('case:edit'),
    editData: can('case:edit') && open,
    recordContact: can('case:edit'),
    linkActivity: can('case:create'),
    changeRegime: can('case:regime') && undecided && regimesOf(def).length > 1,
    recordAdvice: can('case:edit') && undecided && hasAdvisoryCommittee(c.regime ?? def.regime),
  };
}
