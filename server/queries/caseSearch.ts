import { sql, type RawBuilder } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { caseSummaries } from './cases.ts';

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
    (w) => sql`(to_tsquery('dutch', ${`${w}:*`}) || (case when numnode(to_tsquery('dutch', ${w})) = 0 then ''::tsquery else to_tsquery('simple', ${`${w}:*`}) end))`,
  );
  return sql`(${sql.join(terms, joiner === 'and' ? sql` && ` : sql` || `)})`;
}

const REFERENCE = /^[A-Z]{1,6}-\d{4}-\d{1,6}$/i;

export async function searchCases(services: Services, actor: Actor, q: string, limit: number) {
  const base = caseSummaries(services, actor);
  const trimmed = q.trim();
  if (REFERENCE.test(trimmed)) {
    const [prefix, year, num] = trimmed.toUpperCase().split('-');
    return base.where('cases.reference', '=', `${prefix}-${year}-${num!.padStart(6, '0')}`).execute();
  }
  const tsquery = prefixTsQuery(trimmed);
  if (!tsquery) return [];
  // Most recently changed matches first: an index-friendly order that keeps search fast on a million cases.
  return base
    .where(sql<boolean>`cases.search @@ ${tsquery}`)
    .orderBy('cases.updated_at', 'desc')
    .limit(limit)
    .execute();
}
