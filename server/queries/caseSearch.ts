import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { caseSummaries } from './cases.ts';
import { caseReadScope } from './scope.ts';

/**
 * Full-text search over cases with Dutch stemming. Dutch compounds are not split by the stemmer, so
 * every word is also a prefix ("geluid" finds "geluidsoverlast"). The prefix must not be stemmed
 * itself ("parkeer" would become "parker" and miss "parkeervergunning"), so each word matches its
 * Dutch stem or, unstemmed, as a prefix; Dutch stop words get no prefix of their own.
 */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2)
    .slice(0, 12);
}

export function prefixTsQuery(text: string, joiner: 'and' | 'or' = 'and'): RawBuilder<unknown> | null {
  const words = searchWords(text);
  if (!words.length) return null;
  const terms = words.map(
    (w) =>
      sql`(to_tsquery('dutch', ${`${w}:*`}) || (case when numnode(to_tsquery('dutch', ${w})) = 0 then ''::tsquery else to_tsquery('simple', ${`${w}:*`}) end))`,
  );
  return sql`(${sql.join(terms, joiner === 'and' ? sql` && ` : sql` || `)})`;
}

const REFERENCE = /^[A-Z]{1,6}-\d{4}-\d{1,6}$/i;

/**
 * How many of the actor's most recently changed cases the first look reads. Enough that a word
 * any real number of cases contain gives a full page from it, few enough to read in milliseconds.
 */
const RECENT = 5000;

/**
 * Most recently changed matches first, in two looks, because no one plan is fast for every word.
 * Walking cases newest first and testing each is fast for a common word (a page is found within
 * the first hundreds) but reads the whole table for a rare or misspelt one (2 s on a million
 * cases for "wachtijd"); the GIN index is fast for a rare word but returns every match of a
 * common one to be sorted. PostgreSQL cannot tell which kind a prefix query is, so: first the
 * newest RECENT cases; a full page there is the answer (every match outside them is older).
 * Otherwise the word is rare: all its matches from the GIN index, newest first.
 */
export async function searchCases(services: Services, actor: Actor, q: string, limit: number) {
  const base = caseSummaries(services, actor);
  const trimmed = q.trim();
  if (REFERENCE.test(trimmed)) {
    const [prefix, year, num] = trimmed.toUpperCase().split('-');
    return base.where('cases.reference', '=', `${prefix}-${year}-${num!.padStart(6, '0')}`).execute();
  }
  const tsquery = prefixTsQuery(trimmed);
  if (!tsquery) return [];
  const matches = (column: string) => sql<boolean>`${sql.ref(column)} @@ ${tsquery}`;
  const newestFirst = (ids: SelectQueryBuilder<any, any, { id: string }>) =>
    caseSummaries(services, actor)
      .where('cases.id', 'in', ids)
      .orderBy('cases.updated_at', 'desc')
      .orderBy('cases.id', 'desc')
      .limit(limit)
      .execute();

  // The match is tested outside the LIMIT subquery, so it can only filter those RECENT rows; in
  // their order, so the walk stops at the first page of matches.
  const recent = services.db
    .selectFrom('cases')
    .where(caseReadScope(actor))
    .select(['cases.id', 'cases.updated_at', 'cases.search'])
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id', 'desc')
    .limit(RECENT);
  const first = await newestFirst(
    services.db
      .selectFrom(recent.as('recent'))
      .select('recent.id')
      .where(matches('recent.search'))
      .orderBy('recent.updated_at', 'desc')
      .orderBy('recent.id', 'desc')
      .limit(limit),
  );
  if (first.length >= limit) return first;

  // A materialized CTE is computed on its own: from the GIN index, never by walking cases in
  // updated_at order (which the planner would pick for the LIMIT). Owners are joined after the LIMIT.
  // With several words only the rarest drives the index ("klacht wachtijd": every case has the one,
  // none the other, and intersecting them in the index took 300 ms); the rest filter its few rows.
  const lookup = (await rarestWord(services, recent, trimmed)) ?? tsquery;
  const all = services.db
    .with(
      (w) => w('matching').materialized(),
      (db) =>
        db
          .selectFrom('cases')
          .where(caseReadScope(actor))
          .where(sql<boolean>`cases.search @@ ${lookup}`)
          .select(['cases.id', 'cases.updated_at', 'cases.search']),
    )
    .selectFrom('matching')
    .select('matching.id')
    .where(matches('matching.search'))
    .orderBy('matching.updated_at', 'desc')
    .orderBy('matching.id', 'desc')
    .limit(limit);
  return newestFirst(all);
}

/**
 * Of several words, the one with the fewest matches among the recent cases (null for one word).
 * A stop word ("te", "de") makes an empty query that matches nothing: it is never the pick.
 */
async function rarestWord(services: Services, recent: SelectQueryBuilder<any, any, { search: unknown }>, text: string) {
  const words = searchWords(text);
  if (words.length < 2) return null;
  const queries = words.map((w) => prefixTsQuery(w)!);
  const row = (await services.db
    .selectFrom(recent.as('recent'))
    .select(
      queries.flatMap((q, i) => [
        sql<number>`count(*) filter (where recent.search @@ ${q})`.as(`c${i}`),
        sql<number>`numnode(${q})`.as(`n${i}`),
      ]),
    )
    .executeTakeFirstOrThrow()) as Record<string, number>;
  let best: number | null = null;
  queries.forEach((_, i) => {
    if (Number(row[`n${i}`]) > 0 && (best === null || Number(row[`c${i}`]) < Number(row[`c${best}`]))) best = i;
  });
  return best === null ? null : queries[best]!;
}
