import { sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { caseSummaries } from './cases.ts';

/**
 * Full-text search over cases with Dutch stemming. Dutch compounds are not split by the stemmer, so
 * every word is also a prefix ("geluid" finds "geluidsoverlast"). A reference is looked up directly.
 */
export function toPrefixQuery(text: string, joiner: '&' | '|' = '&'): string | null {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2)
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((w) => `${w}:*`).join(` ${joiner} `);
}

const REFERENCE = /^[A-Z]{1,6}-\d{4}-\d{1,6}$/i;

export async function searchCases(services: Services, actor: Actor, q: string, limit: number) {
  const base = caseSummaries(services, actor);
  const trimmed = q.trim();
  if (REFERENCE.test(trimmed)) {
    const [prefix, year, num] = trimmed.toUpperCase().split('-');
    return base.where('cases.reference', '=', `${prefix}-${year}-${num!.padStart(6, '0')}`).execute();
  }
  const tsquery = toPrefixQuery(trimmed);
  if (!tsquery) return [];
  // Most recently changed matches first: an index-friendly order that keeps search fast on a million cases.
  return base
    .where(sql<boolean>`cases.search @@ to_tsquery('dutch', ${tsquery})`)
    .orderBy('cases.updated_at', 'desc')
    .limit(limit)
    .execute();
}
