/**
 * Civil dates as `YYYY-MM-DD` strings. Statutory terms count calendar days in the Netherlands, so every
 * computation works on dates, never on instants: adding 42 days to an instant across a DST change would be
 * off by an hour and, near midnight, by a day. Instants are converted to an Amsterdam date exactly once.
 */

/** A calendar date `YYYY-MM-DD` without time or zone. */
export type IsoDate = string;
/** A `Date`, an ISO date `YYYY-MM-DD` (taken as a civil date), or an ISO timestamp with `Z` or an offset. */
export type DateInput = Date | string;

export const AMSTERDAM = 'Europe/Amsterdam';
export type SupportedTimeZone = typeof AMSTERDAM;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A timestamp without a zone would be read in the server's zone, which is exactly the bug this module prevents.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parseParts(date: string): [number, number, number] | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const probe = new Date(0);
  probe.setUTCFullYear(y, mo - 1, d);
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  return [y, mo, d];
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseParts(value) !== undefined;
}

export function assertIsoDate(value: string, what = 'date'): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`${what} is not a valid ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return value;
}

/** Days since 1970-01-01; the basis for all arithmetic. */
function toDayNumber(date: IsoDate): number {
  const p = parseParts(date);
  if (!p) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const d = new Date(0);
  d.setUTCFullYear(p[0], p[1] - 1, p[2]);
  return Math.round(d.getTime() / DAY_MS);
}

function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function civilDate(year: number, month: number, day: number): IsoDate {
  return assertIsoDate(`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** `b - a` in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The civil date of an instant in `timeZone` (2026-03-01T23:30Z → 2026-03-02 in Amsterdam). */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return civilDate(Number(parts.year), Number(parts.month), Number(parts.day));
}

/** Normalises any accepted input to a civil date in `timeZone`. Throws RangeError on anything ambiguous. */
export function toCivilDate(input: DateInput, timeZone: string = AMSTERDAM): IsoDate {
  if (input instanceof Date) return dateInZone(input, timeZone);
  if (DATE_RE.test(input)) return assertIsoDate(input);
  if (INSTANT_RE.test(input)) {
    const ms = Date.parse(input);
    if (!Number.isNaN(ms)) return dateInZone(new Date(ms), timeZone);
  }
  throw new RangeError(`Expected a Date, YYYY-MM-DD or an ISO timestamp with zone, got ${JSON.stringify(input)}`);
}

export const WEEKDAY_NAMES = {
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;
