import { civilDate, type IsoDate } from './civilDate.ts';

/**
 * A period of whole months from a day (Regulation 1182/71 art. 3(2)(c), which the AVG's "one month"
 * follows): it ends on the same date that many months later, or on the last day of that month when
 * it has no such date (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return civilDate(year, month, Math.min(d, last));
}
