import { sql } from 'kysely';
import { AppError, conflict, forbidden, invalid, notFound } from '../domain/errors.ts';
import type { ProcessDefinition, Transition } from '../domain/process/definition.ts';
import { validateFields } from '../domain/process/fieldSchema.ts';
import {
  type Facts,
  factsOfInputs,
  fitsFacts,
  inputForFact,
  meetsCondition,
  notHandlingStillOpen,
  statutoryClocksApply,
  stepsFor,
} from '../domain/process/roles.ts';
import { transitionsFrom } from '../domain/process/validateProcess.ts';
import type { TriggerType } from '../domain/process/vocabulary.ts';
import { applyEffect, checkGuard, notifyFactObservers, type StepContext } from '../engine/registry.ts';
import { mayTakeTransition } from '../policies/casePolicy.ts';
import { caseScope } from '../queries/scope.ts';
import { recordHandledOnTime, refreshHandlingDeadline } from './caseClock.ts';
import { actorId, type CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import { recordRetentionOfCase } from '../retention/caseRetention.ts';
import { recordCaseHandler } from './caseHandlers.ts';
import { cancelPendingTimers, startStatusReminder } from './timers.ts';
import { assertNotRestricted } from '../subjectRequests/restriction.ts';
import { publishCaseEvent } from '../events/publish.ts';

export type TransitionCaseInput = {
  caseId: string;
  transition: string;
  /** The version the user saw; when given, a case changed since then is refused (409). */
  expectedVersion?: number;
  inputs: Record<string, unknown>;
  /** Set when an event takes the step (engine/triggers.ts); recorded on the timeline. */
  trigger?: TriggerType;
};

/**
 * One process step: compare-and-set on the status (and version), the timeline event and every
 * effect in the caller's transaction. Of two concurrent steps from the same status one wins; the
 * other finds zero rows and gets 409 with nothing changed. Effects and guards are handled by the
 * features registered with the engine (engine/registry.ts); this core names none of them.
 */
export async function transitionCase(ctx: CommandContext, input: TransitionCaseInput) {
  const current = await ctx.tx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', input.caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!current) throw notFound('Deze melding');
  await assertNotRestricted(ctx, current.id);
  const def = ctx.services.processes.forCase(current);
  const t = def.transitions.find((x) => x.key === input.transition);
  if (!t) throw invalid('transition', 'Deze stap bestaat niet in dit proces.');
  if (!transitionsFrom(def, current.status).includes(t)) {
    // Most often the case moved on since the page was loaded (someone else took a step): say how to see it.
    throw conflict(
      `De stap "${t.label.nl}" kan niet in de status "${statusLabel(def, current.status)}". Laad de gegevens opnieuw om te zien wat er nu kan.`,
    );
  }
  const before = current.facts as Facts;
  if (!fitsFacts(t, before)) throw conflict(`De stap "${t.label.nl}" past niet bij deze melding (zie de classificatie).`);
  if (!mayTakeTransition(ctx.actor, t)) throw forbidden(`U mag de stap "${t.label.nl}" niet zetten.`);
  const me = actorId(ctx.actor);
  if (
    me &&
    (await ctx.tx
      .selectFrom('complained_person')
      .select('id')
      .where('case_id', '=', current.id)
      .where('user_id', '=', me)
      .executeTakeFirst())
  ) {
    throw forbidden('Over u wordt in deze melding geklaagd; u mag haar niet behandelen (Awb 9:7).');
  }
  for (const guard of t.guards)
    if (guard.type !== 'fact') await checkGuard(ctx, { caseId: current.id, def, transition: t, facts: before }, guard);
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw conflict('De melding is intussen gewijzigd. Vernieuw de pagina en probeer opnieuw.');
  }
  const values = validateFields(t.inputs, input.inputs, 'inputs');
  const toData = Object.fromEntries(t.inputs.filter((i) => i.target === 'data' && i.key in values).map((i) => [i.key, values[i.key]]));
  const newFacts = factsOfInputs(t, values);
  const facts: Facts = { ...before, ...newFacts };
  refuseFactsOutsideGuards(ctx, def, current.status, t, before, newFacts);
  const target = def.statuses.find((s) => s.key === t.to)!;

  const updated = await ctx.tx
    .updateTable('cases')
    .set({
      status: t.to,
      status_changed_at: ctx.now,
      updated_at: ctx.now,
      closed_at: target.terminal ? ctx.now : null,
      version: sql`version + 1`,
      data: sql`data || ${JSON.stringify(toData)}::jsonb`,
      facts: sql`facts || ${JSON.stringify(newFacts)}::jsonb`,
    })
    .where('id', '=', current.id)
    .where('status', '=', current.status)
    .where('version', '=', current.version)
    .returning(['version'])
    .executeTakeFirst();
  if (!updated) throw conflict('Iemand anders heeft deze melding zojuist gewijzigd. Vernieuw de pagina en probeer opnieuw.');

  for (const i of t.inputs) {
    if (i.target === 'note' && typeof values[i.key] === 'string') {
      await ctx.tx
        .insertInto('note')
        .values({ case_id: current.id, author_id: requireStaff(ctx), body: values[i.key] as string, created_at: ctx.now })
        .execute();
    }
  }
  await recordEvent(ctx, {
    type: 'statusChanged',
    caseId: current.id,
    before: { status: current.status },
    after: { status: t.to, ...toData },
    data: { transition: t.key, inputs: values, ...(input.trigger ? { trigger: input.trigger } : {}) },
  });
  await recordCaseHandler(ctx, current.id);
  await cancelPendingTimers(ctx, current.id);
  if (!t.effects.some((e) => e.type === 'noticeOfNotHandling')) await closeNotHandlingOption(ctx, current, def, t.to);
  const step: StepContext = { caseId: current.id, def, transition: t, inputs: values, facts, key: `${t.key}:${updated.version}` };
  await notifyFactObservers(ctx, step, newFacts);
  for (const effect of t.effects) await applyEffect(ctx, step, effect);
  // Facts that decide whether the statutory clocks run (a signal has none) move the stored deadline.
  if (statutoryClocksApply(def, before) !== statutoryClocksApply(def, facts)) await refreshHandlingDeadline(ctx, current.id);
  if (!target.terminal) await startStatusReminder(ctx, current.id, def, t.to);
  else {
    await recordHandledOnTime(ctx, current.id);
    // The day its personal data may go (Archiefwet): computed from the facts it closed with.
    await recordRetentionOfCase(ctx.tx, ctx.services, current.id, ctx.now);
    await publishCaseEvent(ctx, 'nl.klachtflow.case.closed', current.id);
  }
  return { version: updated.version, status: t.to };
}

/**
 * Awb 9:8: once no step can still decide not to handle the complaint (it was judged, say), the
 * notice clock stops as "not used" on that day instead of running on until the case closes.
 */
async function closeNotHandlingOption(
  ctx: CommandContext,
  c: { id: string; status: string; clock_facts: unknown },
  def: ProcessDefinition,
  to: string,
) {
  const facts = c.clock_facts as { notHandling?: { decidedAt?: string; optionClosedAt?: string } };
  if (facts.notHandling?.decidedAt || facts.notHandling?.optionClosedAt) return;
  if (!notHandlingStillOpen(def, c.status) || notHandlingStillOpen(def, to)) return;
  const next = { ...facts, notHandling: { ...facts.notHandling, optionClosedAt: ctx.now.toISOString() } };
  await ctx.tx
    .updateTable('cases')
    .set({ clock_facts: JSON.stringify(next) })
    .where('id', '=', c.id)
    .execute();
}

/**
 * A step's inputs may not record a fact its own fact guards rule out: "satisfied: no" on the step
 * that closes a complaint as solved (seed 002) is refused at that input, naming the step that fits
 * the answer (one from the same status that records this value itself).
 */
function refuseFactsOutsideGuards(
  ctx: CommandContext,
  def: ProcessDefinition,
  status: string,
  t: Transition,
  before: Facts,
  newFacts: Facts,
) {
  const facts = { ...before, ...newFacts };
  for (const g of t.guards) {
    if (g.type !== 'fact' || !(g.fact in newFacts) || meetsCondition(facts, g)) continue;
    const input = inputForFact(t, g.fact);
    const other = stepsFor(def, status, before).find(
      (x) =>
        x !== t &&
        mayTakeTransition(ctx.actor, x) &&
        x.effects.some((e) => e.type === 'setFact' && e.fact === g.fact && e.value === newFacts[g.fact]),
    );
    throw invalid(
      `inputs.${input?.key ?? g.fact}`,
      `Met dit antwoord past de stap "${t.label.nl}" niet.${other ? ` Kies de stap "${other.label.nl}".` : ''}`,
    );
  }
}

const statusLabel = (def: ProcessDefinition, key: string) => def.statuses.find((s) => s.key === key)?.label.nl ?? key;

function requireStaff(ctx: CommandContext): string {
  const id = actorId(ctx.actor);
  if (!id) throw new AppError('invalid', 'Een notitie heeft een medewerker als auteur.');
  return id;
}
