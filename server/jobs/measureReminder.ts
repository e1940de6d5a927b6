import { sql } from 'kysely';
import { longDate } from '../commands/caseMessages.ts';
import { runCommand, SYSTEM_ACTOR, type Services } from '../commands/context.ts';
import { recordMeasureEvent, shortDescription } from '../commands/measureHistory.ts';
import { notifyStaff } from '../commands/staffNotifications.ts';
import type { Job } from './runner.ts';

/**
 * Seed 002 step 4, "draagt zorg voor het tijdig doorvoeren": before an open measure's due date (the
 * organisation's lead time, in working days) its owner gets a reminder, once per due date; a new due
 * date after a check that found it not effective reminds again. Like the deadline warnings, the rows
 * are the timer (remind_from, reminded_for), claimed with SKIP LOCKED from a partial index, so a
 * restart loses nothing and several instances never remind twice.
 */
const BATCH = 100;

export async function remindMeasureOwners(services: Services): Promise<number> {
  const today = services.calendar.toDate(services.clock.now());
  return runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    const due = await ctx.tx
      .selectFrom('improvement_measure')
      .select(['id', 'owner_id', 'description', 'due_date'])
      .where('status', '=', 'open')
      .where(sql<boolean>`reminded_for is distinct from due_date`)
      .where('remind_from', '<=', today)
      .orderBy('remind_from')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const m of due) {
      const late = m.due_date < today;
      const what = shortDescription(m.description);
      await notifyStaff(ctx, [m.owner_id], {
        kind: 'measureReminder',
        caseId: null,
        measureId: m.id,
        message: late
          ? `De verbetermaatregel "${what}" had uiterlijk ${longDate(m.due_date)} ingevoerd moeten zijn.`
          : `De verbetermaatregel "${what}" moet uiterlijk ${longDate(m.due_date)} ingevoerd zijn.`,
        key: `${m.id}:${m.due_date}`,
      });
      await ctx.tx.updateTable('improvement_measure').set({ reminded_for: m.due_date }).where('id', '=', m.id).execute();
      await recordMeasureEvent(ctx, m.id, 'reminderSent', { dueDate: m.due_date });
    }
    return due.length === BATCH ? due.length : 0;
  });
}

export const measureReminderJob: Job = { name: 'measureReminder', intervalMs: 10 * 60_000, run: remindMeasureOwners };
