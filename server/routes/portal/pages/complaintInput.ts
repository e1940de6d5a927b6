import { sql } from 'kysely';
import type { Services } from '../../../commands/context.ts';
import { AppError } from '../../../domain/errors.ts';
import { complaintBody, type ComplaintBody } from '../portal.schema.ts';
import type { Errors } from './fields.ts';

/**
 * The checks the portal API makes on a complaint, as functions the HTML form shares: the same zod
 * schema, the same extra rules, the honeypot and the per-address limit. The API route
 * (portalRoutes.ts) still has its own inline copy; it can call these instead.
 */
export const PER_EMAIL_PER_HOUR = 3;

export const isHoneypotFilled = (fields: Record<string, string | undefined>) => !!fields.website?.trim();

export type Validated = { ok: true; data: ComplaintBody } | { ok: false; errors: Errors };

/**
 * "15-3-2026" (how people write a date, and what the form asks for) as the ISO date the schema
 * takes; anything else is passed on unchanged for the schema to refuse with its message.
 */
export function isoDate(v: string | undefined): string | undefined {
  const m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(v?.trim() ?? '');
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
}

export function validateComplaint(fields: Record<string, string>, today?: string): Validated {
  const errors: Errors = {};
  const incidentDate = isoDate(fields.incidentDate);
  const parsed = complaintBody.safeParse({ ...fields, incidentDate });
  if (parsed.success && parsed.data.incidentDate && today && parsed.data.incidentDate > today) {
    errors.incidentDate = 'Deze dag moet nog komen. Vul een dag in die al geweest is.';
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '_form');
      errors[name] ??= issue.message;
    }
  }
  // Rules the schema cannot say alone: who it is about, and the contact details the chosen way needs.
  const behalf = fields.onBehalfOf === 'true';
  if (!fields.onBehalfOf) errors.onBehalfOf ??= 'Kies of de klacht over u gaat of over iemand anders.';
  if (behalf && !fields.behalfName?.trim()) errors.behalfName ??= 'Vul de naam in van de persoon voor wie u de klacht indient.';
  if (behalf && !fields.behalfRelation?.trim()) errors.behalfRelation ??= 'Vul in wat u van deze persoon bent. Bijvoorbeeld: mantelzorger.';
  const pref = fields.contactPreference;
  if (pref === 'email' && !fields.email?.trim()) errors.email ??= 'Vul uw e-mailadres in.';
  if (pref === 'phone' && !fields.phone?.trim()) errors.phone ??= 'Vul uw telefoonnummer in.';
  if (pref === 'letter') {
    if (!fields.street?.trim()) errors.street ??= 'Vul uw straat en huisnummer in.';
    if (!fields.postcode?.trim()) errors.postcode ??= 'Vul uw postcode in.';
    if (!fields.city?.trim()) errors.city ??= 'Vul uw woonplaats in.';
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}

/** The API's per-address limit: the address may be the complainant's or a representative's. */
export async function emailLimitReached(services: Services, email: string | undefined): Promise<boolean> {
  if (!email) return false;
  const hour = new Date(services.clock.now().getTime() - 3600_000);
  const recent = await services.db
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

/** A command's field error ("complainant.email", "body.subject") named as the form's field. */
export function fieldErrorsOf(err: unknown): Errors | null {
  if (!(err instanceof AppError) || err.code !== 'invalid') return null;
  const errors: Errors = {};
  for (const p of err.invalidParams) errors[p.name.replace(/^(body|complainant)\./, '')] ??= p.reason;
  return Object.keys(errors).length ? errors : { _form: err.detail };
}
