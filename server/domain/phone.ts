import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { invalid } from './errors.ts';

/**
 * Phone numbers, Dutch and international, checked and normalised with libphonenumber-js (Google's
 * numbering plans, the `max` metadata: a number must fit its country's patterns, not only its length).
 * Stored as E.164 ("+31612345678") so "06-12345678", "+31 6 1234 5678" and "0031612345678" are one
 * number; shown in the national form for Dutch numbers ("06 12345678"), international otherwise.
 */
export const DEFAULT_PHONE_REGION: CountryCode = 'NL';

/** The characters people write numbers with; anything else (letters, "ext.") is not a number we take. */
export const PHONE_PATTERN = /^[0-9+\s()./-]{6,32}$/;

/** E.164 of a valid number, Dutch unless it starts with + or 00 and a country code; null when it is none. */
export function normalisePhone(raw: string, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  const trimmed = raw.trim();
  if (!PHONE_PATTERN.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, { defaultCountry: region, extract: false });
  return parsed?.isValid() && !parsed.ext ? parsed.number : null;
}

export const isValidPhone = (raw: string): boolean => normalisePhone(raw) !== null;

/** The one Dutch message for a number that is none (staff and API; the portal says it in its own words). */
export const PHONE_INVALID_MESSAGE =
  'Geen geldig telefoonnummer. Schrijf een Nederlands nummer als 06 12345678 of 020 123 4567, een buitenlands nummer met + en de landcode.';

/** A command's phone field as E.164; blank is none; a number that is none is refused, naming the field. */
export function phoneOrInvalid(raw: string | null | undefined, field: string): string | null {
  if (!raw?.trim()) return null;
  const phone = normalisePhone(raw);
  if (!phone) throw invalid(field, PHONE_INVALID_MESSAGE);
  return phone;
}

/**
 * A stored number as people read it: "06 12345678", "020 123 4567"; "+32 470 12 34 56" abroad.
 * Rows written before E.164 hold national digits ("0612345678"): they read the same. Anything that
 * is no number is shown as stored.
 */
export function formatPhone(stored: string): string {
  const parsed = parsePhoneNumberFromString(stored, DEFAULT_PHONE_REGION);
  if (!parsed?.isValid()) return stored;
  return parsed.country === DEFAULT_PHONE_REGION ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * Every form a stored number may have, for an exact (index-backed) lookup: E.164, and the forms the
 * earlier normaliser wrote before E.164 (national digits "0612345678" for a Dutch number, "0032…"
 * for one typed with 00). No migration rewrites old rows: a lookup asks for each form. Empty when
 * the input is no valid number.
 */
export function phoneLookupKeys(raw: string | null | undefined): string[] {
  const e164 = raw ? normalisePhone(raw) : null;
  if (!e164) return [];
  const parsed = parsePhoneNumberFromString(e164)!;
  const earlier =
    parsed.countryCallingCode === '31' ? `0${parsed.nationalNumber}` : `00${parsed.countryCallingCode}${parsed.nationalNumber}`;
  return [e164, earlier];
}

/** The stored value as E.164 where it is a number (old rows hold national digits), else as stored. */
export const canonicalPhone = (stored: string): string => normalisePhone(stored) ?? stored;

/**
 * A regular expression source that finds a stored number however people wrote it in free text:
 * "0612345678", "06-12 34 56 78", "+31 (0)6 1234 5678", "0031612345678" (to black out others' numbers).
 */
export function phoneTextPattern(stored: string): string | null {
  const e164 = normalisePhone(stored);
  if (!e164) return null;
  const parsed = parsePhoneNumberFromString(e164)!;
  const sep = '[\\s().\\/-]*';
  const spell = (digits: string) => [...digits].join(sep);
  const international = `(?:\\+|00)${sep}${spell(parsed.countryCallingCode)}${sep}(?:\\(0\\)${sep})?${spell(parsed.nationalNumber)}`;
  return parsed.countryCallingCode === '31' ? `(?:${international}|0${sep}${spell(parsed.nationalNumber)})` : international;
}
