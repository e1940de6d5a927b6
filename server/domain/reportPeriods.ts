import { addDays, civilDate, dayOfWeek, type IsoDate } from './calendar/civilDate.ts';

/**
 * The periods of a scheduled report mail, in civil days (Europe/Amsterdam): a week runs Monday to
 * Sunday, a month and a quarter as on the calendar. A mail sent on a day covers the last complete
 * period before it, [from, to) with `to` exclusive as the dashboard counts; the next one is due on
 * the first day of the next period. Pure: the caller gives today (the fake clock in tests).
 */
export type Frequency = 'weekly' | 'monthly' | 'quarterly';
export type ReportPeriod = { from: IsoDate; to: IsoDate };

const ym = (d: IsoDate) => ({ y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)) });
const firstOfMonth = (y: number, m: number): IsoDate => {
  const months = y * 12 + (m - 1);
  return civilDate(Math.floor(months / 12), (months % 12) + 1, 1);
};

/** The first day of the period that holds `day`. */
export function periodStart(frequency: Frequency, day: IsoDate): IsoDate {
  if (frequency === 'weekly') return addDays(day, -((dayOfWeek(day) + 6) % 7));
  const { y, m } = ym(day);
  return frequency === 'monthly' ? firstOfMonth(y, m) : firstOfMonth(y, m - ((m - 1) % 3));
}

/** The first day of the period after the one that starts on `start`. */
function shift(frequency: Frequency, start: IsoDate, by: 1 | -1): IsoDate {
  if (frequency === 'weekly') return addDays(start, 7 * by);
  const { y, m } = ym(start);
  return firstOfMonth(y, m + (frequency === 'monthly' ? 1 : 3) * by);
}

/** The last complete period before `today`: last week, last month, last quarter. */
export function lastCompletePeriod(frequency: Frequency, today: IsoDate): ReportPeriod {
  const to = periodStart(frequency, today);
  return { from: shift(frequency, to, -1), to };
}

/** The day the next mail is due after one sent (or subscribed) on `today`: the next period's first day. */
export function nextRunAfter(frequency: Frequency, today: IsoDate): IsoDate {
  return shift(frequency, periodStart(frequency, today), 1);
}
