import { sql } from 'kysely';
import type { Services } from '../commands/context.ts';
import { normaliseEmail } from '../domain/personKeys.ts';
import type { RequestSubject } from './subjectRequests.ts';
import { phoneTextPattern } from '../domain/phone.ts';

/** What replaces another person's name or contact details in an access export (AVG art. 15(4)). */
export const OTHERS_DATA = '[gegevens van een ander]';
/** What stands where a note marked as holding data of others was left out. */
export const NOTE_WITHHELD = 'Deze notitie bevat gegevens van anderen en is daarom niet opgenomen (AVG art. 15 lid 4).';

export type ExportRole = 'complainant' | 'representative' | 'complainedAbout';

export type ExportCase = {
  reference: string;
  roles: ExportRole[];
  subject: string;
  description: string;
  channel: string;
  status: string;
  receivedAt: string;
  closedAt: string | null;
  complainant: string;
  representative: string | null;
  complainedPersons: string[];
  notes: { createdAt: string; body: string | null; withheld: boolean }[];
  documents: { filename: string; createdAt: string }[];
  messages: { subject: string; sentAt: string | null }[];
};

export type SubjectExport = {
  madeAt: string;
  subject: {
    kind: 'person' | 'staff';
    name: string;
    organisationName: string | null;
    email: string | null;
    phone: string | null;
    address: string | null;
    jobTitle: string | null;
  };
  cases: ExportCase[];
  mandates: { role: 'represented' | 'representative'; other: string; validFrom: string; validUntil: string | null; revoked: boolean }[];
  requests: { kind: string; receivedOn: string; status: string; outcome: string | null }[];
};

type Party = { id: string | null; name: string; email?: string | null; phone?: string | null };

/**
 * Everything Klachtflow holds about one person, in every role: complainant, representative (and
 * their mandates), and the colleague a complaint is about. Other people are blacked out: their names
 * and contact details become OTHERS_DATA, also where they appear in free text (the complaint, notes,
 * message subjects); a note marked as holding data of others is left out with a line saying so.
 */
export async function gatherSubjectExport(services: Services, subject: RequestSubject): Promise<SubjectExport> {
  const db = services.db;
  const me = await subjectRecord(services, subject);
  const caseRows = await db
    .selectFrom('cases')
    .select([
      'id',
      'reference',
      'subject',
      'description',
      'channel',
      'status',
      'received_at',
      'closed_at',
      'complainant_id',
      'representative_id',
      'process_key',
      'process_version',
    ])
    .where((eb) =>
      eb.or([
        eb('complainant_id', 'in', inIds(me.personIds)),
        eb('representative_id', 'in', inIds(me.personIds)),
        eb('id', 'in', eb.selectFrom('complained_person').select('case_id').where('user_id', 'in', inIds(me.staffUserIds))),
      ]),
    )
    .orderBy('received_at')
    .execute();
  const inCases = inIds(caseRows.map((c) => c.id));
  const personIds = [...new Set(caseRows.flatMap((c) => [c.complainant_id, c.representative_id]).filter((p): p is string => !!p))];
  const [persons, complained, notes, documents, messages] = await Promise.all([
    db.selectFrom('person').select(['id', 'name', 'email', 'phone', 'organisation_name']).where('id', 'in', inIds(personIds)).execute(),
    db
      .selectFrom('complained_person as cp')
      .leftJoin('staff_user as u', 'u.id', 'cp.user_id')
      .select(['cp.case_id', 'cp.user_id', 'cp.name', 'u.email', 'u.phone'])
      .where('cp.case_id', 'in', inCases)
      .orderBy('cp.created_at')
      .execute(),
    db
      .selectFrom('note')
      .select(['case_id', 'body', 'created_at', 'others_data'])
      .where('case_id', 'in', inCases)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('document').select(['case_id', 'filename', 'created_at']).where('case_id', 'in', inCases).orderBy('created_at').execute(),
    // Only what was sent to this person: mail to others in the case is their data.
    me.email
      ? db
          .selectFrom('outbox_message')
          .select(['case_id', 'subject', 'sent_at'])
          .where('case_id', 'in', inCases)
          .where('to_address', '=', me.email)
          .orderBy('created_at')
          .execute()
      : Promise.resolve([]),
  ]);
  const personById = new Map(persons.map((p) => [p.id, p]));
  const isMe = (p: Party) => p.id !== null && (me.personIds.includes(p.id) || me.staffUserIds.includes(p.id));
  const others: Party[] = [
    ...persons.map((p) => ({ id: p.id, name: p.name, email: p.email, phone: p.phone })),
    ...complained.map((c) => ({ id: c.user_id, name: c.name, email: c.email, phone: c.phone })),
  ].filter((p) => !isMe(p));
  const blackOut = redactor(others, [me.name, me.email, me.phone]);
  const shown = (p: Party | undefined) => (!p ? null : isMe(p) ? p.name : OTHERS_DATA);

  const cases: ExportCase[] = caseRows.map((c) => {
    const roles: ExportRole[] = [];
    if (me.personIds.includes(c.complainant_id)) roles.push('complainant');
    if (c.representative_id && me.personIds.includes(c.representative_id)) roles.push('representative');
    const cps = complained.filter((cp) => cp.case_id === c.id);
    if (cps.some((cp) => cp.user_id && me.staffUserIds.includes(cp.user_id))) roles.push('complainedAbout');
    const def = services.processes.forCase(c);
    const complainant = personById.get(c.complainant_id);
    const representative = c.representative_id ? personById.get(c.representative_id) : undefined;
    return {
      reference: c.reference,
      roles,
      subject: blackOut(c.subject),
      description: blackOut(c.description),
      channel: c.channel,
      status: def?.statuses.find((s) => s.key === c.status)?.label.nl ?? c.status,
      receivedAt: c.received_at.toISOString(),
      closedAt: c.closed_at?.toISOString() ?? null,
      complainant: shown(complainant && { ...complainant }) ?? OTHERS_DATA,
      representative: representative ? shown(representative) : null,
      complainedPersons: cps.map((cp) => (cp.user_id && me.staffUserIds.includes(cp.user_id) ? cp.name : OTHERS_DATA)),
      notes: notes
        .filter((n) => n.case_id === c.id)
        .map((n) => ({ createdAt: n.created_at.toISOString(), body: n.others_data ? null : blackOut(n.body), withheld: n.others_data })),
      documents: documents
        .filter((d) => d.case_id === c.id)
        .map((d) => ({ filename: blackOut(d.filename), createdAt: d.created_at.toISOString() })),
      messages: messages
        .filter((m) => m.case_id === c.id)
        .map((m) => ({ subject: blackOut(m.subject), sentAt: m.sent_at?.toISOString() ?? null })),
    };
  });

  const mandates = await db
    .selectFrom('mandate')
    .select(['represented_id', 'valid_from', 'valid_until', 'revoked_at'])
    .where((eb) => eb.or([eb('represented_id', 'in', inIds(me.personIds)), eb('representative_id', 'in', inIds(me.personIds))]))
    .orderBy('recorded_at')
    .execute();
  const requests = await db
    .selectFrom('subject_request')
    .select(['kind', 'received_on', 'status', 'outcome'])
    .where((eb) => eb.or([eb('person_id', 'in', inIds(me.personIds)), eb('staff_user_id', 'in', inIds(me.staffUserIds))]))
    .orderBy('registered_at')
    .execute();

  return {
    madeAt: services.clock.now().toISOString(),
    subject: {
      kind: 'personId' in subject ? 'person' : 'staff',
      name: me.name,
      organisationName: me.organisationName,
      email: me.email,
      phone: me.phone,
      address: me.address,
      jobTitle: me.jobTitle,
    },
    cases,
    mandates: mandates.map((m) => ({
      role: me.personIds.includes(m.represented_id) ? ('represented' as const) : ('representative' as const),
      other: OTHERS_DATA,
      validFrom: String(m.valid_from),
      validUntil: m.valid_until ? String(m.valid_until) : null,
      revoked: !!m.revoked_at,
    })),
    requests: requests.map((r) => ({ kind: r.kind, receivedOn: r.received_on, status: r.status, outcome: r.outcome })),
  };
}

/**
 * The subject's own record, and every record of the same human: a colleague who also complained
 * (or represents someone) has a person record with their work e-mail, and the export covers both.
 */
async function subjectRecord(services: Services, subject: RequestSubject) {
  const db = services.db;
  const byEmail = async (email: string | null) => {
    const key = normaliseEmail(email);
    if (!key) return { persons: [] as string[], staff: [] as string[] };
    const [persons, staff] = await Promise.all([
      db
        .selectFrom('person')
        .select('id')
        .where(sql<boolean>`lower(email) = ${key}`)
        .where('merged_into_id', 'is', null)
        .where('erased_at', 'is', null)
        .execute(),
      db.selectFrom('staff_user').select('id').where(sql<boolean>`lower(email) = ${key}`).execute(),
    ]);
    return { persons: persons.map((p) => p.id), staff: staff.map((u) => u.id) };
  };
  if ('personId' in subject) {
    const p = await db.selectFrom('person').selectAll().where('id', '=', subject.personId).executeTakeFirstOrThrow();
    const same = await byEmail(p.email);
    const address = [p.street, [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
    return {
      personIds: [...new Set([p.id, ...same.persons])],
      staffUserIds: same.staff,
      name: p.name,
      organisationName: p.organisation_name,
      email: p.email,
      phone: p.phone,
      address,
      jobTitle: null,
    };
  }
  const u = await db
    .selectFrom('staff_user')
    .select(['id', 'name', 'email', 'phone', 'job_title'])
    .where('id', '=', subject.staffUserId)
    .executeTakeFirstOrThrow();
  const same = await byEmail(u.email);
  return {
    personIds: same.persons,
    staffUserIds: [...new Set([u.id, ...same.staff])],
    name: u.name,
    organisationName: null,
    email: u.email,
    phone: u.phone,
    address: null,
    jobTitle: u.job_title,
  };
}

const NONE = ['00000000-0000-0000-0000-000000000000'];
/** An `in` list that is never empty (SQL has no `in ()`). */
const inIds = (ids: readonly string[]) => (ids.length ? [...ids] : NONE);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces others' names, e-mail addresses and phone numbers in free text: the whole strings first,
 * then each part of a name of three letters or more that starts with a capital ("Jansen" alone),
 * except parts the subject's own name shares (a relative's surname is theirs too).
 */
export function redactor(others: Party[], own: (string | null | undefined)[]) {
  const ownParts = new Set(own.filter(Boolean).flatMap((s) => nameParts(s!)));
  const whole = others.flatMap((p) => [p.name, p.email, p.phone]).filter((s): s is string => !!s && s.length >= 3 && !own.includes(s));
  const parts = others.flatMap((p) => nameParts(p.name)).filter((part) => !ownParts.has(part));
  const terms = [...new Set([...whole, ...parts])].sort((a, b) => b.length - a.length);
  // A number is stored as E.164 but written in text as people write it ("06-12345678"): each spelling.
  const phones = others.flatMap((p) => (p.phone && !own.includes(p.phone) ? (phoneTextPattern(p.phone) ?? []) : []));
  if (!terms.length && !phones.length) return (text: string) => text;
  const alternatives = [...phones, ...terms.map(escapeRegExp)].join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
  return (text: string) => text.replace(re, OTHERS_DATA);
}

const nameParts = (name: string) => name.split(/[\s,.;:()'"@-]+/u).filter((part) => part.length >= 3 && /^\p{Lu}/u.test(part));
