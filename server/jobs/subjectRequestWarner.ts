import { sql } from 'kysely';
import { runCommand, SYSTEM_ACTOR, type Services } from '../commands/context.ts';
import { longDate } from '../commands/caseMessages.ts';
import { notifyStaff } from '../commands/staffNotifications.ts';
import { ROLES } from '../domain/roles.ts';
import { permissionsFor } from '../policies/permissions.ts';
import type { Job } from './runner.ts';

/**
 * Deadline warnings for data subjects' requests, as for cases (deadlineWarner.ts): when an open
 * request reaches its warning day, everyone who handles such requests gets a notification (and
 * e-mail where the organisation wants that), once per deadline: an extension warns again. The
 * message names the kind of request and its deadline, never the person.
 */
const BATCH = 100;
const KIND_WORDS: Record<string, string> = { access: 'inzage', correction: 'correctie', erasure: 'wissen', restriction: 'beperking' };

export async function warnSubjectRequestDeadlines(services: Services): Promise<number> {
  const today = services.calendar.toDate(services.clock.now());
  return runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    const due = await ctx.tx
      .selectFrom('subject_request')
      .select(['id', 'kind', 'deadline'])
      .where('status', '=', 'open')
      .where('warn_from', '<=', today)
      .where(sql<boolean>`deadline_warned_for is distinct from deadline`)
      .orderBy('warn_from')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return 0;
    const roles = ROLES.filter((r) => permissionsFor([r]).has('subjectRequest:manage'));
    const officers = (
      await ctx.tx
        .selectFrom('staff_user')
        .select('id')
        .where('active', '=', true)
        .where(sql<boolean>`roles && ${sql.val(roles)}::text[]`)
        .execute()
    ).map((u) => u.id);
    for (const r of due) {
      const late = r.deadline < today;
      const what = `Een verzoek om ${KIND_WORDS[r.kind]} van persoonsgegevens (AVG)`;
      await notifyStaff(ctx, officers, {
        kind: 'deadlineWarning',
        caseId: null,
        message: late
          ? `${what} had uiterlijk ${longDate(r.deadline)} beantwoord moeten zijn.`
          : `${what} moet uiterlijk ${longDate(r.deadline)} beantwoord zijn.`,
        key: `subjectRequest:${r.id}:${r.deadline}`,
      });
      await ctx.tx.updateTable('subject_request').set({ deadline_warned_for: r.deadline }).where('id', '=', r.id).execute();
    }
    return due.length === BATCH ? due.length : 0;
  });
}

export const subjectRequestWarnerJob: Job = { name: 'subjectRequestWarner', intervalMs: 10 * 60_000, run: warnSubjectRequestDeadlines };
