import type { Duration } from '../process/definition.ts';
import { addDays, AMSTERDAM, dateInZone, type IsoDate } from './civilDate.ts';
import type { BusinessCalendar } from './workingDays.ts';

/** The instant an Amsterdam civil day begins (00:00 local, CET or CEST). */
export function startOfDay(date: IsoDate): Date {
  // Amsterdam is UTC+1 or UTC+2: one of the two candidates is local midnight of that date.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(`${date}T00:00:00Z`);
    candidate.setUTCHours(candidate.getUTCHours() - offsetHours);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: AMSTERDAM, hour: '2-digit', hourCycle: 'h23' }).format(candidate);
    if (dateInZone(candidate, AMSTERDAM) === date && local === '00') return candidate;
  }
  throw new Error(`no Amsterdam midnight found for ${date}`);
}

/**
 * When a period that starts at `from` has passed. Hours run exactly; days and weeks end at the
 * same local time that many civil days later; working days end when the last one is over (the
 * next day's midnight), because "within 10 working days" includes all of the tenth.
 */
export function addDuration(from: Date, d: Duration, cal: BusinessCalendar): Date {
  if ('hours' in d) return new Date(from.getTime() + d.hours * 3_600_000);
  if ('workingDays' in d) {
    const last = cal.addWorkingDays(dateInZone(from, AMSTERDAM), d.workingDays);
    return startOfDay(addDays(last, 1));
  }
  const days = 'weeks' in d ? d.weeks * 7 : d.days;
  const today = dateInZone(from, AMSTERDAM);
  const msIntoDay = from.getTime() - startOfDay(today).getTime();
  return new Date(startOfDay(addDays(today, days)).getTime() + msIntoDay);
}
