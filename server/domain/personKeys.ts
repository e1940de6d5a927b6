import { normalisePhone } from './phone.ts';

/**
 * The keys a returning complainant is recognised by. Only these two: a name is not unique
 * ("J. de Vries"), so a name alone never suggests or attaches a person.
 */
export const normaliseEmail = (raw: string | null | undefined): string | null => raw?.trim().toLowerCase() || null;

/** A phone key only for a valid number (a typed "06" is no one): its E.164 form. */
export const phoneKey = (raw: string | null | undefined): string | null => (raw ? normalisePhone(raw) : null);
