import { sql } from 'kysely';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { validateFields } from '../domain/process/fieldSchema.ts';
import { normaliseEmail } from '../domain/personKeys.ts';
import { phoneOrInvalid } from '../domain/phone.ts';
import { activityScope } from '../queries/scope.ts';
import { actorId, type CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import { recordCaseHandler } from './caseHandlers.ts';
import { refreshHandlingDeadline } from './caseClock.ts';
import { startStatusReminder } from './timers.ts';
import { teamIdByKey } from './teams.ts';
import { mandateForCase, type MandateInput } from './mandates.ts';

export type PersonInput = {
  kind: 'person' | 'organisation';
  name: string;
  organisationName?: string;
  email?: string;
  phone?: string;
  street?: string;
  postcode?: string;
  city?: string;
};

export type RegisterCaseInput = {
  activityId?: string;
  processKey?: string;
  subject: string;
  description: string;
  channel: string;
  receivedAt?: Date;
  complainant: { personId: string } | PersonInput;
  /** mandate: recorded here once when none is known between the two (seed 003); a known one is reused. */
  representative?: { person: { personId: string } | PersonInput; relation: string; mandate?: MandateInput };
  /** A portal complaint for someone else: no mandate is trusted; staff still check one (seed 003). */
  mandateCheckPending?: boolean;
  data: Record<string, unknown>;
  contactPreference?: 'email' | 'phone' | 'letter';
  /** Agreed to e-mail (asked at intake); without it everything for them goes on paper. */
  emailConsent?: boolean;
  /** The complainant's language for everything sent to them. */
  language?: 'nl' | 'en';
  /** A team's queue instead of the registering staff member (web submissions). */
  assignTeam?: string;
};

async function resolvePerson(ctx: CommandContext, p: { personId: string } | PersonInput, field: string) {
  if ('personId' in p) {
    let row = await ctx.tx
      .selectFrom('person')
      .select(['id', 'name', 'email', 'merged_into_id'])
      .where('id', '=', p.personId)
      .executeTakeFirst();
    // A record merged into another (a stale suggestion) stands for the one it was merged into.
    for (let hops = 0; row?.merged_into_id && hops < 10; hops++) {
      row = await ctx.tx
        .selectFrom('person')
        .select(['id', 'name', 'email', 'merged_into_id'])
        .where('id', '=', row.merged_into_id)
        .executeTakeFirst();
    }
    if (!row) throw invalid(`${field}.personId`, 'Deze persoon bestaat niet.');
    return { id: row.id, name: row.name, email: row.email };
  }
  return ctx.tx
    .insertInto('person')
    .values(personRow(ctx, p, field))
    .returning(['id', 'name', 'email'])
    .executeTakeFirstOrThrow();
}

/**
 * A new person's row, normalised (e-mail, phone as E.164, postcode): the one shape every writer of
 * persons uses. A phone that is no number is refused, naming `${field}.phone`.
 */
export const personRow = (ctx: CommandContext, p: PersonInput, field = 'person') => ({
  kind: p.kind,
  name: p.name,
  organisation_name: p.organisationName ?? null,
  email: normaliseEmail(p.email),
  phone: phoneOrInvalid(p.phone, `${field}.phone`),
  street: p.street ?? null,
  postcode: p.postcode?.toUpperCase().replace(/\s+/g, ' ') ?? null,
  city: p.city ?? null,
  created_at: ctx.now,
});

/** The next human reference, e.g. KL-2026-000123: one counter row per prefix and year. */
async function nextReference(ctx: CommandContext): Promise<string> {
  const prefix = ctx.services.org.referencePrefix;
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(ctx.now));
  const row = await ctx.tx
    .insertInto('reference_counter')
    .values({ prefix, year, last_value: 1 })
    .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet({ last_value: sql`reference_counter.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.last_value).padStart(6, '0')}`;
}

/** What full-text search sees of a case; accents are folded so "coordinator" finds "coördinator". */
export const searchTextOf = (parts: (string | null | undefined)[]) =>
  parts
    .filter(Boolean)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

/** Log an activity as a new case, or register a case directly (seed 000 §4.2). */
export async function registerCase(ctx: CommandContext, input: RegisterCaseInput) {
  const process = input.processKey ? ctx.services.processes.get(input.processKey) : ctx.services.processes.defaultProcess;
  if (!process) throw invalid('processKey', 'Dit proces bestaat niet.');
  const data = validateFields(process.caseType.fields, input.data, 'data');
  const me = actorId(ctx.actor);

  let activity: { id: string; version: number; created_at: Date } | undefined;
  if (input.activityId) {
    activity = await ctx.tx
      .selectFrom('activity')
      .select(['id', 'version', 'case_id', 'created_at'])
      .where('id', '=', input.activityId)
      .where(activityScope(ctx.actor))
      .executeTakeFirst()
      .then((a) => {
        if (!a) throw notFound('Deze activiteit');
        if (a.case_id) throw conflict('Deze activiteit is al aan een melding gekoppeld.');
        return a;
      });
  }
  const complainant = await resolvePerson(ctx, input.complainant, 'complainant');
  const representative = input.representative ? await resolvePerson(ctx, input.representative.person, 'representative.person') : null;
  const mandate =
    representative && !input.mandateCheckPending
      ? (await mandateForCase(ctx, complainant.id, representative.id, input.representative?.mandate)).mandate
      : null;
  const reference = await nextReference(ctx);
  const teamId = input.assignTeam ? await teamIdByKey(ctx, input.assignTeam) : null;
  if (input.assignTeam && !teamId) throw invalid('assignTeam', 'Dit team bestaat niet.');
  const receivedAt = input.receivedAt ?? activity?.created_at ?? ctx.now;
  // A complaint cannot arrive later than now; a future date would also push every term forward.
  if (receivedAt > ctx.now)
    throw invalid('receivedAt', 'De datum van ontvangst ligt in de toekomst. Vul de dag in waarop de klacht binnenkwam.');

  const created = await ctx.tx
    .insertInto('cases')
    .values({
      reference,
      process_key: process.key,
      process_version: process.version,
      case_type: process.caseType.key,
      status: process.initialStatus,
      status_changed_at: ctx.now,
      subject: input.subject,
      description: input.description,
      channel: input.channel,
      complainant_id: complainant.id,
      representative_id: representative?.id ?? null,
      representative_relation: input.representative?.relation ?? null,
      mandate_id: mandate?.id ?? null,
      mandate_check_pending: !!representative && !!input.mandateCheckPending,
      assignee_user_id: teamId ? null : me,
      assignee_team_id: teamId,
      contact_preference: input.contactPreference ?? null,
      email_consent: input.emailConsent ?? null,
      language: input.language ?? 'nl',
      data: JSON.stringify(data),
      facts: JSON.stringify({ channel: input.channel }),
      received_at: receivedAt,
      created_at: ctx.now,
      updated_at: ctx.now,
      created_by: me,
      search_text: searchTextOf([reference, input.subject, input.description, complainant.name, complainant.email, representative?.name]),
      regime: process.regime,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();

  await recordEvent(ctx, {
    type: 'caseRegistered',
    caseId: created.id,
    after: { reference, status: process.initialStatus, subject: input.subject, channel: input.channel, data },
  });
  await recordCaseHandler(ctx, created.id);
  if (activity) await attachActivity(ctx, activity, created.id, process.caseType.key);
  await refreshHandlingDeadline(ctx, created.id);
  await startStatusReminder(ctx, created.id, process, process.initialStatus);
  return created;
}

/** Link an activity to a case (new or existing); a linked intake activity is done. */
export async function attachActivity(ctx: CommandContext, activity: { id: string; version: number }, caseId: string, caseType: string) {
  const updated = await ctx.tx
    .updateTable('activity')
    .set({ case_id: caseId, case_type: caseType, status: 'done', completed_at: ctx.now, version: sql`version + 1`, updated_at: ctx.now })
    .where('id', '=', activity.id)
    .where('version', '=', activity.version)
    .where('case_id', 'is', null)
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw conflict('Deze activiteit is intussen al gekoppeld of gewijzigd.');
  await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', caseId).execute();
  await recordEvent(ctx, { type: 'activityLinked', caseId, activityId: activity.id, after: { caseId } });
}
