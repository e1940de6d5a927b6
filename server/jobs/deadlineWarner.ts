import { sql } from 'kysely';
import { runCommand, SYSTEM_ACTOR, type Services } from '../commands/context.ts';
import { longDate } from '../commands/caseMessages.ts';
import { notifyStaff } from '../commands/staffNotifications.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { Job } from './runner.ts';

/**
 * Deadline warnings: when an open case reaches the warning day of its handling period, its handler
 * — or, while no one has it, every member of its team — gets a notification (and an e-mail when
 * configured). Once per deadline: an extension moves the deadline and warns again. Cases are
 * claimed with SKIP LOCKED from a partial index of cases still owed a warning, so several
 * instances share the work and a crash only means the warning comes on the next pass.
 */
const BATCH = 100;

export async function warnDeadlines(services: Services): Promise<number> {
  const today = services.calendar.toDate(services.clock.now());
  return runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    const due = await ctx.tx
      .selectFrom('cases')
      .select(['id', 'reference', 'subject', 'handling_deadline', 'assignee_user_id', 'assignee_team_id'])
      .where('closed_at', 'is', null)
      .where('handling_warn_from', 'is not', null)
      .where(sql<boolean>`deadline_warned_for is distinct from handling_deadline`)
      .where('handling_warn_from', '<=', today)
      .orderBy('handling_warn_from')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return 0;
    const teams = [...new Set(due.filter((c) => !c.assignee_user_id && c.assignee_team_id).map((c) => c.assignee_team_id!))];
    const members = teams.length
      ? await ctx.tx
          .selectFrom('team_member as m')
          .innerJoin('staff_user as u', 'u.id', 'm.user_id')
          .select(['m.team_id', 'm.user_id'])
          .where('m.team_id', 'in', teams)
          .where('u.active', '=', true)
          .execute()
      : [];
    for (const c of due) {
      const recipients = c.assignee_user_id
        ? [c.assignee_user_id]
        : members.filter((m) => m.team_id === c.assignee_team_id).map((m) => m.user_id);
      const deadline = c.handling_deadline!;
      const overdue = deadline < today;
      await notifyStaff(ctx, recipients, {
        kind: 'deadlineWarning',
        caseId: c.id,
        caseReference: c.reference,
        message: overdue
          ? `Melding ${c.reference} ("${c.subject}") had uiterlijk ${longDate(deadline)} afgehandeld moeten zijn.`
          : `Melding ${c.reference} ("${c.subject}") moet uiterlijk ${longDate(deadline)} afgehandeld zijn.`,
        key: `${c.id}:${deadline}`,
      });
      await ctx.tx.updateTable('cases').set({ deadline_warned_for: deadline }).where('id', '=', c.id).execute();
      await recordEvent(ctx, { type: 'deadlineWarningSent', caseId: c.id, data: { deadline, recipients: recipients.length } });
    }
    return due.length === BATCH ? due.length : 0;
  });
}

export const deadlineWarnerJob: Job = { name: 'deadlineWarner', intervalMs: 10 * 60_000, run: warnDeadlines };
