/**
 * The business calendar of one organisation: weekends, Atw holidays and configured extra days, all judged in
 * Europe/Amsterdam. A complaint that arrives at 00:30 Amsterdam time was received "that" day even though UTC
 * still says the day before; deadlines count from the Amsterdam date.
 */
import {
  addDays,
  AMSTERDAM,
  type DateInput,
  dayOfWeek,
  type IsoDate,
  type SupportedTimeZone,
  toCivilDate,
  WEEKDAY_NAMES,
  yearOf,
} from './civilDate.ts';
import { dutchHolidays, type Holiday, parseExtraHolidays } from './dutchHolidays.ts';

export type Bilingual = { nl: string; en: string };

export type BusinessCalendarOptions = {
  /** Days designated under Atw art. 3 lid 3 (or by the organisation), as `YYYY-MM-DD`. */
  extraHolidays?: readonly string[];
  timeZone: SupportedTimeZone;
};

/** A term's end before and after the Algemene termijnenwet, with the reason shown to users. */
export type TermEnd = {
  rawEnd: IsoDate;
  adjustedEnd: IsoDate;
  /** null when the raw end was already a working day. */
  adjustmentReason: Bilingual | null;
};

export type BusinessCalendar = {
  readonly timeZone: SupportedTimeZone;
  /** The Amsterdam civil date of an instant, or the date itself for `YYYY-MM-DD`. */
  toDate(input: DateInput): IsoDate;
  holidaysIn(year: number): Holiday[];
  holidayOn(date: DateInput): Holiday | undefined;
  isWorkingDay(date: DateInput): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: DateInput): IsoDate;
  /**
   * Counts `n` working days, starting the day after `date` (Friday + 1 = Monday). `n = 0` returns `date`
   * unchanged; a negative `n` counts backwards.
   */
  addWorkingDays(date: DateInput, n: number): IsoDate;
  /** Atw art. 1: a statutory term ending on a Saturday, Sunday or holiday ends on the next working day. */
  adjustTermEnd(rawEnd: DateInput): TermEnd;
};

// A working-day loop over a bad calendar (e.g. every day configured as holiday) must fail, not hang.
const MAX_SCAN_DAYS = 366;

export function createBusinessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  if (options.timeZone !== AMSTERDAM) {
    // The Atw is Dutch law; another zone would silently shift receipt dates.
    throw new RangeError(`Only ${AMSTERDAM} is supported, got ${String(options.timeZone)}`);
  }
  const extra = parseExtraHolidays(options.extraHolidays);
  const byYear = new Map<number, Map<IsoDate, Holiday>>();

  const holidaysIn = (year: number): Holiday[] => dutchHolidays(year, extra);
  const indexFor = (year: number): Map<IsoDate, Holiday> => {
    let index = byYear.get(year);
    if (!index) {
      index = new Map();
      // First entry per date wins; statutory days sort before designated ones on the same date.
      for (const h of holidaysIn(year)) if (!index.has(h.date)) index.set(h.date, h);
      byYear.set(year, index);
    }
    return index;
  };

  const toDate = (input: DateInput): IsoDate => toCivilDate(input, AMSTERDAM);
  const holidayOnDate = (d: IsoDate) => indexFor(yearOf(d)).get(d);
  const isWorking = (d: IsoDate) => {
    const dow = dayOfWeek(d);
    return dow !== 0 && dow !== 6 && holidayOnDate(d) === undefined;
  };
  const step = (from: IsoDate, direction: 1 | -1): IsoDate => {
    let d = from;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      d = addDays(d, direction);
      if (isWorking(d)) return d;
    }
    throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days of ${from}; check extraHolidays`);
  };

  return {
    timeZone: AMSTERDAM,
    toDate,
    holidaysIn,
    holidayOn: (date) => holidayOnDate(toDate(date)),
    isWorkingDay: (date) => isWorking(toDate(date)),
    nextWorkingDay: (date) => step(toDate(date), 1),
    addWorkingDays(date, n) {
      if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
      let d = toDate(date);
      for (let i = 0; i < Math.abs(n); i++) d = step(d, n > 0 ? 1 : -1);
      return d;
    },
    adjustTermEnd(rawEndInput) {
      const rawEnd = toDate(rawEndInput);
      if (isWorking(rawEnd)) return { rawEnd, adjustedEnd: rawEnd, adjustmentReason: null };
      const adjustedEnd = step(rawEnd, 1);
      return { rawEnd, adjustedEnd, adjustmentReason: adjustmentReason(rawEnd, holidayOnDate(rawEnd)) };
    },
  };
}

function adjustmentReason(rawEnd: IsoDate, holiday: Holiday | undefined): Bilingual {
  const dow = dayOfWeek(rawEnd);
  // A holiday name says more than "zaterdag" when both apply (King's Day on 26 April is always a Saturday).
  const nl = holiday ? `${holiday.name.nl}, een algemeen erkende feestdag` : WEEKDAY_NAMES.nl[dow];
  const en = holiday ? `${holiday.name.en}, a public holiday` : `a ${WEEKDAY_NAMES.en[dow]}`;
  return {
    nl: `Eindigt op ${nl}; verschoven naar de eerstvolgende werkdag (Algemene termijnenwet art. 1)`,
    en: `Ends on ${en}; moved to the next working day (Algemene termijnenwet s. 1)`,
  };
}
