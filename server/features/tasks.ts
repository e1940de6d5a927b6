import { sql } from 'kysely';
import { createCaseTask } from '../commands/caseTasks.ts';
import { recordEvent } from '../commands/timeline.ts';
import { type OpenWorkItem, workStillOpen } from '../domain/errors.ts';
import { ACTION_LINE } from '../commands/caseTasks.ts';
import { registerEffect, registerGuard } from '../engine/registry.ts';

/** Tasks and action lines on a case: created and completed by steps; a step may wait until all are done. */
export function registerTasks() {
  registerEffect('createTask', async (ctx, step, effect) => {
    const team = effect.team ?? (effect.teamFromInput ? String(step.inputs[effect.teamFromInput] ?? '') : undefined);
    await createCaseTask(ctx, step.caseId, { ...effect, team });
  });
  registerEffect('addActionLines', async (ctx, step, effect) => {
    for (const line of step.def.stepTemplates[effect.template] ?? []) {
      await createCaseTask(ctx, step.caseId, {
        taskKey: ACTION_LINE,
        subject: line.subject,
        team: line.team,
        dueInDays: line.afterDays || undefined,
      });
    }
  });
  registerEffect('completeTasks', async (ctx, step) => {
    const done = await ctx.tx
      .updateTable('activity')
      .set({ status: 'done', completed_at: ctx.now, updated_at: ctx.now, version: sql`version + 1` })
      .where('case_id', '=', step.caseId)
      .where('kind', '=', 'task')
      .where('status', 'in', ['open', 'inProgress'])
      .returning('id')
      .execute();
    if (done.length) await recordEvent(ctx, { type: 'tasksCompleted', caseId: step.caseId, data: { activityIds: done.map((d) => d.id) } });
  });
  registerGuard('tasksDone', async (ctx, step) => {
    const open = await ctx.tx
      .selectFrom('activity')
      .select(['id', 'subject', 'status', 'task_key'])
      .where('case_id', '=', step.caseId)
      .where('kind', '=', 'task')
      .where('status', 'in', ['open', 'inProgress'])
      .orderBy(sql`task_key = ${ACTION_LINE}`, 'desc')
      .orderBy('due_at', (o) => o.asc().nullsLast())
      .orderBy('created_at')
      .execute();
    if (!open.length) return;
    const items: OpenWorkItem[] = open.map((o) => ({
      id: o.id,
      kind: o.task_key === ACTION_LINE ? 'actionLine' : 'task',
      subject: o.subject,
      status: o.status,
    }));
    const named = items.map(
      (i) => `${i.kind === 'actionLine' ? 'actieregel' : 'taak'} "${i.subject}" (${STATUS_NL[i.status] ?? i.status})`,
    );
    throw workStillOpen(
      `Rond eerst alle actieregels en taken af. Nog ${items.length === 1 ? '1 open' : `${items.length} open`}: ${named.join('; ')}.`,
      items,
    );
  });
}

const STATUS_NL: Record<string, string> = { open: 'open', inProgress: 'in uitvoering' };
