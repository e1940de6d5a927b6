import { sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { caseScope } from './scope.ts';

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
  const base = services.db
    .selectFrom('cases')
    .where(caseScope(actor))
    .innerJoin('person as p', 'p.id', 'cases.complainant_id')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .leftJoin('team as t', 't.id', 'cases.assignee_team_id')
    .select([
      'cases.id', 'cases.reference', 'cases.process_key', 'cases.case_type', 'cases.status', 'cases.subject', 'cases.channel',
      'cases.received_at', 'cases.updated_at', 'cases.closed_at', 'cases.version', 'cases.handling_deadline', 'cases.handling_warn_from',
      'p.name as complainant_name', 'u.id as user_id', 'u.name as user_name', 't.id as team_id', 't.name as team_name',
    ]);
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
