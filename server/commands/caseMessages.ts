import { createHash, randomBytes } from 'node:crypto';
import { enqueueMessage, isPlausibleAddress } from '../mail/outbox.ts';
import type { TemplateKey } from '../mail/templates.nl.ts';
import { renderTemplate, type MailLanguage } from '../mail/render.ts';
import { letterFromMessage } from '../post/messageLetter.ts';
import { mayEmail, paperDelivery } from '../post/paperPolicy.ts';
import { queueDocumentForPost, queueLetterForPost } from '../post/postalItems.ts';
import { stepPlanFor } from '../post/stepPlan.ts';
import { writeActivity } from './activityWriter.ts';
import { issueCaseLink } from './caseAccess.ts';
import { issueShortCaseLink, issueShortSurveyLink } from './shortLinks.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import type { Duration } from '../domain/process/definition.ts';
import { type Facts, factLabel } from '../domain/process/roles.ts';

const approxDays = (d: Duration) =>
  'days' in d ? d.days : 'weeks' in d ? d.weeks * 7 : 'workingDays' in d ? Math.ceil((d.workingDays * 7) / 5) : d.hours / 24;

/**
 * A message to the complainant about their case. It goes to the representative when there is one
 * (the family carer speaks for the complainant), otherwise to the complainant, in the case's
 * language. By e-mail only with an address and consent (post/paperPolicy.ts); otherwise on paper:
 * a letter in the "to post" list, or for what the organisation allows, a task to phone. Never dropped.
 */
const LOCALE: Record<MailLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };
export const longDate = (d: Date | string, language: MailLanguage = 'nl') =>
  new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'full', timeZone: 'Europe/Amsterdam' }).format(
    typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d,
  );
const dateTime = (d: Date, language: MailLanguage = 'nl') =>
  new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);

export type MessageDelivery =
  | { channel: 'email'; messageId: string }
  | { channel: 'post'; postalItemId: string }
  | { channel: 'phoneTask'; taskId: string };

export async function sendCaseMessage(
  ctx: CommandContext,
  caseId: string,
  template: TemplateKey,
  opts: {
    key: string;
    facts?: Facts;
    vars?: Record<string, string>;
    attachments?: string[];
    /** On paper this document (a sent letter's PDF) is what goes in the post, not the covering text. */
    paperDocument?: { documentId: string; letterId: string };
    /** A link in `vars` that a letter on paper carries in its short form, with a QR code (the survey's). */
    paperShortLink?: { varName: string; issue: () => Promise<string> };
  },
): Promise<MessageDelivery> {
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
      'cases.email_consent',
      'cases.contact_preference',
      'cases.language',
      'cases.assignee_user_id',
      'cases.assignee_team_id',
      'cases.case_type',
      'p.name as c_name',
      'p.email as c_email',
      'p.street as c_street',
      'p.postcode as c_postcode',
      'p.city as c_city',
      'r.id as r_id',
      'r.name as r_name',
      'r.email as r_email',
      'r.street as r_street',
      'r.postcode as r_postcode',
      'r.city as r_city',
      'u.name as handler',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const to = c.r_email
    ? { address: c.r_email, name: c.r_name, role: 'representative' as const }
    : c.c_email
      ? { address: c.c_email, name: c.c_name, role: 'complainant' as const }
      : null;
  const language = c.language;
  const byEmail = to && isPlausibleAddress(to.address) && mayEmail(c);
  const org = ctx.services.org;
  // On paper the letter goes to whoever speaks for the complainant, at their postal address.
  const paperTo = c.r_id
    ? { name: c.r_name!, role: 'representative' as const, lines: [c.r_street, [c.r_postcode, c.r_city].filter(Boolean).join(' ')] }
    : { name: c.c_name, role: 'complainant' as const, lines: [c.c_street, [c.c_postcode, c.c_city].filter(Boolean).join(' ')] };
  const en = language === 'en';
  const vars: Record<string, string> = {
    organisationName: org.name,
    organisationPhone: org.contact.phone ?? org.contact.email ?? org.name,
    caseReference: c.reference,
    complainantName: (byEmail ? to.name : paperTo.name) ?? (en ? 'Sir or Madam' : 'heer, mevrouw'),
    handlerName: c.handler ?? org.name,
    receivedDate: longDate(c.received_at, language),
    deadline: c.handling_deadline ? longDate(c.handling_deadline, language) : en ? 'as soon as possible' : 'zo snel mogelijk',
    date: longDate(ctx.now, language),
    ...(await templateVars(ctx, caseId, c, template, opts.facts ?? {}, language)),
    ...opts.vars,
  };
  const idempotencyKey = `${caseId}:${opts.key}:${template}`;
  if (byEmail) {
    if (needsTrackingLink(template) && !vars.trackingLink) vars.trackingLink = await issueCaseLink(ctx, caseId);
    const messageId = await enqueueMessage(ctx, {
      caseId,
      template,
      recipientRole: to.role,
      to,
      vars,
      idempotencyKey,
      attachments: opts.attachments,
      language,
    });
    return { channel: 'email', messageId: messageId! };
  }
  const reason = !to ? 'noEmailAddress' : mayEmail(c) ? 'invalidEmailAddress' : 'noEmailConsent';
  if (opts.paperDocument) {
    const postalItemId = await queueDocumentForPost(ctx, {
      caseId,
      templateKey: template,
      recipientRole: paperTo.role,
      idempotencyKey,
      documentId: opts.paperDocument.documentId,
      letterId: opts.paperDocument.letterId,
    });
    return { channel: 'post', postalItemId };
  }
  const how = paperDelivery(org.paperFallback, template);
  let shortLink: { shortUrl: string } | null = null;
  // Paper carries the short link (typed from the page or scanned), never the 43-character one.
  if (how === 'post' && needsTrackingLink(template)) {
    shortLink = await issueShortCaseLink(ctx, caseId);
    vars.trackingLink = shortLink.shortUrl;
  } else if (needsTrackingLink(template) && !vars.trackingLink) vars.trackingLink = await issueCaseLink(ctx, caseId);
  let qrLink: string | undefined;
  if (how === 'post' && opts.paperShortLink) {
    qrLink = await opts.paperShortLink.issue();
    vars[opts.paperShortLink.varName] = qrLink;
  }
  const mail = renderTemplate(template, vars, org.citizenTexts?.[language] ?? {}, language);
  if (how === 'phoneTask') {
    const taskId = await writeActivity(ctx, {
      kind: 'task',
      channel: 'internal',
      subject: `Klager bellen: ${mail.subject}`,
      body: `Geen e-mail (${reason === 'noEmailConsent' ? 'geen toestemming' : 'geen bruikbaar adres'}). Bel de klager en vertel dit:\n\n${mail.text}`,
      case: { id: caseId, caseType: c.case_type },
      taskKey: 'phoneComplainant',
      assignee: { userId: c.assignee_user_id, teamId: c.assignee_user_id ? null : c.assignee_team_id },
      dueAt: null,
      createdBy: null,
    });
    await recordEvent(ctx, {
      type: 'messageAsPhoneTask',
      caseId,
      activityId: taskId,
      data: { template, reason, recipientRole: paperTo.role },
    });
    return { channel: 'phoneTask', taskId };
  }
  const def = ctx.services.processes.forCase(c);
  const letter = letterFromMessage(org, mail, {
    reference: c.reference,
    recipient: { name: paperTo.name, addressLines: paperTo.lines.filter((l): l is string => !!l) },
    date: ctx.now,
    language,
    stepPlan:
      template === 'confirmation' && shortLink
        ? stepPlanFor(org, def, { language, reference: c.reference, shortUrl: shortLink.shortUrl, deadline: vars.deadline! })
        : undefined,
    qr: qrLink ? { text: qrLink, alt: qrAlt(language, qrLink) } : undefined,
  });
  const postalItemId = await queueLetterForPost(ctx, {
    caseId,
    templateKey: template,
    recipientRole: paperTo.role,
    idempotencyKey,
    letter,
    filename: `${c.reference}-${template}.pdf`,
  });
  return { channel: 'post', postalItemId: postalItemId! };
}

const qrAlt = (language: MailLanguage, url: string) =>
  language === 'en' ? `QR code with the link: ${url}` : `QR-code met de link: ${url}`;

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
  language: MailLanguage,
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
        answerBy: wait
          ? longDate(lastWorkingDayBefore(ctx, wait.fires_at), language)
          : language === 'en'
            ? 'as soon as possible'
            : 'zo snel mogelijk',
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
          ? slots.map((s) => `- ${dateTime(s.starts_at, language)}, ${s.location}`).join('\n')
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
      return { hearingAt: slot ? dateTime(slot.starts_at, language) : '', location: slot?.location ?? '' };
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
  const survey = await ctx.tx
    .insertInto('survey')
    .values({
      case_id: caseId,
      person_id: c.complainant_id,
      token_hash: createHash('sha256').update(token).digest('base64url'),
      sent_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sendCaseMessage(ctx, caseId, 'surveyInvitation', {
    key,
    vars: { surveyLink: `${ctx.services.publicUrl}/enquete/${token}` },
    // On paper the 43-character token cannot be typed: a short link and its QR code instead.
    paperShortLink: { varName: 'surveyLink', issue: () => issueShortSurveyLink(ctx, survey.id, token) },
  });
}
