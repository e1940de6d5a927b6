import { createHash, randomBytes } from 'node:crypto';
import { enqueueMessage } from '../mail/outbox.ts';
import type { TemplateKey } from '../mail/templates.nl.ts';
import { issueCaseLink } from './caseAccess.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import type { Duration } from '../domain/process/definition.ts';
import { type Facts, factLabel } from '../domain/process/roles.ts';

const approxDays = (d: Duration) =>
  'days' in d ? d.days : 'weeks' in d ? d.weeks * 7 : 'workingDays' in d ? Math.ceil((d.workingDays * 7) / 5) : d.hours / 24;

/**
 * Mail to the complainant about their case. It goes to the representative when there is one (the
 * family carer speaks for the complainant), otherwise to the complainant. Without an e-mail address
 * the message is not dropped silently: the timeline says so, so the handler calls or writes.
 */
export const longDate = (d: Date | string) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeZone: 'Europe/Amsterdam' }).format(
    typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d,
  );
const dateTime = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);

export async function sendCaseMessage(
  ctx: CommandContext,
  caseId: string,
  template: TemplateKey,
  opts: { key: string; facts?: Facts; vars?: Record<string, string>; attachments?: string[] },
) {
  const c = await ctx.tx
    .selectFrom('cases')
    .innerJoin('person as p', 'p.id', 'cases.complainant_id')
    .leftJoin('person as r', 'r.id', 'cases.representative_id')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.received_at',
      'cases.handling_deadline',
      'cases.process_key',
      'cases.process_version',
      'p.name as c_name',
      'p.email as c_email',
      'r.name as r_name',
      'r.email as r_email',
      'u.name as handler',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const to = c.r_email
    ? { address: c.r_email, name: c.r_name, role: 'representative' as const }
    : c.c_email
      ? { address: c.c_email, name: c.c_name, role: 'complainant' as const }
      : null;
  if (!to) {
    await recordEvent(ctx, { type: 'messageNotSent', caseId, data: { template, reason: 'noEmailAddress' } });
    return null;
  }
  const org = ctx.services.org;
  const vars: Record<string, string> = {
    organisationName: org.name,
    organisationPhone: org.contact.phone ?? org.contact.email ?? org.name,
    caseReference: c.reference,
    complainantName: to.name ?? 'heer, mevrouw',
    handlerName: c.handler ?? org.name,
    receivedDate: longDate(c.received_at),
    deadline: c.handling_deadline ? longDate(c.handling_deadline) : 'zo snel mogelijk',
    date: longDate(ctx.now),
    ...(await templateVars(ctx, caseId, c, template, opts.facts ?? {})),
    ...opts.vars,
  };
  if (needsTrackingLink(template) && !vars.trackingLink) vars.trackingLink = await issueCaseLink(ctx, caseId);
  return enqueueMessage(ctx, {
    caseId,
    template,
    recipientRole: to.role,
    to,
    vars,
    idempotencyKey: `${caseId}:${opts.key}:${template}`,
    attachments: opts.attachments,
  });
}

const needsTrackingLink = (t: TemplateKey) => ['confirmation', 'acknowledgment', 'informationRequest', 'hearingInvitation'].includes(t);

/**
 * The last working day on which an answer still counts before the wait ends: nobody is asked to
 * answer "uiterlijk zaterdag" (the wait itself ends as defined; we only name a day people work).
 */
function lastWorkingDayBefore(ctx: CommandContext, firesAt: Date): string {
  const cal = ctx.services.calendar;
  const last = cal.toDate(new Date(firesAt.getTime() - 1));
  return cal.isWorkingDay(last) ? last : cal.addWorkingDays(last, -1);
}

/**
 * The values a template needs beyond the case itself, from the case's standard facts or related
 * rows. Values a template takes from a step's own inputs are mapped in the definition (`vars`).
 */
async function templateVars(
  ctx: CommandContext,
  caseId: string,
  c: { process_key: string; process_version: number },
  template: TemplateKey,
  facts: Facts,
): Promise<Record<string, string>> {
  switch (template) {
    case 'informationRequest': {
      // The wait the same step started: the first pending timer other than the handler's reminder.
      const wait = await ctx.tx
        .selectFrom('timer')
        .select('fires_at')
        .where('case_id', '=', caseId)
        .where('status', '=', 'pending')
        .where('timer_key', '<>', 'reminder')
        .orderBy('fires_at')
        .executeTakeFirst();
      return {
        question: String(facts.informationRequest ?? ''),
        answerBy: wait ? longDate(lastWorkingDayBefore(ctx, wait.fires_at)) : 'zo snel mogelijk',
      };
    }
    case 'cancellation': {
      const def = ctx.services.processes.forCase(c);
      const reason = def && factLabel(def, 'cancelReason', facts.cancelReason);
      return { reason: reason?.toLowerCase() ?? 'de klacht is ingetrokken of dubbel' };
    }
    case 'hearingInvitation': {
      const slots = await ctx.tx
        .selectFrom('hearing_slot')
        .select(['starts_at', 'location'])
        .where('case_id', '=', caseId)
        .where('booked_at', 'is', null)
        .where('withdrawn_at', 'is', null)
        .orderBy('starts_at')
        .execute();
      return {
        slots: slots.length
          ? slots.map((s) => `- ${dateTime(s.starts_at)}, ${s.location}`).join('\n')
          : '- Wij bellen u om een tijd af te spreken.',
      };
    }
    case 'hearingConfirmation': {
      const slot = await ctx.tx
        .selectFrom('hearing_slot')
        .select(['starts_at', 'location'])
        .where('case_id', '=', caseId)
        .where('booked_at', 'is not', null)
        .orderBy('booked_at', 'desc')
        .executeTakeFirst();
      return { hearingAt: slot ? dateTime(slot.starts_at) : '', location: slot?.location ?? '' };
    }
    default:
      return {};
  }
}

/**
 * Business rule 5: on closing (not cancelling), a satisfaction survey, unless this complainant had
 * one within the process's quiet period. The survey has its own secret token for the portal.
 */
export async function sendSurvey(ctx: CommandContext, caseId: string, key: string) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['complainant_id', 'process_key', 'process_version'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const quiet = ctx.services.processes.forCase(c).periods.surveyQuietPeriod;
  const since = new Date(ctx.now.getTime() - (quiet ? approxDays(quiet) : 0) * 86_400_000);
  const recent = await ctx.tx
    .selectFrom('survey')
    .select('id')
    .where('person_id', '=', c.complainant_id)
    .where('sent_at', '>', since)
    .executeTakeFirst();
  const already = await ctx.tx.selectFrom('survey').select('id').where('case_id', '=', caseId).executeTakeFirst();
  if (recent || already) {
    await recordEvent(ctx, { type: 'surveySkipped', caseId, data: { reason: already ? 'alreadySent' : 'recentSurvey' } });
    return;
  }
  const token = randomBytes(32).toString('base64url');
  await ctx.tx
    .insertInto('survey')
    .values({
      case_id: caseId,
      person_id: c.complainant_id,
      token_hash: createHash('sha256').update(token).digest('base64url'),
      sent_at: ctx.now,
    })
    .execute();
  await sendCaseMessage(ctx, caseId, 'surveyInvitation', { key, vars: { surveyLink: `${ctx.services.publicUrl}/enquete/${token}` } });
}
