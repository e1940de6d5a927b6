import { type Kysely, sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import type { DB } from '../db/schema.ts';
import { normaliseEmail } from '../domain/personKeys.ts';
import { canonicalPhone, phoneLookupKeys } from '../domain/phone.ts';
import { caseScope } from './scope.ts';

export type PersonMatchReason = 'sameEmail' | 'samePhone';

/**
 * Live person records with the same normalised e-mail or phone, each with how many cases in the
 * actor's scope name them and the latest of those. Never by name: two people may share one.
 * Both lookups use the partial indexes of migration 014 (person_email_live, person_phone_live).
 */
export async function findPersonsByKeys(
  services: Services,
  actor: Actor,
  keys: { email?: string | null; phone?: string | null },
  opts: { exclude?: string; limit?: number } = {},
) {
  const email = normaliseEmail(keys.email);
  // A number as typed ("06-12345678") in every form it may be stored in; none while it is no valid number yet.
  const phones = phoneLookupKeys(keys.phone);
  if (!email && !phones.length) return [];
  const people = await livePersonsByKeys(services.db, email, phones)
    .$if(!!opts.exclude, (q) => q.where('id', '<>', opts.exclude!))
    .orderBy('created_at', 'desc')
    .limit(opts.limit ?? 5)
    .execute();
  if (!people.length) return [];
  const ids = people.map((p) => p.id);
  // Per person: cases as complainant or representative (indexes cases_complainant, cases_representative).
  const counts = await services.db
    .selectFrom('cases')
    .where(caseScope(actor))
    .where((eb) => eb.or([eb('cases.complainant_id', 'in', ids), eb('cases.representative_id', 'in', ids)]))
    .select([
      sql<string>`case when cases.complainant_id in (${sql.join(ids)}) then cases.complainant_id else cases.representative_id end`.as(
        'person_id',
      ),
      sql<number>`count(*)`.as('n'),
      sql<string>`max(cases.reference)`.as('latest'),
    ])
    .groupBy(sql`1`)
    .execute();
  const byPerson = new Map(counts.map((c) => [c.person_id, c]));
  return people.map((p) => {
    const reasons: PersonMatchReason[] = [];
    if (email && p.email?.toLowerCase() === email) reasons.push('sameEmail');
    if (phones.length && p.phone && canonicalPhone(p.phone) === phones[0]) reasons.push('samePhone');
    const c = byPerson.get(p.id);
    return { ...p, reasons, caseCount: Number(c?.n ?? 0), latestReference: c?.latest ?? null };
  });
}

/**
 * Live records with either key, already normalised (`phones`: phoneLookupKeys, the forms one number
 * may be stored in). Each arm repeats its partial index's condition so the planner can answer it
 * from person_email_live / person_phone_live (a bitmap OR, no scan).
 */
export function livePersonsByKeys(db: Kysely<DB>, email: string | null, phones: string[]) {
  return db
    .selectFrom('person')
    .select(['id', 'kind', 'name', 'organisation_name', 'email', 'phone', 'street', 'postcode', 'city', 'created_at'])
    .where('merged_into_id', 'is', null)
    .where((eb) => {
      const ors = [];
      if (email) ors.push(eb.and([eb(sql`lower(email)`, '=', email), eb('email', 'is not', null)]));
      if (phones.length) ors.push(eb.and([eb('phone', 'in', phones), eb('phone', 'is not', null)]));
      return eb.or(ors);
    });
}

/**
 * The same lookup for many keys at once (the register import: one query per chunk of rows instead of
 * one per row), on the same partial indexes; the oldest live record first, so a caller keeps the first per key.
 */
export function livePersonsByKeyLists(db: Kysely<DB>, emails: string[], phones: string[]) {
  return db
    .selectFrom('person')
    .select(['id', 'email', 'phone', 'created_at'])
    .where('merged_into_id', 'is', null)
    .where((eb) => {
      const ors = [];
      if (emails.length) ors.push(eb.and([eb(sql`lower(email)`, 'in', emails), eb('email', 'is not', null)]));
      if (phones.length) ors.push(eb.and([eb('phone', 'in', phones), eb('phone', 'is not', null)]));
      return ors.length ? eb.or(ors) : sql<boolean>`false`;
    })
    .orderBy('created_at');
}

/** The duplicates of one person a coordinator may merge, and the merges into them that can be undone. */
export async function personMergeOverview(services: Services, actor: Actor, personId: string) {
  const person = await services.db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'phone', 'created_at', 'merged_into_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) return null;
  const candidates = person.merged_into_id
    ? []
    : await findPersonsByKeys(services, actor, { email: person.email, phone: person.phone }, { exclude: person.id, limit: 10 });
  const merges = await services.db
    .selectFrom('person_merge as m')
    .innerJoin('person as d', 'd.id', 'm.duplicate_id')
    .select(['m.id', 'm.merged_at', 'm.merged_by_name', 'd.name as duplicate_name', 'm.moved'])
    .where('m.survivor_id', '=', personId)
    .where('m.undone_at', 'is', null)
    .orderBy('m.merged_at', 'desc')
    .limit(20)
    .execute();
  return { person, candidates, merges };
}
