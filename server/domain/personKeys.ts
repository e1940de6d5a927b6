import { normalisePhone } from './phone.ts';

/**
 * The keys a returning complainant is recognised by. Only these two: a name is not unique
 * ("J. de Vries"), so a name alone never suggests or attaches a person.
 */
export const normaliseEmail = (raw: string | null | undefined): string | null => raw?.trim().toLowerCase() || null;

/** A phone key only when enough digits remain to tell people apart (a typed "06" is no one). */
export function phoneKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const phone = normalisePhone(raw);
  return phone.replace(/\D/g, '').length >= 8 ? phone : null;
}
