import type { Language } from './texts.ts';

/**
 * Dates in words ("maandag 13 april 2026", "Monday, 13 April 2026"): numbers such as 13-04-2026 are
 * harder to read for people who find forms difficult, and the weekday helps them plan. Always Dutch
 * time, in the page's language.
 */
const TZ = 'Europe/Amsterdam';
const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
const formats = (locale: string) => ({
  long: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ }),
  short: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ }),
  time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TZ }),
});
const FORMATS = { nl: formats(LOCALE.nl), en: formats(LOCALE.en) };

/** A calendar date ("2026-04-13") is read at noon so no time zone moves it to another day. */
const toDate = (v: string | Date) => (v instanceof Date ? v : /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T12:00:00Z`) : new Date(v));

export const longDate = (v: string | Date, lang: Language = 'nl') => FORMATS[lang].long.format(toDate(v));
export const shortDate = (v: string | Date, lang: Language = 'nl') => FORMATS[lang].short.format(toDate(v));
export const clockTime = (v: string | Date, lang: Language = 'nl') => FORMATS[lang].time.format(toDate(v));

/** Today's date in the Netherlands as "2026-04-13" (a UTC date is yesterday's between 0 and 2 at night). */
export const todayIso = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TZ }).format(now);
