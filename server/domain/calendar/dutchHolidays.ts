/**
 * "Algemeen erkende feestdagen" of the Algemene termijnenwet (Atw) art. 3, which decide when a statutory term
 * that ends on one of them moves forward (Atw art. 1). Source: docs/reference/legal-requirements.md row AWB-24
 * and §2.4 (Atw art. 1 and 3 as quoted by juridischwoordenboek.nl / staatsrechtpraktijk.nl / nl.wikipedia).
 *
 * Deliberately NOT in the list: Easter Sunday and Whit Sunday (art. 3 names only the *second* days; the first
 * days are Sundays anyway), and any collective-agreement day off. Days designated under art. 3 lid 3 (e.g. a
 * Friday after Ascension, when a decree says so) are not predictable and come in as configuration.
 */
import { addDays, assertIsoDate, civilDate, dayOfWeek, type IsoDate, yearOf } from './civilDate.ts';

export type HolidayKey =
  | 'newYearsDay'
  | 'goodFriday'
  | 'easterMonday'
  | 'kingsDay'
  | 'liberationDay'
  | 'ascensionDay'
  | 'whitMonday'
  | 'christmasDay'
  | 'boxingDay'
  | 'designated';

export type Holiday = {
  date: IsoDate;
  key: HolidayKey;
  name: { nl: string; en: string };
  /** Where the day comes from, so a lawyer can check the list without reading code. */
  source: string;
};

/**
 * The King's Day rule (27 April, 26 April when the 27th is a Sunday) holds from 2014; earlier years had
 * Koninginnedag on other dates, and 5 May was not a yearly holiday before 1990. Rather than encode that history
 * for deadlines no complaint will ever have, years outside the current law are refused.
 */
export const FIRST_SUPPORTED_YEAR = 2014;
export const LAST_SUPPORTED_YEAR = 9999;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Holiday year must be an integer ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}, got ${year}`);
  }
}

/** Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Gregorian year expected, got ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilDate(year, month, day);
}

/**
 * Art. 3 names "de dag waarop de verjaardag van de Koning wordt gevierd", so the celebrated date counts, not the
 * birthday: 27 April, or Saturday 26 April when the 27th is a Sunday.
 */
export function kingsDay(year: number): IsoDate {
  assertYear(year);
  const april27 = civilDate(year, 4, 27);
  return dayOfWeek(april27) === 0 ? addDays(april27, -1) : april27;
}

const ATW3 = 'Algemene termijnenwet art. 3 lid 1';

/** The statutory holidays of `year`, sorted by date, without configured extra days. */
export function statutoryHolidays(year: number): Holiday[] {
  assertYear(year);
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: civilDate(year, 1, 1), key: 'newYearsDay', name: { nl: 'Nieuwjaarsdag', en: "New Year's Day" }, source: ATW3 },
    // Good Friday is not in art. 3 lid 1 but is "gelijkgesteld" by art. 3 lid 2 (legal-requirements AWB-24);
    // it is not a general day off for employees, which is why it is easy to forget.
    {
      date: addDays(easter, -2),
      key: 'goodFriday',
      name: { nl: 'Goede Vrijdag', en: 'Good Friday' },
      source: 'Algemene termijnenwet art. 3 lid 2',
    },
    { date: addDays(easter, 1), key: 'easterMonday', name: { nl: 'Tweede Paasdag', en: 'Easter Monday' }, source: ATW3 },
    { date: kingsDay(year), key: 'kingsDay', name: { nl: 'Koningsdag', en: "King's Day" }, source: ATW3 },
    // Every year, not only lustrum years: the Atw lists "de vijfde mei" without condition.
    { date: civilDate(year, 5, 5), key: 'liberationDay', name: { nl: 'Bevrijdingsdag', en: 'Liberation Day' }, source: ATW3 },
    { date: addDays(easter, 39), key: 'ascensionDay', name: { nl: 'Hemelvaartsdag', en: 'Ascension Day' }, source: ATW3 },
    { date: addDays(easter, 50), key: 'whitMonday', name: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' }, source: ATW3 },
    { date: civilDate(year, 12, 25), key: 'christmasDay', name: { nl: 'Eerste Kerstdag', en: 'Christmas Day' }, source: ATW3 },
    { date: civilDate(year, 12, 26), key: 'boxingDay', name: { nl: 'Tweede Kerstdag', en: 'Boxing Day' }, source: ATW3 },
  ];
  // Ascension can fall on 5 May (2016): both entries are kept so each name stays visible.
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Validates configured extra days (Atw art. 3 lid 3); throws RangeError naming the bad entry. */
export function parseExtraHolidays(extra: readonly string[] = []): IsoDate[] {
  return [...new Set(extra.map((d, i) => assertIsoDate(d, `extraHolidays[${i}]`)))].sort();
}

/** Statutory holidays of `year` plus the configured extra days that fall in that year, sorted by date. */
export function dutchHolidays(year: number, extraHolidays: readonly string[] = []): Holiday[] {
  const statutory = statutoryHolidays(year);
  const extra: Holiday[] = parseExtraHolidays(extraHolidays)
    .filter((d) => yearOf(d) === year)
    .map((date) => ({
      date,
      key: 'designated' as const,
      name: { nl: 'Aangewezen feestdag', en: 'Designated holiday' },
      source: 'Algemene termijnenwet art. 3 lid 3 (configuratie)',
    }));
  return [...statutory, ...extra].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
