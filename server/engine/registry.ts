import type { CommandContext } from '../commands/context.ts';
import type { Effect, Guard, ProcessDefinition, Transition } from '../domain/process/definition.ts';
import type { Facts } from '../domain/process/roles.ts';
import {
  EFFECTS,
  type EffectType,
  type FactKey,
  GUARDS,
  type GuardType,
  TRIGGERS,
  type TriggerType,
} from '../domain/process/vocabulary.ts';

/**
 * The engine's plug-in points. The core (command context, timeline, the transitioner) imports no
 * feature: features (assignment, tasks, timers, messaging, facts, documents, letters, hearing, the
 * portal) register what they handle here, from server/engine/features.ts, and the transitioner
 * looks handlers up by the names the definition uses. Start-up checks every name in the
 * vocabulary has a handler, so a definition can only name what actually works.
 */
export type StepContext = {
  caseId: string;
  def: ProcessDefinition;
  transition: Transition;
  /** The validated inputs of this step. */
  inputs: Record<string, unknown>;
  /** The case's facts after this step's inputs. */
  facts: Facts;
  /** A key unique to this step on this case (idempotency of the mail it sends). */
  key: string;
};

type EffectOf<T extends EffectType> = Extract<Effect, { type: T }>;
type GuardOf<T extends GuardType> = Extract<Guard, { type: T }>;
export type EffectHandler<T extends EffectType> = (ctx: CommandContext, step: StepContext, effect: EffectOf<T>) => Promise<void>;
/** Throws an AppError (400/409) naming what is missing; `fact` guards are checked by the core itself. */
export type GuardCheck<T extends GuardType> = (
  ctx: CommandContext,
  step: Omit<StepContext, 'inputs' | 'key'>,
  guard: GuardOf<T>,
) => Promise<void>;

const effects = new Map<EffectType, EffectHandler<never>>();
const guards = new Map<GuardType, GuardCheck<never>>();
const triggers = new Map<TriggerType, string>();
const factObservers = new Map<FactKey, FactObserver[]>();
/** Called when a step records a fact, e.g. a recorded contact method is first contact with the complainant. */
export type FactObserver = (ctx: CommandContext, step: StepContext, value: unknown) => Promise<void>;

export function observeFact(fact: FactKey, observer: FactObserver) {
  const list = factObservers.get(fact) ?? [];
  if (!list.includes(observer)) list.push(observer);
  factObservers.set(fact, list);
}

export async function notifyFactObservers(ctx: CommandContext, step: StepContext, facts: Facts) {
  for (const [fact, value] of Object.entries(facts) as [FactKey, unknown][]) {
    for (const observer of factObservers.get(fact) ?? []) await observer(ctx, step, value);
  }
}

export function registerEffect<T extends EffectType>(type: T, handler: EffectHandler<T>) {
  effects.set(type, handler as unknown as EffectHandler<never>);
}
export function registerGuard<T extends GuardType>(type: T, check: GuardCheck<T>) {
  guards.set(type, check as unknown as GuardCheck<never>);
}
/** A feature declares which events it reports (it calls fireTrigger from engine/triggers.ts). */
export function registerTrigger(type: TriggerType, feature: string) {
  triggers.set(type, feature);
}

export async function applyEffect(ctx: CommandContext, step: StepContext, effect: Effect) {
  const handler = effects.get(effect.type) as EffectHandler<typeof effect.type> | undefined;
  if (!handler) throw new Error(`no feature handles effect "${effect.type}"`);
  await (handler as (c: CommandContext, s: StepContext, e: Effect) => Promise<void>)(ctx, step, effect);
}

export async function checkGuard(ctx: CommandContext, step: Omit<StepContext, 'inputs' | 'key'>, guard: Guard) {
  const check = guards.get(guard.type);
  if (!check) throw new Error(`no feature checks guard "${guard.type}"`);
  await (check as (c: CommandContext, s: typeof step, g: Guard) => Promise<void>)(ctx, step, guard);
}

/** Vocabulary names no feature handles: start-up refuses to run with any. */
export function unhandledNames(): string[] {
  return [
    ...(Object.keys(EFFECTS) as EffectType[]).filter((t) => !effects.has(t)).map((t) => `effect "${t}"`),
    ...(Object.keys(GUARDS) as GuardType[]).filter((t) => t !== 'fact' && !guards.has(t)).map((t) => `guard "${t}"`),
    ...(Object.keys(TRIGGERS) as TriggerType[]).filter((t) => !triggers.has(t)).map((t) => `trigger "${t}"`),
  ];
}
