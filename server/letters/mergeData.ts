import type { Database } from '../db/connect.ts';
import type { Organisation } from '../config/organisation.ts';
import type { ExternalBody } from './letterConfig.ts';
import { longDate } from './templates/shared.ts';
import type { MergeData } from './templates/types.ts';

/**
 * Everything a letter takes from its case, read in one query. The letter goes to the
 * representative when there is one (the family carer speaks for the complainant, like the mail).
 * Callers have already checked that the actor may see the case.
 */
export const DEFAULT_OMBUDSMAN: ExternalBody = { name: 'Nationale ombudsman', addressLines: [], website: 'www.nationaleombudsman.nl' };
export const DEFAULT_RENT_TRIBUNAL: ExternalBody = { name: 'Huurcommissie', addressLines: [], website: 'www.huurcommissie.nl' };

export function externalBodies(org: Organisation): MergeData['bodies'] {
  return {
    ombudsman: org.letters.ombudsman ?? DEFAULT_OMBUDSMAN,
    disputesBody: org.letters.disputesBody ?? null,
    rentTribunal: org.letters.rentTribunal ?? DEFAULT_RENT_TRIBUNAL,
  };
}

export type LetterCase = MergeData & {
  caseId: string;
  processKey: string;
  assigneeUserId: string | null;
  recipientEmail: string | null;
  contactPreference: string | null;
};

export async function loadMergeData(db: Database, org: Organisation, caseId: string): Promise<LetterCase> {
  const c = await db
    .selectFrom('cases')
    .innerJoin('person as p', 'p.id', 'cases.complainant_id')
    .leftJoin('person as r', 'r.id', 'cases.representative_id')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.subject',
      'cases.received_at',
      'cases.handling_deadline',
      'cases.process_key',
      'cases.regime',
      'cases.facts',
      'cases.assignee_user_id',
      'cases.contact_preference',
      'u.name as handler',
      'p.name as c_name',
      'p.organisation_name as c_org',
      'p.street as c_street',
      'p.postcode as c_postcode',
      'p.city as c_city',
      'p.email as c_email',
      'r.id as r_id',
      'r.name as r_name',
      'r.organisation_name as r_org',
      'r.street as r_street',
      'r.postcode as r_postcode',
      'r.city as r_city',
      'r.email as r_email',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const extension = await db
    .selectFrom('timeline_event')
    .select('data')
    .where('case_id', '=', caseId)
    .where('type', '=', 'handlingPeriodExtended')
    .orderBy('occurred_at', 'desc')
    .executeTakeFirst();
  const viaRep = c.r_id !== null;
  const name = (viaRep ? c.r_name : c.c_name) ?? c.c_name;
  const orgName = viaRep ? c.r_org : c.c_org;
  const place = [viaRep ? c.r_postcode : c.c_postcode, viaRep ? c.r_city : c.c_city].filter(Boolean).join('  ');
  const addressLines = [orgName, viaRep ? c.r_street : c.c_street, place].filter((l): l is string => !!l && l.trim() !== '');
  const reason = (extension?.data as { reason?: unknown } | undefined)?.reason;
  return {
    caseId: c.id,
    processKey: c.process_key,
    assigneeUserId: c.assignee_user_id,
    recipientEmail: (viaRep ? c.r_email : c.c_email) ?? null,
    contactPreference: c.contact_preference,
    regime: c.regime,
    caseReference: c.reference,
    caseSubject: c.subject,
    receivedDate: longDate(c.received_at),
    recipient: { name, addressLines },
    complainantName: c.c_name,
    handlerName: c.handler,
    organisationName: org.letterhead?.name ?? org.name,
    organisationPhone: org.letterhead?.phone ?? org.contact.phone ?? null,
    deadline: c.handling_deadline ? longDate(c.handling_deadline) : null,
    facts: c.facts,
    extensionReason: typeof reason === 'string' && reason.trim() ? reason.trim() : null,
    bodies: externalBodies(org),
  };
}
