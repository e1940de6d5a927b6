import { sql } from 'kysely';
import { AppError, invalid } from '../domain/errors.ts';
import { writeActivity } from './activityWriter.ts';
import { issueCaseLink } from './caseAccess.ts';
import { registerCase, type PersonInput } from './caseRegistrar.ts';
import type { CommandContext } from './context.ts';
import { teamIdByKey } from './teams.ts';
import { sendCaseMessage } from './caseMessages.ts';

/**
 * A complaint from the web form (seed 000 "Klacht via contactformulier", seed 003): stored as a case
 * at once so the complainant gets a reference and a tracking link straight away, with an open
 * activity in the intake team's queue so the first line checks it like any other contact.
 */
export type PortalComplaint = {
  subject: string;
  description: string;
  incidentDate?: string;
  contactPreference: 'email' | 'phone' | 'letter';
  language?: 'nl' | 'en';
  complainant: PersonInput;
  onBehalfOf?: { name: string; relation: string };
};

/** At most this many complaints an hour from one e-mail address (the complainant's or a representative's). */
export const PER_EMAIL_PER_HOUR = 3;

export async function submitPortalComplaint(ctx: CommandContext, input: PortalComplaint) {
  if (await emailLimitReached(ctx, input.complainant.email)) {
    throw new AppError('rate_limited', 'U heeft het afgelopen uur al een paar klachten ingediend. Probeer het later opnieuw of bel ons.');
  }
  const process = ctx.services.processes.defaultProcess;
  const needs = {
    email: input.complainant.email,
    phone: input.complainant.phone,
    letter: input.complainant.street && input.complainant.postcode,
  };
  if (!needs[input.contactPreference]) {
    const field = { email: 'complainant.email', phone: 'complainant.phone', letter: 'complainant.street' }[input.contactPreference];
    throw invalid(field, 'Vul dit in: u wilt dat we op deze manier contact met u opnemen.');
  }
  const hasIncidentField = process.caseType.fields.some((f) => f.key === 'incidentDate');
  // The person filling in the form acts for someone else: the complainant is who it is about,
  // the representative (e.g. a family carer) is who we talk to.
  // Always a new person record, never attached to a known one by e-mail: the portal does not verify
  // the address, so someone typing another person's e-mail would otherwise change that person's
  // history (and suppress their survey, rule 5). Staff see the known person as a merge candidate on
  // the case page (GET /persons/:id/merges) and merge only after they have checked.
  const complainant: PersonInput = input.onBehalfOf ? { kind: 'person', name: input.onBehalfOf.name } : input.complainant;
  const teamKey = ctx.services.org.portal.intakeTeam ?? ctx.services.org.teams[0]!.key;
  const created = await registerCase(ctx, {
    subject: input.subject,
    description: input.description,
    channel: 'web',
    complainant,
    representative: input.onBehalfOf ? { person: input.complainant, relation: input.onBehalfOf.relation } : undefined,
    // No automatic trust: whoever files for someone else is recorded, the mandate is checked by staff.
    mandateCheckPending: !!input.onBehalfOf,
    data: input.incidentDate && hasIncidentField ? { incidentDate: input.incidentDate } : {},
    contactPreference: input.contactPreference,
    // Asked on the form: choosing "per e-mail" is the consent; phone or letter means paper.
    emailConsent: input.contactPreference === 'email',
    language: input.language ?? 'nl',
    assignTeam: teamKey,
  });
  const teamId = await teamIdByKey(ctx, teamKey);
  await writeActivity(ctx, {
    kind: 'intake',
    channel: 'web',
    subject: input.subject,
    body: input.description,
    contact: { name: input.complainant.name, email: input.complainant.email, phone: input.complainant.phone },
    case: { id: created.id, caseType: process.caseType.key },
    assignee: { userId: null, teamId },
  });
  const trackingUrl = await issueCaseLink(ctx, created.id);
  // Written in this transaction, sent by the outbox: with mail down the complaint is still stored.
  await sendCaseMessage(ctx, created.id, 'confirmation', { key: 'portalSubmission', vars: { trackingLink: trackingUrl } });
  return { caseId: created.id, reference: created.reference, trackingUrl };
}

/** The address may be the complainant's or a representative's (someone filing for a relative). */
async function emailLimitReached(ctx: CommandContext, email: string | undefined): Promise<boolean> {
  if (!email) return false;
  const hour = new Date(ctx.now.getTime() - 3600_000);
  const recent = await ctx.tx
    .selectFrom('cases')
    .innerJoin('person', (join) =>
      join.on((eb) =>
        eb.or([eb('person.id', '=', eb.ref('cases.complainant_id')), eb('person.id', '=', eb.ref('cases.representative_id'))]),
      ),
    )
    .select(sql<number>`count(*)`.as('n'))
    .where(sql<boolean>`lower(person.email) = ${email.toLowerCase()}`)
    .where('cases.channel', '=', 'web')
    .where('cases.created_at', '>', hour)
    .executeTakeFirst();
  return Number(recent?.n ?? 0) >= PER_EMAIL_PER_HOUR;
}
