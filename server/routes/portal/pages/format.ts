/**
 * Dates in words ("maandag 13 april 2026"): numbers such as 13-04-2026 are harder to read for
 * people who find forms difficult, and the weekday helps them plan. Always Dutch time.
 */
const TZ = 'Europe/Amsterdam';
const longFmt = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ });
const shortFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ });
const timeFmt = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TZ });

/** A calendar date ("2026-04-13") is read at noon so no time zone moves it to another day. */
const toDate = (v: string | Date) => (v instanceof Date ? v : /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T12:00:00Z`) : new Date(v));

export const longDate = (v: string | Date) => longFmt.format(toDate(v));
export const shortDate = (v: string | Date) => shortFmt.format(toDate(v));
export const clockTime = (v: string | Date) => timeFmt.format(toDate(v));

/** "dinsdag 14 april 2026 van 10:00 tot 11:00 uur" */
export const slotWhen = (start: string | Date, end: string | Date) =>
  `${longDate(start)} van ${clockTime(start)} tot ${clockTime(end)} uur`;

/** Today's date in the Netherlands as "2026-04-13" (a UTC date is yesterday's between 0 and 2 at night). */
export const todayIso = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TZ }).format(now);
