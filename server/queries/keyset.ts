import { invalid } from '../domain/errors.ts';

/** Opaque keyset cursors: the sort value and id of the last row, so pages never use OFFSET. */
export function encodeCursor(value: Date | string, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { value: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && /^[0-9a-f-]{36}$/.test(parsed[1])) {
      if (Number.isNaN(Date.parse(parsed[0]))) throw new Error('bad date');
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    /* fall through to the error below */
  }
  throw invalid('cursor', 'De cursor is ongeldig.');
}

/** Counting a huge queue exactly costs a scan; past this many we say "10000+". */
export const COUNT_CAP = 10_000;
