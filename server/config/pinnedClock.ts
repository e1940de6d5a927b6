import { systemClock, type Clock } from '../commands/context.ts';

/**
 * KLACHTFLOW_PINNED_CLOCK, for tests only: the server's clock starts at a chosen instant and runs on
 * from there, so the browser journeys see the same dates on any day they run (a term that ends on a
 * Saturday, a holiday or in the next year), while timers, leases and sessions still see time pass.
 *
 * Refused unless DEMO is on or NODE_ENV=test: a production server always runs on the real time.
 */
export const PINNED_CLOCK_VARIABLE = 'KLACHTFLOW_PINNED_CLOCK';

/** An instant with its offset: 2026-12-05T09:00:00+01:00 or 2026-12-05T08:00:00Z. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The variable's instant, or undefined when it is not set; throws when it is malformed or not allowed here. */
export function parsePinnedClock(value: string | undefined, mode: { demo: boolean; test: boolean }): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const at = new Date(value.trim());
  if (!INSTANT.test(value.trim()) || Number.isNaN(at.getTime())) {
    throw new Error(
      `Invalid configuration: ${PINNED_CLOCK_VARIABLE} must be a date and time with its offset, e.g. 2026-12-05T09:00:00+01:00 (got "${value}")`,
    );
  }
  if (!mode.demo && !mode.test) {
    throw new Error(
      `Invalid configuration: ${PINNED_CLOCK_VARIABLE} is for tests only and is refused unless DEMO is on or NODE_ENV=test; ` +
        'remove it: a production server runs on the real time',
    );
  }
  return at;
}

/** A clock that reads `start` now and runs on with `real` from there. */
export function offsetClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

/** The server's clock: the real time, or the pinned one when the (test) environment asks for it. */
export const clockFromEnv = (env: { pinnedClock?: Date }): Clock => (env.pinnedClock ? offsetClock(env.pinnedClock) : systemClock);
