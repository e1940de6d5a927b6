import { conflict, invalid, notFound } from '../domain/errors.ts';
import { actorId, type CommandContext } from '../commands/context.ts';
import type { SubjectRequestKind, SubjectRequestStatus } from '../db/subjectRequestSchema.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import { longDate } from '../commands/caseMessages.ts';
import { ANSWER_MONTHS, EXTENSION_MONTHS, requestTerm } from './deadline.ts';
import { recordRequestEvent } from './requestEvents.ts';

/** Whom a request is about: a person record (complainant, representative) or a staff member. */
export type RequestSubject = { personId: string } | { staffUserId: string };

export type RegisterRequestInput = { kind: SubjectRequestKind; receivedOn?: string } & RequestSubject;

/**
 * Registers a request under AVG art. 15-18. Its deadline is one month from receipt (art. 12(3)),
 * counted with the organisation's calendar; receipt is today unless a day in the past is given
 * (a letter that arrived earlier).
 */
export async function registerSubjectRequest(ctx: CommandContext, input: RegisterRequestInput) {
  const today = ctx.services.calendar.toDate(ctx.now);
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw invalid('body.receivedOn', 'De datum van ontvangst kan niet in de toekomst liggen.');
  const subject = await loadSubject(ctx, input);
  const term = requestTerm(ctx.services.calendar, receivedOn, ANSWER_MONTHS, ctx.services.org.clocks.warnDays);
  const row = await ctx.tx
    .insertInto('subject_request')
    .values({
      kind: input.kind,
      person_id: subject.personId,
      staff_user_id: subject.staffUserId,
      received_on: receivedOn,
      deadline: term.adjustedEnd,
      warn_from: term.warnFrom,
      registered_at: ctx.now,
      registered_by: actorId(ctx.actor),
      registered_by_name: ctx.actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordRequestEvent(ctx, row.id, 'requestRegistered', { kind: input.kind, deadline: term.adjustedEnd });
  return row.id;
}

async function loadSubject(ctx: CommandContext, input: RequestSubject) {
  if ('personId' in input) {
    const p = await ctx.tx
      .selectFrom('person')
      .select(['id', 'merged_into_id', 'erased_at'])
      .where('id', '=', input.personId)
      .executeTakeFirst();
    if (!p) throw invalid('personId', 'Deze persoon bestaat niet.');
    if (p.merged_into_id) throw invalid('personId', 'Deze persoon is samengevoegd met een ander record. Kies dat record.');
    if (p.erased_at) throw invalid('personId', 'De gegevens van deze persoon zijn al gewist.');
    return { personId: p.id, staffUserId: null };
  }
  const u = await ctx.tx.selectFrom('staff_user').select('id').where('id', '=', input.staffUserId).executeTakeFirst();
  if (!u) throw invalid('staffUserId', 'Deze medewerker bestaat niet.');
  return { personId: null, staffUserId: u.id };
}

/** The request, locked for the change that follows; an answered request is not changed again. */
export async function openRequest(ctx: CommandContext, id: string, kind?: SubjectRequestKind) {
  const r = await ctx.tx.selectFrom('subject_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!r) throw notFound('Dit verzoek');
  if (r.status !== 'open') throw conflict('Over dit verzoek is al besloten.');
  if (kind && r.kind !== kind) throw conflict(`Dit kan alleen bij een verzoek om ${KIND_WORDS[kind]}.`);
  return r;
}

const KIND_WORDS: Record<SubjectRequestKind, string> = {
  access: 'inzage',
  correction: 'correctie',
  erasure: 'wissen',
  restriction: 'beperking',
};

/**
 * Art. 12(3): the term may be extended once by two further months, given how complex or how many
 * the requests are; the requester is told within the first month, with the reasons. With an e-mail
 * address the notice goes through the outbox; without one the page says to send it by post.
 */
export async function extendSubjectRequest(ctx: CommandContext, id: string, reason: string) {
  const r = await openRequest(ctx, id);
  if (r.extended_at) throw conflict('De termijn van dit verzoek is al een keer verlengd; dat kan maar één keer.');
  if (ctx.services.calendar.toDate(ctx.now) > r.deadline)
    throw conflict('De termijn is al verstreken. Verlengen moet binnen de eerste maand gebeuren.');
  const term = requestTerm(ctx.services.calendar, r.received_on, ANSWER_MONTHS + EXTENSION_MONTHS, ctx.services.org.clocks.warnDays);
  await ctx.tx
    .updateTable('subject_request')
    .set({ deadline: term.adjustedEnd, warn_from: term.warnFrom, extended_at: ctx.now, extension_reason: reason })
    .where('id', '=', id)
    .execute();
  const to = await requesterAddress(ctx, r);
  if (to) {
    await enqueueMessage(ctx, {
      template: 'subjectRequestExtension',
      recipientRole: r.person_id ? 'complainant' : 'staffContact',
      to,
      vars: { complainantName: to.name, receivedDate: longDate(r.received_on), deadline: longDate(term.adjustedEnd), reason },
      idempotencyKey: `subjectRequest:${id}:extension`,
    });
  }
  const notice = to ? 'email' : 'post';
  await recordRequestEvent(ctx, id, 'extended', { deadline: term.adjustedEnd, notice });
  return { deadline: term.adjustedEnd, notice } as const;
}

async function requesterAddress(ctx: CommandContext, r: { person_id: string | null; staff_user_id: string | null }) {
  const row = r.person_id
    ? await ctx.tx.selectFrom('person').select(['name', 'email']).where('id', '=', r.person_id).executeTakeFirst()
    : await ctx.tx.selectFrom('staff_user').select(['name', 'email']).where('id', '=', r.staff_user_id!).executeTakeFirst();
  return row?.email ? { address: row.email, name: row.name } : null;
}

/** The decision on a request, with its outcome in words; once decided it stays as it is. */
export async function decideSubjectRequest(
  ctx: CommandContext,
  id: string,
  decision: { status: Exclude<SubjectRequestStatus, 'open'>; outcome: string },
) {
  await openRequest(ctx, id);
  await closeRequest(ctx, id, decision.status, decision.outcome);
}

export async function closeRequest(ctx: CommandContext, id: string, status: Exclude<SubjectRequestStatus, 'open'>, outcome: string) {
  await ctx.tx
    .updateTable('subject_request')
    .set({ status, outcome, decided_at: ctx.now, decided_by: actorId(ctx.actor), decided_by_name: ctx.actor.name })
    .where('id', '=', id)
    .execute();
  await recordRequestEvent(ctx, id, 'requestDecided', { status });
}
