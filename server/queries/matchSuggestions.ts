import { sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { canonicalPhone, phoneLookupKeys } from '../domain/phone.ts';
import { prefixTsQuery } from './caseSearch.ts';
import { caseScope } from './scope.ts';

export type MatchCriteria = { email?: string; phone?: string; name?: string; text?: string };
export type MatchReason = 'sameEmail' | 'samePhone' | 'similarName' | 'similarText';

/**
 * Likely existing cases for an incoming contact: the same e-mail or phone, a similar name
 * (trigram), or similar words (Dutch full text, any word). Open cases first, then the strongest match.
 */
export async function suggestMatches(services: Services, actor: Actor, c: MatchCriteria, limit = 10) {
  const email = c.email?.trim().toLowerCase() || null;
  // E.164 first, then the national digits rows from before E.164 hold: each an exact look-up on person_phone.
  const phones = phoneLookupKeys(c.phone);
  const name = c.name?.trim() || null;
  const tsquery = c.text ? prefixTsQuery(significantWords(c.text), 'or') : null;
  if (!email && !phones.length && !name && !tsquery) return [];

  const people =
    email || phones.length || name
      ? await services.db
          .selectFrom('person')
          .select(['id', 'email', 'phone', sql<number>`similarity(name, ${name ?? ''})`.as('name_score')])
          .where((eb) => {
            const ors = [];
            if (email) ors.push(eb(sql`lower(email)`, '=', email));
            if (phones.length) ors.push(eb('phone', 'in', phones));
            if (name) ors.push(eb(sql`name`, sql`%`, name));
            return eb.or(ors);
          })
          .limit(50)
          .execute()
      : [];
  const reasonsByPerson = new Map<string, { reasons: MatchReason[]; score: number }>();
  for (const p of people) {
    const reasons: MatchReason[] = [];
    if (email && p.email === email) reasons.push('sameEmail');
    if (phones.length && p.phone && canonicalPhone(p.phone) === phones[0]) reasons.push('samePhone');
    if (name && p.name_score >= 0.3) reasons.push('similarName');
    if (reasons.length) reasonsByPerson.set(p.id, { reasons, score: reasons.length + Number(p.name_score) });
  }

  const personIds = [...reasonsByPerson.keys()];
  const select = services.db
    .selectFrom('cases')
    .where(caseScope(actor))
    .innerJoin('person as p', 'p.id', 'cases.complainant_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.subject',
      'cases.status',
      'cases.closed_at',
      'cases.updated_at',
      'cases.complainant_id',
      'cases.representative_id',
      'p.name as complainant_name',
    ]);
  const [byPerson, byText] = await Promise.all([
    personIds.length
      ? select
          .where((eb) => eb.or([eb('cases.complainant_id', 'in', personIds), eb('cases.representative_id', 'in', personIds)]))
          .orderBy(sql`cases.closed_at is null`, 'desc')
          .orderBy('cases.updated_at', 'desc')
          .limit(limit)
          .execute()
      : [],
    tsquery
      ? select
          .select(sql<number>`ts_rank(cases.search, ${tsquery})`.as('rank'))
          .where(sql<boolean>`cases.search @@ ${tsquery}`)
          .where('cases.closed_at', 'is', null)
          .orderBy('cases.updated_at', 'desc')
          .limit(limit * 5)
          .execute()
      : [],
  ]);

  const merged = new Map<string, { row: (typeof byPerson)[number]; reasons: Set<MatchReason>; score: number }>();
  for (const row of byPerson) {
    const hit = reasonsByPerson.get(row.complainant_id) ?? reasonsByPerson.get(row.representative_id ?? '');
    merged.set(row.id, { row, reasons: new Set(hit?.reasons), score: (hit?.score ?? 0) * 10 });
  }
  for (const row of byText) {
    const entry = merged.get(row.id) ?? { row, reasons: new Set<MatchReason>(), score: 0 };
    entry.reasons.add('similarText');
    entry.score += Number((row as { rank?: number }).rank ?? 0) * 10;
    merged.set(row.id, entry);
  }
  return [...merged.values()]
    .sort((a, b) => Number(b.row.closed_at === null) - Number(a.row.closed_at === null) || b.score - a.score)
    .slice(0, limit)
    .map((m) => ({ ...m.row, reasons: [...m.reasons] }));
}

/** The longer words carry the meaning; short function words would match everything. */
function significantWords(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 5)
    .slice(0, 10)
    .join(' ');
}
