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
