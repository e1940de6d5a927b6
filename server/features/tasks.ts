import { sql } from 'kysely';
import { createCaseTask } from '../commands/caseTasks.ts';
import { recordEvent } from '../commands/timeline.ts';
import { conflict } from '../domain/errors.ts';
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
        taskKey: 'actionLine',
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
      .select('subject')
      .where('case_id', '=', step.caseId)
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
  });
}
