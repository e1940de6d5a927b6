import { test as base, type BrowserContext } from '@playwright/test';
import { serverNow } from './pinnedClock.ts';

export { expect } from '@playwright/test';

/** A browser context's clock set to the server's (pinned) time; it runs on from there. */
export const pinBrowserClock = (context: BrowserContext) => context.clock.install({ time: serverNow() });

/**
 * `test` for journeys whose dates matter: the browser's clock agrees with the server's pinned
 * clock, so a date the page computes and a date the server computes are of the same day.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    await pinBrowserClock(context);
    await use(context);
  },
});
