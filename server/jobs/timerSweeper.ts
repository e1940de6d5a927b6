import { sql } from 'kysely';
import { runCommand, SYSTEM_ACTOR, type CommandContext, type Services } from '../commands/context.ts';
import { createCaseTask } from '../commands/caseTasks.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { startTimer, type TimerPayload } from '../commands/timers.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { Job } from './runner.ts';
import { enqueueMessage } from '../mail/outbox.ts';

/**
 * Fires due timers. Claiming sets a lease in its own short transaction (FOR UPDATE SKIP LOCKED, so
 * sweepers on several instances never take the same row); firing then re-locks the row, checks it
 * is still pending, acts, and marks it fired in ONE transaction. A crash before that commit leaves
 * the timer pending, and it is claimed again when the lease runs out: never lost, never fired twice.
 */
const LEASE_MS = 60_000;
const BATCH = 20;

export async function claimDueTimers(services: Services, limit = BATCH): Promise<string[]> {
  const now = services.clock.now();
  const rows = await services.db
    .updateTable('timer')
    .set({ lease_until: new Date(now.getTime() + LEASE_MS), attempts: sql`attempts + 1` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('timer')
        .select('id')
        .where('status', '=', 'pending')
        .where('fires_at', '<=', now)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
        .orderBy('fires_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Fires one claimed timer; returns false when someone else already did (or it was cancelled). */
export async function fireTimer(services: Services, id: string): Promise<boolean> {
  try {
    return await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
      const timer = await ctx.tx
        .selectFrom('timer')
        .selectAll()
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .forUpdate()
        .executeTakeFirst();
      if (!timer) return false;
      const c = await ctx.tx
        .selectFrom('cases')
        .select(['status', 'updated_at', 'closed_at', 'process_key', 'process_version'])
        .where('id', '=', timer.case_id)
        .executeTakeFirstOrThrow();
      const payload = timer.payload as TimerPayload;
      await ctx.tx.updateTable('timer').set({ status: 'fired', fired_at: ctx.now, lease_until: null }).where('id', '=', id).execute();
      // A timer belongs to a status; if the case moved on without cancelling it, it has nothing to do.
      if (c.status !== payload.status || c.closed_at) return true;
      if ('remind' in payload.fire) await remind(ctx, timer.case_id, c, timer.created_at, payload);
      else if ('transition' in payload.fire) {
        await recordEvent(ctx, { type: 'timerFired', caseId: timer.case_id, data: { timer: timer.timer_key } });
        await transitionCase(ctx, { caseId: timer.case_id, transition: payload.fire.transition, inputs: {} });
      } else {
        await recordEvent(ctx, { type: 'timerFired', caseId: timer.case_id, data: { timer: timer.timer_key } });
        await createCaseTask(ctx, timer.case_id, payload.fire.task);
      }
      return true;
    });
  } catch (err) {
    // The failure is recorded outside the rolled-back transaction; the lease makes it retry later.
    await services.db
      .updateTable('timer')
      .set({ last_error: String((err as Error).message).slice(0, 500) })
      .where('id', '=', id)
      .execute();
    throw err;
  }
}

/**
 * Business rule 3. "Unchanged" means no change at all: if the case changed after the reminder was
 * set, the reminder moves to that change plus the period; otherwise the handler is notified (in the
 * app; by e-mail once outgoing mail is wired) and the next reminder is set.
 */
async function remind(
  ctx: CommandContext,
  caseId: string,
  c: { updated_at: Date; process_key: string; process_version: number },
  since: Date,
  payload: TimerPayload,
) {
  const def = ctx.services.processes.forCase(c);
  if (c.updated_at > since) {
    await startTimer(ctx, caseId, def, payload.status, 'reminder', payload.period, payload.fire, c.updated_at);
    return;
  }
  const kase = await ctx.tx
    .selectFrom('cases')
    .select(['reference', 'assignee_user_id', 'assignee_team_id', 'status'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const recipients = kase.assignee_user_id
    ? [kase.assignee_user_id]
    : kase.assignee_team_id
      ? (await ctx.tx.selectFrom('team_member').select('user_id').where('team_id', '=', kase.assignee_team_id).execute()).map(
          (m) => m.user_id,
        )
      : [];
  const statusLabel = def.statuses.find((s) => s.key === kase.status)?.label.nl ?? kase.status;
  if (recipients.length) {
    const since = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(c.updated_at);
    const users = await ctx.tx.selectFrom('staff_user').select(['id', 'name', 'email']).where('id', 'in', recipients).execute();
    for (const u of users) {
      await enqueueMessage(ctx, {
        caseId,
        template: 'reminder',
        recipientRole: 'handler',
        to: { address: u.email, name: u.name },
        vars: { handlerName: u.name, caseReference: kase.reference, since, status: statusLabel },
        idempotencyKey: `${caseId}:reminder:${since}:${u.id}:${ctx.now.toISOString()}`,
      });
    }
    await ctx.tx
      .insertInto('notification')
      .values(
        recipients.map((user_id) => ({
          user_id,
          case_id: caseId,
          kind: 'reminder',
          message: `Melding ${kase.reference} staat al een tijd ongewijzigd in "${statusLabel}".`,
          created_at: ctx.now,
        })),
      )
      .execute();
  }
  await recordEvent(ctx, { type: 'reminderSent', caseId, data: { recipients: recipients.length, status: kase.status } });
  await startTimer(ctx, caseId, def, payload.status, 'reminder', payload.period, payload.fire);
}

export async function sweepTimers(services: Services): Promise<number> {
  const ids = await claimDueTimers(services);
  let fired = 0;
  for (const id of ids) {
    try {
      if (await fireTimer(services, id)) fired++;
    } catch {
      /* recorded on the row; retried after the lease */
    }
  }
  return ids.length === BATCH ? ids.length : fired;
}

export const timerSweeperJob: Job = { name: 'timerSweeper', intervalMs: 15_000, run: sweepTimers };
