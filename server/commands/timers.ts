import { sql } from 'kysely';
import { addDuration } from '../domain/calendar/durations.ts';
import type { Effect, ProcessDefinition } from '../domain/process/definition.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * Timers are rows, bound to the status the case was in when they started: leaving that status
 * cancels them (an answer that arrives cancels the information wait; a booked hearing cancels the
 * hearing wait). The sweeper (jobs/timerSweeper.ts) fires the ones that come due.
 */
export type TimerFire = Extract<Effect, { type: 'startTimer' }>['fire'] | { remind: true };
export type TimerPayload = { status: string; period: string; fire: TimerFire };

export async function startTimer(
  ctx: CommandContext,
  caseId: string,
  def: ProcessDefinition,
  status: string,
  timerKey: string,
  period: string,
  fire: TimerFire,
  from = ctx.now,
) {
  const duration = def.periods[period];
  if (!duration) throw new Error(`process ${def.key} has no period ${period}`);
  const firesAt = addDuration(from, duration, ctx.services.calendar);
  const payload: TimerPayload = { status, period, fire };
  const row = await ctx.tx
    .insertInto('timer')
    .values({ case_id: caseId, timer_key: timerKey, fires_at: firesAt, payload: JSON.stringify(payload), created_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!('remind' in fire)) {
    await recordEvent(ctx, {
      type: 'timerStarted',
      caseId,
      after: { timer: timerKey, firesAt: firesAt.toISOString() },
      data: { period, duration },
    });
  }
  return row.id;
}

/** On every status change: the waits of the old status end. */
export async function cancelPendingTimers(ctx: CommandContext, caseId: string) {
  const cancelled = await ctx.tx
    .updateTable('timer')
    .set({ status: 'cancelled', cancelled_at: ctx.now, lease_until: null })
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .returning(['timer_key'])
    .execute();
  const visible = cancelled.filter((t) => t.timer_key !== 'reminder').map((t) => t.timer_key);
  if (visible.length) await recordEvent(ctx, { type: 'timerCancelled', caseId, data: { timers: visible } });
}

/** Business rule 3: entering a status that has a reminder period starts the reminder. */
export async function startStatusReminder(ctx: CommandContext, caseId: string, def: ProcessDefinition, status: string) {
  const period = def.statuses.find((s) => s.key === status)?.remindAfter;
  if (period) await startTimer(ctx, caseId, def, status, 'reminder', period, { remind: true });
}

export const pendingTimersOf = (ctx: Pick<CommandContext, 'tx'>, caseId: string) =>
  ctx.tx
    .selectFrom('timer')
    .select(['timer_key', 'fires_at'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .where(sql<boolean>`timer_key <> 'reminder'`)
    .execute();
