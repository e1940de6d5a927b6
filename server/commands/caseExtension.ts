import { sql } from 'kysely';
import { AppError, conflict, notFound } from '../domain/errors.ts';
import { handlingTerm } from '../domain/calendar/clocks.ts';
import { caseScope } from '../queries/scope.ts';
import { CLOCK_COLUMNS, clockInputOf, refreshHandlingDeadline } from './caseClock.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import { sendCaseMessage } from './caseMessages.ts';
import { mailComplainedColleagues } from './complainedPersons.ts';
import { STAFF_TEMPLATES, TEMPLATE_KEYS, TEMPLATES_NL } from '../mail/templates.nl.ts';
import { handlerFunctionName, responsibleHandler } from './responsibleHandler.ts';

/**
 * Awb 9:11 lid 2–3: the handling period may be extended once, by at most 4 weeks, with a written
 * notice before the original deadline; further delay only with the complainant's written consent.
 * The clock rules live in domain/calendar; a refusal names its field and the legal reason.
 */
type ExtensionFacts = { extension?: { noticeSentAt: string; weeks: number }; consentDelay?: { consentAt: string; newEnd: string } };

async function loadOpenCase(ctx: CommandContext, caseId: string) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', ...CLOCK_COLUMNS, 'handling_deadline'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  if (c.closed_at) throw conflict('Een afgesloten melding heeft geen lopende termijn.');
  return c;
}

async function applyFacts(
  ctx: CommandContext,
  c: Awaited<ReturnType<typeof loadOpenCase>>,
  facts: ExtensionFacts,
  event: { type: string; data: Record<string, unknown> },
) {
  const result = handlingTerm(clockInputOf(ctx.services, { ...c, clock_facts: facts }), ctx.services.calendar);
  // A regime that allows no extension (or lacks its terms) is the case's state, not a field of the request: 409.
  if (!result.ok && !result.error.field.includes('.')) throw conflict(result.error.message.nl);
  if (!result.ok)
    throw new AppError('invalid', result.error.message.nl, [
      { name: result.error.field, code: result.error.code, reason: result.error.message.nl },
    ]);
  await ctx.tx
    .updateTable('cases')
    // Standard fact: handled with an extension or a delay (annual reports count these).
    .set({ clock_facts: JSON.stringify(facts), facts: sql`facts || '{"extended": true}'::jsonb`, updated_at: ctx.now })
    .where('id', '=', c.id)
    .execute();
  await refreshHandlingDeadline(ctx, c.id);
  const after = await ctx.tx.selectFrom('cases').select('handling_deadline').where('id', '=', c.id).executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    type: event.type,
    caseId: c.id,
    before: { deadline: c.handling_deadline },
    after: { deadline: after.handling_deadline },
    data: event.data,
  });
  return after.handling_deadline;
}

export async function extendHandlingPeriod(
  ctx: CommandContext,
  caseId: string,
  input: { weeks: number; reason: string; noticeSentAt?: Date },
) {
  const c = await loadOpenCase(ctx, caseId);
  const facts = c.clock_facts as ExtensionFacts;
  if (facts.extension)
    throw conflict('De termijn is al eens verdaagd. Verder uitstellen kan alleen met schriftelijke instemming van de klager.');
  const noticeSentAt = (input.noticeSentAt ?? ctx.now).toISOString();
  const deadline = await applyFacts(
    ctx,
    c,
    { ...facts, extension: { noticeSentAt, weeks: input.weeks } },
    { type: 'handlingPeriodExtended', data: { weeks: input.weeks, reason: input.reason, noticeSentAt } },
  );
  // The written notice (Awb 9:11 lid 2) goes out with the extension, before the old deadline.
  if (!input.noticeSentAt) {
    // Signed by whoever answers for the complaint, never by a first-line agent who merely holds it.
    const signer = await responsibleHandler(ctx.tx, ctx.services.org, caseId, ctx.actor);
    const vars = {
      // The templates end the reason with their own full stop.
      reason: input.reason.trim().replace(/[\s.]+$/, ''),
      weeks: String(input.weeks),
      handlerName: signer?.name ?? handlerFunctionName(ctx.services.org),
      // "Later than before" only when the complainant was actually given a date before.
      deadlineChange: (await deadlineWasCommunicated(ctx, caseId)) ? LATER_THAN_BEFORE[await caseLanguage(ctx, caseId)] : '',
    };
    await sendCaseMessage(ctx, caseId, 'extensionNotice', { key: 'extension', vars });
    await mailComplainedColleagues(ctx, caseId, 'extensionNoticeComplainedPerson', 'extension', vars);
  }
  return deadline;
}

const LATER_THAN_BEFORE = {
  nl: ' Dat is later dan de datum die wij u eerder gaven.',
  en: ' That is later than the date we gave you before.',
} as const;
const caseLanguage = async (ctx: CommandContext, caseId: string) =>
  (await ctx.tx.selectFrom('cases').select('language').where('id', '=', caseId).executeTakeFirstOrThrow()).language === 'en' ? 'en' : 'nl';

/** Messages to the complainant whose text names the answer date (the confirmation, the acknowledgment …). */
const DATED_TEMPLATES = TEMPLATE_KEYS.filter((k) => !STAFF_TEMPLATES.includes(k) && TEMPLATES_NL[k].text.includes('{{deadline}}'));

/** Whether a message naming the answer date went to the complainant (by e-mail or on paper). */
async function deadlineWasCommunicated(ctx: CommandContext, caseId: string) {
  const sent = await ctx.tx
    .selectFrom('timeline_event')
    .select('id')
    .where('case_id', '=', caseId)
    .where('type', 'in', ['messageQueued', 'messageToPost'])
    .where(sql<string>`data->>'template'`, 'in', DATED_TEMPLATES)
    .where(sql<string>`data->>'recipientRole'`, 'in', ['complainant', 'representative'])
    .executeTakeFirst();
  return sent !== undefined;
}

export async function recordConsentDelay(ctx: CommandContext, caseId: string, input: { consentAt: Date; newEnd: string; note: string }) {
  const c = await loadOpenCase(ctx, caseId);
  const facts = c.clock_facts as ExtensionFacts;
  return applyFacts(
    ctx,
    c,
    { ...facts, consentDelay: { consentAt: input.consentAt.toISOString(), newEnd: input.newEnd } },
    { type: 'consentDelayRecorded', data: { newEnd: input.newEnd, note: input.note } },
  );
}
