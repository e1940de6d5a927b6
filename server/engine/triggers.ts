import { transitionCase } from '../commands/caseTransitioner.ts';
import type { CommandContext } from '../commands/context.ts';
import { type Facts, stepForTrigger } from '../domain/process/roles.ts';
import { mayTakeTransition } from '../policies/casePolicy.ts';
import type { LetterKind, TriggerType } from '../domain/process/vocabulary.ts';

/**
 * A feature reports an event (the complainant answered, a hearing was booked, a letter was sent);
 * the engine takes the step the case's definition ties to it from the current status, if any, in the
 * caller's transaction, as the actor who caused the event (the system for the complainant's own
 * actions). A step the actor may not take is left for someone who may: it stays offered on the case.
 */
export async function fireTrigger(
  ctx: CommandContext,
  caseId: string,
  trigger: TriggerType,
  opts: { letterKind?: LetterKind; facts?: Facts } = {},
) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['process_key', 'process_version', 'status', 'facts'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const def = ctx.services.processes.forCase(c);
  const step = stepForTrigger(def, c.status, c.facts as Facts, trigger, opts.letterKind);
  if (!step || !mayTakeTransition(ctx.actor, step)) return null;
  // The event's values reach the step through the inputs that carry those facts.
  const inputs = Object.fromEntries(
    step.inputs.filter((i) => i.fact && opts.facts?.[i.fact] !== undefined).map((i) => [i.key, opts.facts![i.fact!]]),
  );
  return transitionCase(ctx, { caseId, transition: step.key, inputs, trigger });
}
