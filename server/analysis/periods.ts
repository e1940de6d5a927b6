import { addDays, daysBetween } from '../domain/calendar/civilDate.ts';
import type { Granularity } from '../presenters/staff/dashboard.ts';

/**
 * Periods and buckets in civil days (Europe/Amsterdam: a case's day is the day it was received
 * there). A period is [from, to); its buckets are the calendar months, quarters, half-years or years
 * it touches, cut to the period. Pure: no clock, no database.
 */
export type Bucket = { key: string; from: string; to: string };

const pad2 = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number) => `${y}-${pad2(m)}-01`;

/** `YYYY-MM-01` plus n months. */
export function addMonthsToDay(day: string, n: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${pad2((i % 12) + 1)}${day.slice(7)}`;
}

const MONTHS: Record<Granularity, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

/** The first day of the calendar bucket holding `day`. */
export function bucketStart(day: string, g: Granularity): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const size = MONTHS[g];
  return ymd(y, Math.floor((m - 1) / size) * size + 1);
}

/** '2026-03', '2026-Q1', '2026-H1', '2026'. */
export function bucketKey(day: string, g: Granularity): string {
  const start = bucketStart(day, g);
  const y = start.slice(0, 4);
  const m = Number(start.slice(5, 7));
  if (g === 'month') return start.slice(0, 7);
  if (g === 'quarter') return `${y}-Q${(m - 1) / 3 + 1}`;
  if (g === 'halfYear') return `${y}-H${m === 1 ? 1 : 2}`;
  return y;
}

/** The buckets of [from, to), each cut to the period. */
export function bucketsOf(from: string, to: string, g: Granularity): Bucket[] {
  const out: Bucket[] = [];
  let start = bucketStart(from, g);
  while (start < to) {
    const next = addMonthsToDay(start, MONTHS[g]);
    out.push({ key: bucketKey(start, g), from: start < from ? from : start, to: next > to ? to : next });
    start = next;
  }
  return out;
}

/**
 * The previous period of equal length: as many calendar months back when the period is whole
 * months (a year against the year before), else as many days.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  if (from.endsWith('-01') && to.endsWith('-01')) {
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
    return { from: addMonthsToDay(from, -months), to: from };
  }
  return { from: addDays(from, -daysBetween(from, to)), to: from };
}

/** The same day a year earlier (29 February: 28 February). */
export function yearBefore(day: string): string {
  const y = Number(day.slice(0, 4)) - 1;
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${y}-${md}`;
}

/** Without a period in the URL: the twelve whole months before the current month, plus it so far. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const monthStart = `${today.slice(0, 7)}-01`;
  return { from: addMonthsToDay(monthStart, -11), to: addMonthsToDay(monthStart, 1) };
}

/** The period a request asks for: without one end, twelve months from (or up to) the other; without both, the default. */
export function requestedPeriod(today: string, from?: string, to?: string): { from: string; to: string } {
  if (from && to) return { from, to };
  if (from) return { from, to: addMonthsToDay(from, 12) };
  if (to) return { from: addMonthsToDay(to, -12), to };
  return defaultPeriod(today);
}
