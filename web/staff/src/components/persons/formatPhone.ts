import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A stored number (E.164, "+31612345678") as people read it: the national form for a Dutch number
 * ("06 12345678", "020 123 4567"), the international form otherwise ("+32 470 12 34 56"); anything
 * else as it is. The `min` metadata: formatting needs no validation patterns (the server checks).
 * Only lazy screens (case, intake) import this, so the start page does not load it.
 */
export function formatPhone(stored: string | null | undefined): string | null {
  if (!stored) return null;
  const parsed = parsePhoneNumberFromString(stored, 'NL');
  if (!parsed) return stored;
  return parsed.country === 'NL' ? parsed.formatNational() : parsed.formatInternational();
}
