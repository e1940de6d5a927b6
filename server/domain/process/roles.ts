import type { FactCondition, ProcessDefinition, Transition, TransitionInput } from './definition.ts';
import { reachableFrom, transitionsFrom } from './validateProcess.ts';
import { factSpec, type FactKey, type LetterKind, type StatusRole, type TriggerType } from './vocabulary.ts';

/**
 * The engine's questions to a definition: which status plays a role, which input carries a fact,
 * which step an event takes, which steps and letters fit a case's facts. Engine, portal and letters
 * ask these instead of naming a preset's keys.
 */
export type Facts = Partial<Record<FactKey, unknown>>;

export const statusHasRole = (def: ProcessDefinition, status: string, role: StatusRole) =>
  def.statuses.some((s) => s.key === status && s.roles.includes(role));

/** The letter a step waits for, if any. */
export const letterGuardOf = (t: Transition) => t.guards.find((g) => g.type === 'letter');

export const inputForFact = (t: Transition, fact: FactKey): TransitionInput | undefined => t.inputs.find((i) => i.fact === fact);

/** The facts a step's validated inputs record. */
export function factsOfInputs(t: Transition, values: Record<string, unknown>): Facts {
  const out: Facts = {};
  for (const i of t.inputs) if (i.fact && i.key in values) out[i.fact] = values[i.key];
  return out;
}

/** The option label the definition gives a fact's value (both languages). */
export function optionLabel(def: ProcessDefinition, fact: FactKey, value: unknown): { nl: string; en: string } | undefined {
  for (const t of def.transitions) {
    const option = inputForFact(t, fact)?.options?.find((o) => o.value === value);
    if (option) return option.label;
  }
  return typeof value === 'string' ? factSpec(fact).valueLabels?.[value] : undefined;
}

/** The Dutch label of a fact's value, for letters and mail. */
export const factLabel = (def: ProcessDefinition, fact: FactKey, value: unknown) => optionLabel(def, fact, value)?.nl;

export function meetsCondition(facts: Facts, c: FactCondition): boolean {
  const value = facts[c.fact];
  const has = value !== undefined && value !== null && value !== '';
  if (c.present !== undefined && c.present !== has) return false;
  if (c.equals !== undefined && value !== c.equals) return false;
  if (c.in && !c.in.includes(value as string | boolean)) return false;
  if (c.notIn && has && c.notIn.includes(value as string | boolean)) return false;
  return true;
}
export const meetsConditions = (facts: Facts, conditions: readonly FactCondition[]) => conditions.every((c) => meetsCondition(facts, c));

/** A step fits the case when its fact guards hold; other guards (letters, documents) are checked when it is taken. */
export const fitsFacts = (t: Transition, facts: Facts) => t.guards.every((g) => g.type !== 'fact' || meetsCondition(facts, g));

/** The steps from a status that fit the case's facts. */
export const stepsFor = (def: ProcessDefinition, status: string, facts: Facts) =>
  transitionsFrom(def, status).filter((t) => fitsFacts(t, facts));

/** The step an event takes from the case's status, if the definition ties one to it. */
export function stepForTrigger(
  def: ProcessDefinition,
  status: string,
  facts: Facts,
  trigger: TriggerType,
  letterKind?: LetterKind,
): Transition | undefined {
  return stepsFor(def, status, facts).find(
    (t) => t.trigger?.type === trigger && (!letterKind || !t.trigger.kinds?.length || t.trigger.kinds.includes(letterKind)),
  );
}

/** The letter kinds a step waits to see approved or sent (its letter guard, its `letterSent` trigger); [] for any. */
function awaitedKinds(t: Transition): (readonly LetterKind[])[] {
  const guard = letterGuardOf(t);
  return [
    ...(guard && (guard.atLeast === 'approved' || guard.atLeast === 'sent') ? [guard.kinds ?? []] : []),
    ...(t.trigger?.type === 'letterSent' ? [t.trigger.kinds ?? []] : []),
  ];
}
const awaits = (t: Transition, kind: LetterKind) => awaitedKinds(t).some((kinds) => kinds.length === 0 || kinds.includes(kind));

/**
 * Whether a status holds a letter of this kind for a review step (role `holdsLetters`, seed 001: the
 * B1 team approves the response before it goes): it may be drafted, edited and submitted there, not
 * approved or sent. Held are the letters a later step waits to see approved or sent, so a letter
 * with its own deadline, such as the extension notice (Awb 9:11 lid 2), still goes; a definition
 * that names no such step holds every letter.
 */
export function holdsLetter(def: ProcessDefinition, status: string, kind: LetterKind): boolean {
  if (!statusHasRole(def, status, 'holdsLetters')) return false;
  const later = [...reachableFrom(def, status)].flatMap((st) => transitionsFrom(def, st));
  return !later.some((t) => awaitedKinds(t).length) || later.some((t) => awaits(t, kind));
}

type Label = { nl: string; en: string };
/** Where a held letter waits (`at`), and the nearest status where it may be approved and sent (`until`), as labels. */
export type LetterHold = { at: Label; until: Label | null };

export function letterHold(def: ProcessDefinition, status: string, kind: LetterKind): LetterHold | null {
  if (!holdsLetter(def, status, kind)) return null;
  const label = (key: string) => def.statuses.find((s) => s.key === key)?.label ?? { nl: key, en: key };
  // Breadth first over the process's own steps (not the ways out from anywhere, such as cancelling).
  const seen = new Set([status]);
  const queue = [status];
  while (queue.length) {
    const st = queue.shift()!;
    const out = transitionsFrom(def, st).filter((t) => t.from !== '*');
    if (!holdsLetter(def, st, kind) && out.some((t) => awaits(t, kind))) return { at: label(status), until: label(st) };
    for (const t of out) {
      if (seen.has(t.to)) continue;
      seen.add(t.to);
      queue.push(t.to);
    }
  }
  return { at: label(status), until: null };
}

/** The letter kinds a case may get now under its process and facts. */
export const letterKindsFor = (def: ProcessDefinition, facts: Facts): LetterKind[] =>
  def.letters.filter((l) => meetsConditions(facts, l.when)).map((l) => l.kind);

/** Whether the regime's statutory clocks run for a case with these facts (a signal has none). */
export const statutoryClocksApply = (def: ProcessDefinition, facts: Facts) => meetsConditions(facts, def.statutoryClocksWhen);

/**
 * Awb 9:8: whether deciding not to handle is still possible from a status, i.e. a step with the
 * noticeOfNotHandling effect can still be reached. Once it cannot, the 9:8 notice clock stops.
 */
export const notHandlingStillOpen = (def: ProcessDefinition, status: string) =>
  [...reachableFrom(def, status)].some((st) =>
    transitionsFrom(def, st).some((t) => t.effects.some((e) => e.type === 'noticeOfNotHandling')),
  );
