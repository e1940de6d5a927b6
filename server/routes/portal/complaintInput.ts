import type { PortalComplaint } from '../../commands/portalSubmission.ts';
import { AppError } from '../../domain/errors.ts';
import { nl, type PortalTexts } from './pages/texts.nl.ts';
import { portalSchemas, type ComplaintBody } from './portal.schema.ts';

/**
 * The complaint as the portal takes it in, once for the JSON API (portalRoutes.ts) and the HTML form
 * (pages/portalPages.ts): the schema (portal.schema.ts), the rules it cannot say alone, the
 * honeypot, and what the command (submitPortalComplaint) is handed. The per-address limit and the
 * contact details a chosen way of contact needs are the command's own rules.
 */
type Errors = Record<string, string>;

/** Honeypot: a field people never see; a filled one means a robot. */
export const isHoneypotFilled = (website: string | undefined) => !!website?.trim();

/** Someone filing for another person says who that is and what they are to them (in Dutch for the API). */
export function behalfErrors(b: { onBehalfOf: boolean; behalfName?: string; behalfRelation?: string }, t: PortalTexts = nl): Errors {
  const errors: Errors = {};
  if (!b.onBehalfOf) return errors;
  if (!b.behalfName?.trim()) errors.behalfName = t.errBehalfName;
  if (!b.behalfRelation?.trim()) errors.behalfRelation = t.errBehalfRelation;
  return errors;
}

/** A checked complaint as the command takes it. */
export function portalComplaintOf(b: ComplaintBody): PortalComplaint {
  return {
    subject: b.subject,
    description: b.description,
    incidentDate: b.incidentDate,
    contactPreference: b.contactPreference,
    language: b.language,
    complainant: { kind: 'person', name: b.name, email: b.email, phone: b.phone, street: b.street, postcode: b.postcode, city: b.city },
    onBehalfOf: b.onBehalfOf ? { name: b.behalfName!, relation: b.behalfRelation! } : undefined,
  };
}

// The HTML form's side: its fields arrive as strings, all errors are shown at once at their fields.

export type Validated = { ok: true; data: ComplaintBody } | { ok: false; errors: Errors };

/**
 * "15-3-2026" (how people write a date, and what the form asks for) as the ISO date the schema
 * takes; anything else is passed on unchanged for the schema to refuse with its message.
 */
export function isoDate(v: string | undefined): string | undefined {
  const m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(v?.trim() ?? '');
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
}

/** The form's fields checked, every problem in the visitor's words (`t`, Dutch unless told). */
export function validateComplaint(fields: Record<string, string>, today?: string, t: PortalTexts = nl): Validated {
  const errors: Errors = {};
  const incidentDate = isoDate(fields.incidentDate);
  const parsed = portalSchemas(t).complaint.safeParse({ ...fields, incidentDate });
  if (parsed.success && parsed.data.incidentDate && today && parsed.data.incidentDate > today) {
    errors.incidentDate = t.errFutureDate;
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '_form');
      errors[name] ??= issue.message;
    }
  }
  // Rules the schema cannot say alone: who it is about, and the contact details the chosen way needs.
  if (!fields.onBehalfOf) errors.onBehalfOf ??= t.errOnBehalfOf;
  const behalf = behalfErrors({ ...fields, onBehalfOf: fields.onBehalfOf === 'true' }, t);
  for (const [name, message] of Object.entries(behalf)) errors[name] ??= message;
  const pref = fields.contactPreference;
  if (pref === 'email' && !fields.email?.trim()) errors.email ??= t.errEmail;
  if (pref === 'phone' && !fields.phone?.trim()) errors.phone ??= t.errPhone;
  if (pref === 'letter') {
    if (!fields.street?.trim()) errors.street ??= t.errStreet;
    if (!fields.postcode?.trim()) errors.postcode ??= t.errPostcode;
    if (!fields.city?.trim()) errors.city ??= t.errCity;
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}

/**
 * A command's field error ("complainant.email", "body.subject") named as the form's field. The
 * command speaks Dutch; in another language its one field rule (the details a way of contact needs)
 * is said in the visitor's words instead.
 */
export function fieldErrorsOf(err: unknown, inVisitorsWords?: string): Errors | null {
  if (!(err instanceof AppError) || err.code !== 'invalid') return null;
  const errors: Errors = {};
  for (const p of err.invalidParams) errors[p.name.replace(/^(body|complainant)\./, '')] ??= inVisitorsWords ?? p.reason;
  return Object.keys(errors).length ? errors : { _form: err.detail };
}
