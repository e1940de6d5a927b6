/**
 * The date the browser journeys run on. Both Playwright configurations start their server with
 * KLACHTFLOW_PINNED_CLOCK (server/config/pinnedClock.ts): the server's clock starts at that instant
 * and runs on, so what the journeys see never depends on the day the suite runs. By default an
 * ordinary Wednesday; scripts/test.sh runs the journeys tagged @dates again on days that move terms
 * (a Saturday, the working day before a public holiday, across New Year).
 *
 * No Playwright imports here: the configurations load this file too.
 */
export const DEFAULT_PINNED_CLOCK = '2026-03-04T09:00:00+01:00';

/** The configurations' first load: the run's instant, inherited by the workers and the server. */
export function pinRun(): string {
  process.env.KLACHTFLOW_PINNED_CLOCK ||= DEFAULT_PINNED_CLOCK;
  return process.env.KLACHTFLOW_PINNED_CLOCK;
}

const pinnedAt = () => process.env.KLACHTFLOW_PINNED_CLOCK || DEFAULT_PINNED_CLOCK;

/**
 * The server's time as the journeys count it: the pinned instant. The server runs on from there by
 * the minutes a run takes; pinned at 09:00, its date stays the same, and the journeys compare dates.
 */
export const serverNow = (): Date => new Date(pinnedAt());

/** yyyy-mm-dd in the organisation's time zone. */
const civilDate = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(d);

/** The server's date today (Europe/Amsterdam), as yyyy-mm-dd. */
export const today = () => civilDate(serverNow());

/** The date `n` days after the server's today (negative: before), as yyyy-mm-dd. */
export function daysFromToday(n: number): string {
  const [y, m, d] = today().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Where a run keeps its artefacts: '' on the default date, `dated-2026-12-05` on another. */
export const runLabel = () => (pinnedAt() === DEFAULT_PINNED_CLOCK ? '' : `dated-${civilDate(new Date(pinnedAt()))}`);
