/** The intake screen's values, and how the API's field names map onto its fields. */
export type IntakeValues = {
  channel: string;
  subject: string;
  body: string;
  name: string;
  phone: string;
  email: string;
  street: string;
  postcode: string;
  city: string;
  hasRep: boolean;
  repName: string;
  repRelation: string;
  repPhone: string;
  repEmail: string;
  self: boolean;
  /** Not on one's own name: the key of the team whose queue it goes to; empty: the general queue (seed 004: a team task). */
  team: string;
  /** An existing complainant the agent chose ("Bekende klant?"); empty: a new person record. */
  personId: string;
  personName: string;
  /** A known representative chosen by e-mail or phone, and the mandate recorded once (seed 003). */
  repPersonId: string;
  repPersonName: string;
  mandate: boolean;
  mandateVerification: string;
  mandateFrom: string;
  mandateUntil: string;
};
export type IntakeField = Exclude<
  keyof IntakeValues,
  'hasRep' | 'self' | 'personId' | 'personName' | 'repPersonId' | 'repPersonName' | 'mandate'
>;

export const EMPTY_INTAKE: IntakeValues = {
  channel: 'phone',
  subject: '',
  body: '',
  name: '',
  phone: '',
  email: '',
  street: '',
  postcode: '',
  city: '',
  hasRep: false,
  repName: '',
  repRelation: '',
  repPhone: '',
  repEmail: '',
  self: true,
  team: '',
  personId: '',
  personName: '',
  repPersonId: '',
  repPersonName: '',
  mandate: false,
  mandateVerification: 'writtenAuthorisation',
  mandateFrom: '',
  mandateUntil: '',
};

/** Error names of POST /activities and POST /cases (after "body." is stripped) → intake fields. */
export const API_FIELD: Record<string, IntakeField> = {
  channel: 'channel',
  subject: 'subject',
  body: 'body',
  description: 'body',
  'contact.name': 'name',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'complainant.name': 'name',
  'complainant.email': 'email',
  'complainant.phone': 'phone',
  'complainant.street': 'street',
  'complainant.postcode': 'postcode',
  'complainant.city': 'city',
  'representative.person.name': 'repName',
  'representative.person.email': 'repEmail',
  'representative.person.phone': 'repPhone',
  'representative.relation': 'repRelation',
  'representative.mandate.verification': 'mandateVerification',
  'representative.mandate.validFrom': 'mandateFrom',
  'representative.mandate.validUntil': 'mandateUntil',
  'representative.mandate.representativeId': 'repName',
  'assignTo.team': 'team',
};

export const fieldId = (f: IntakeField) => `intake-${f}`;

/** Leaves out empty strings: the API treats an absent optional field as "not given". */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as Partial<T>;
}

export function activityBody(v: IntakeValues) {
  return {
    channel: v.channel,
    subject: v.subject,
    body: v.body,
    contact: compact({ name: v.name, email: v.email, phone: v.phone }),
    assignTo: v.self ? 'self' : v.team ? { team: v.team } : 'queue',
  };
}

export function caseBody(v: IntakeValues, activityId: string, processKey: string | undefined, data: Record<string, unknown>) {
  return {
    activityId,
    ...(processKey ? { processKey } : {}),
    subject: v.subject,
    description: v.body,
    channel: v.channel,
    complainant: v.personId
      ? { personId: v.personId }
      : compact({ name: v.name, email: v.email, phone: v.phone, street: v.street, postcode: v.postcode, city: v.city }),
    ...(v.hasRep ? { representative: representativeBody(v) } : {}),
    data,
  };
}

/** The representative: a known person or a new one; the mandate only when staff record it (a known one is reused by the server). */
function representativeBody(v: IntakeValues) {
  return {
    person: v.repPersonId ? { personId: v.repPersonId } : compact({ name: v.repName, email: v.repEmail, phone: v.repPhone }),
    relation: v.repRelation,
    ...(v.mandate
      ? {
          mandate: {
            verification: v.mandateVerification,
            validFrom: v.mandateFrom,
            ...(v.mandateUntil ? { validUntil: v.mandateUntil } : {}),
          },
        }
      : {}),
  };
}
