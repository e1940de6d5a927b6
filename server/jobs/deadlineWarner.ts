import { sql } from 'kysely';
import { runCommand, SYSTEM_ACTOR, type Services } from '../commands/context.ts';
import { longDate } from '../commands/caseMessages.ts';
import { notifyStaff } from '../commands/staffNotifications.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { Job } from './runner.ts';

/**
 * Deadline warnings: when an open case reaches the warning day of its handling period (or of its
 * service norm, where the organisation has one), its handler
 * — or, while no one has it, every member of its team — gets a notification (and an e-mail when
 * configured). Once per deadline: an extension moves the deadline and warns again. Cases are
 * claimed with SKIP LOCKED from a partial index of cases still owed a warning, so several
 * instances share the work and a crash only means the warning comes on the next pass.
 */
const BATCH = 100;

/**
 * The terms warned for: the statutory handling term, and the organisation's service norm (seed 001:
 * 7 days) where it has one, stored the same way (017_queue_deadlines), so both warn alike.
 */
const TERMS = [
  {
    term: 'handling',
    deadline: 'handling_deadline',
    warnFrom: 'handling_warn_from',
    warned: 'deadline_warned_for',
    due: (ref: string, subject: string, date: string) => `Melding ${ref} ("${subject}") moet uiterlijk ${date} afgehandeld zijn.`,
    late: (ref: string, subject: string, date: string) => `Melding ${ref} ("${subject}") had uiterlijk ${date} afgehandeld moeten zijn.`,
  },
  {
    term: 'serviceNorm',
    deadline: 'norm_deadline',
    warnFrom: 'norm_warn_from',
    warned: 'norm_warned_for',
    due: (ref: string, subject: string, date: string) =>
      `Melding ${ref} ("${subject}") moet volgens de servicenorm uiterlijk ${date} beantwoord zijn.`,
    late: (ref: string, subject: string, date: string) =>
      `Melding ${ref} ("${subject}") had volgens de servicenorm uiterlijk ${date} beantwoord moeten zijn.`,
  },
] as const;

export async function warnDeadlines(services: Services): Promise<number> {
  let more = 0;
  for (const term of TERMS) more += await warnTerm(services, term);
  return more;
}

async function warnTerm(services: Services, term: (typeof TERMS)[number]): Promise<number> {
  const today = services.calendar.toDate(services.clock.now());
  return runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    const due = await ctx.tx
      .selectFrom('cases')
      .select(['id', 'reference', 'subject', `${term.deadline} as deadline`, 'assignee_user_id', 'assignee_team_id'])
      .where('closed_at', 'is', null)
      .where(term.warnFrom, 'is not', null)
      .where(sql<boolean>`${sql.ref(term.warned)} is distinct from ${sql.ref(term.deadline)}`)
      .where(term.warnFrom, '<=', today)
      .orderBy(term.warnFrom)
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
      const deadline = c.deadline!;
      const overdue = deadline < today;
      await notifyStaff(ctx, recipients, {
        kind: 'deadlineWarning',
        caseId: c.id,
        caseReference: c.reference,
        message: (overdue ? term.late : term.due)(c.reference, c.subject, longDate(deadline)),
        // The statutory warning keeps its key as before; the norm's has its own.
        key: term.term === 'handling' ? `${c.id}:${deadline}` : `${c.id}:${term.term}:${deadline}`,
      });
      await ctx.tx
        .updateTable('cases')
        .set({ [term.warned]: deadline })
        .where('id', '=', c.id)
        .execute();
      await recordEvent(ctx, {
        type: 'deadlineWarningSent',
        caseId: c.id,
        data: { deadline, recipients: recipients.length, ...(term.term === 'handling' ? {} : { term: term.term }) },
      });
    }
    return due.length === BATCH ? due.length : 0;
  });
}

export const deadlineWarnerJob: Job = { name: 'deadlineWarner', intervalMs: 10 * 60_000, run: warnDeadlines };
