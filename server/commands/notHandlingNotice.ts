import { draftLetter } from '../letters/draftLetter.ts';
import { isAwbRegime } from '../domain/calendar/clockConfig.ts';
import { CLOCK_COLUMNS, caseClocks } from './caseClock.ts';
import type { CommandContext } from './context.ts';
import { createCaseTask } from './caseTasks.ts';
import { recordEvent } from './timeline.ts';

/**
 * Awb 9:8 lid 3: whoever decides not to handle a complaint owes the complainant a written notice
 * within 4 weeks of receipt. The decision (a process step) drafts that letter from the template —
 * the reason code already filled in — and puts "send it" in a queue, due when the period ends, so it
 * cannot be forgotten. Sending the letter records the notice date and completes the task.
 */
const TASK_KEY = 'sendNotHandlingNotice';
type Facts = { notHandling?: { decidedAt?: string; noticeSentAt?: string } } & Record<string, unknown>;

export async function startNotHandlingNotice(ctx: CommandContext, caseId: string, team?: string) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select([...CLOCK_COLUMNS, 'assignee_team_id', 'assignee_user_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  let dueAt: Date | undefined;
  if (isAwbRegime(c.regime)) {
    const facts: Facts = {
      ...(c.clock_facts as Facts),
      notHandling: { ...(c.clock_facts as Facts).notHandling, decidedAt: ctx.now.toISOString() },
    };
    await ctx.tx
      .updateTable('cases')
      .set({ clock_facts: JSON.stringify(facts) })
      .where('id', '=', caseId)
      .execute();
    const clock = caseClocks(ctx.services, { ...c, clock_facts: facts }, ctx.now).find((k) => k.key === 'notHandlingNotice');
    // Due on the last day of the period (midday, so the date is the same in every time zone shown).
    if (clock) dueAt = new Date(`${clock.adjustedEnd}T12:00:00Z`);
  }
  const letter = await draftLetter(ctx, { caseId, kind: 'notHandling' });
  await createCaseTask(ctx, caseId, {
    taskKey: TASK_KEY,
    subject: { nl: 'Brief "niet in behandeling" nakijken en versturen' },
    team,
    dueAt,
    assignee: { teamId: c.assignee_team_id, userId: c.assignee_user_id },
  });
  return letter;
}

/** Called when a not-handling letter is sent: the notice date stops the Awb 9:8 clock. */
export async function recordNotHandlingNoticeSent(ctx: CommandContext, caseId: string) {
  const c = await ctx.tx.selectFrom('cases').select(['regime', 'clock_facts']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const facts = c.clock_facts as Facts;
  if (isAwbRegime(c.regime) && !facts.notHandling?.noticeSentAt) {
    const next: Facts = { ...facts, notHandling: { ...facts.notHandling, noticeSentAt: ctx.now.toISOString() } };
    await ctx.tx
      .updateTable('cases')
      .set({ clock_facts: JSON.stringify(next) })
      .where('id', '=', caseId)
      .execute();
  }
  const done = await ctx.tx
    .updateTable('activity')
    .set((eb) => ({ status: 'done', completed_at: ctx.now, updated_at: ctx.now, version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('task_key', '=', TASK_KEY)
    .where('status', 'in', ['open', 'inProgress'])
    .returning('id')
    .execute();
  if (done.length) await recordEvent(ctx, { type: 'tasksCompleted', caseId, data: { activityIds: done.map((d) => d.id) } });
}
