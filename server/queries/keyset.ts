import { invalid } from '../domain/errors.ts';

/** Opaque keyset cursors: the sort value and id of the last row, so pages never use OFFSET. */
export function encodeCursor(value: Date | string, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Only what encodeCursor writes: an ISO instant in the years 1–9999 (Date.parse also takes years
 * the database cannot store) and a real uuid (the query casts it), else the query would fail.
 */
const isInstant = (v: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !v.startsWith('0000') && new Date(v).toISOString() === v;

export function decodeCursor(cursor: string | undefined): { value: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1]) &&
      isInstant(parsed[0])
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    /* fall through to the error below */
  }
  throw invalid('cursor', 'De cursor is ongeldig.');
}

/** Counting a huge queue exactly costs a scan; past this many we say "10000+". */
export const COUNT_CAP = 10_000;
