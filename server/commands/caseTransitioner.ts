import { sql } from 'kysely';
import { AppError, conflict, forbidden, invalid, notFound } from '../domain/errors.ts';
import type { Effect, ProcessDefinition, Transition } from '../domain/process/definition.ts';
import { validateFields } from '../domain/process/fieldSchema.ts';
import { transitionsFrom } from '../domain/process/validateProcess.ts';
import { mayTakeTransition } from '../policies/casePolicy.ts';
import { caseScope } from '../queries/scope.ts';
import { actorId, type CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import { createCaseTask } from './caseTasks.ts';
import { requireLetter } from '../letters/guards.ts';
import { sendCaseMessage, sendSurvey } from './caseMessages.ts';
import type { TemplateKey } from '../mail/templates.nl.ts';
import { assertNotComplainedAbout } from './complainedPersons.ts';
import { teamIdByKey } from './teams.ts';
import { cancelPendingTimers, startStatusReminder, startTimer } from './timers.ts';
import { startNotHandlingNotice } from './notHandlingNotice.ts';
import { markFirstContact } from './complainantContact.ts';

export type TransitionCaseInput = {
  caseId: string;
  transition: string;
  /** The version the user saw; when given, a case changed since then is refused (409). */
  expectedVersion?: number;
  inputs: Record<string, unknown>;
};

/**
 * One process step: compare-and-set on the status (and version), the timeline event and every
 * effect in the caller's transaction. Of two concurrent steps from the same status one wins; the
 * other finds zero rows and gets 409 with nothing changed.
 */
export async function transitionCase(ctx: CommandContext, input: TransitionCaseInput) {
  const current = await ctx.tx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', input.caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!current) throw notFound('Deze melding');
  const def = ctx.services.processes.get(current.process_key);
  if (!def) throw new Error(`case ${current.id} has unknown process ${current.process_key}`);
  const t = def.transitions.find((x) => x.key === input.transition);
  if (!t) throw invalid('transition', 'Deze stap bestaat niet in dit proces.');
  if (!transitionsFrom(def, current.status).includes(t)) {
    throw conflict(`De stap "${t.label.nl}" kan niet in de status "${statusLabel(def, current.status)}".`);
  }
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
  if (t.requiresTasksDone) {
    const open = await ctx.tx
      .selectFrom('activity')
      .select('subject')
      .where('case_id', '=', current.id)
      .where('kind', '=', 'task')
      .where('status', 'in', ['open', 'inProgress'])
      .execute();
    if (open.length)
      throw conflict(
        `Rond eerst alle actieregels en taken af (${open.length} open: ${open
          .map((o) => o.subject)
          .slice(0, 3)
          .join('; ')}).`,
      );
  }
  if (t.requiresLetter) await requireLetter(ctx, current.id, t.requiresLetter);
  if (t.requiresDocument) {
    const doc = await ctx.tx
      .selectFrom('document')
      .select('id')
      .where('case_id', '=', current.id)
      .where('doc_type', '=', t.requiresDocument)
      .executeTakeFirst();
    if (!doc)
      throw invalid('documents', `Voeg eerst een document van het type "${t.requiresDocument}" toe aan de melding.`, 'documentRequired');
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw conflict('De melding is intussen gewijzigd. Vernieuw de pagina en probeer opnieuw.');
  }
  const values = validateFields(t.inputs, input.inputs, 'inputs');
  const toData = Object.fromEntries(t.inputs.filter((i) => i.target === 'data' && i.key in values).map((i) => [i.key, values[i.key]]));
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
    data: { transition: t.key, inputs: values },
  });
  // A step that records how the complainant was spoken to (seed 001's informal solution) is contact.
  if (typeof values.contactMethod === 'string') await markFirstContact(ctx, current.id, ctx.now);
  await cancelPendingTimers(ctx, current.id);
  const step = { key: `${t.key}:${updated.version}`, inputs: values };
  for (const effect of t.effects) await applyEffect(ctx, current.id, def, t, effect, step);
  if (!target.terminal) await startStatusReminder(ctx, current.id, def, t.to);
  return { version: updated.version, status: t.to };
}

const statusLabel = (def: ProcessDefinition, key: string) => def.statuses.find((s) => s.key === key)?.label.nl ?? key;

function requireStaff(ctx: CommandContext): string {
  const id = actorId(ctx.actor);
  if (!id) throw new AppError('invalid', 'Een notitie heeft een medewerker als auteur.');
  return id;
}

async function applyEffect(
  ctx: CommandContext,
  caseId: string,
  def: ProcessDefinition,
  t: Transition,
  effect: Effect,
  step: { key: string; inputs: Record<string, unknown> },
) {
  switch (effect.type) {
    case 'assignTeam': {
      const teamId = await teamIdByKey(ctx, effect.team);
      if (!teamId) throw new Error(`team ${effect.team} of transition ${t.key} is not configured`);
      await ctx.tx.updateTable('cases').set({ assignee_team_id: teamId, assignee_user_id: null }).where('id', '=', caseId).execute();
      await recordEvent(ctx, { type: 'caseAssigned', caseId, after: { assigneeTeamId: teamId, assigneeUserId: null } });
      return;
    }
    case 'assignActor': {
      const me = actorId(ctx.actor);
      if (!me) return;
      await assertNotComplainedAbout(ctx, caseId, me, 'actor');
      await ctx.tx.updateTable('cases').set({ assignee_user_id: me }).where('id', '=', caseId).execute();
      await recordEvent(ctx, { type: 'caseAssigned', caseId, after: { assigneeUserId: me } });
      return;
    }
    case 'unassign':
      await ctx.tx.updateTable('cases').set({ assignee_user_id: null }).where('id', '=', caseId).execute();
      return;
    case 'createTask':
      await createCaseTask(ctx, caseId, effect);
      return;
    case 'sendMessage':
      await sendCaseMessage(ctx, caseId, effect.template as TemplateKey, step);
      return;
    case 'sendSurvey':
      await sendSurvey(ctx, caseId, step.key);
      return;
    case 'addActionLines':
      for (const line of def.stepTemplates[effect.template] ?? []) {
        await createCaseTask(ctx, caseId, {
          taskKey: 'actionLine',
          subject: line.subject,
          team: line.team,
          dueInDays: line.afterDays || undefined,
        });
      }
      return;
    case 'noticeOfNotHandling':
      await startNotHandlingNotice(ctx, caseId, effect.team);
      return;
    case 'startTimer':
      await startTimer(ctx, caseId, def, t.to, effect.timer, effect.period, effect.fire);
      return;
    case 'completeTasks': {
      const done = await ctx.tx
        .updateTable('activity')
        .set({ status: 'done', completed_at: ctx.now, updated_at: ctx.now, version: sql`version + 1` })
        .where('case_id', '=', caseId)
        .where('kind', '=', 'task')
        .where('status', 'in', ['open', 'inProgress'])
        .returning('id')
        .execute();
      if (done.length) await recordEvent(ctx, { type: 'tasksCompleted', caseId, data: { activityIds: done.map((d) => d.id) } });
      return;
    }
  }
}
