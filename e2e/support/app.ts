import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { pinBrowserClock } from './datedTest.ts';
import { runLabel } from './pinnedClock.ts';

/** Screenshots of the main pages, kept as artefacts of the run (overwritten by the next one; a dated run's apart). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots', runLabel());
mkdirSync(SCREENSHOT_DIR, { recursive: true });

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Every page a journey visits is checked with axe-core (WCAG 2.1 A and AA): any violation fails
 * the test with the rule, its help text and the offending elements. A screenshot is taken too.
 */
export async function checkPage(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/^(Laden|Loading)…$/)).toHaveCount(0);
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(report, `axe violations on ${name} (${page.url()})`).toEqual([]);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The development login: a demo user's button on the login page. */
export async function loginAs(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(`^Inloggen als ${name}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${name}` })).toBeVisible();
}

/** The polite live region of the shell: what a screen reader announces. */
export const announcement = (page: Page) => page.locator('.kf-visually-hidden[role="status"]');

/** The element that has keyboard focus now. */
export const focused = (page: Page) => page.locator(':focus');

/** A second person at another desk: a browser context of their own (axe needs a real context), on the server's clock. */
export async function otherUser(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
  });
  await pinBrowserClock(context);
  return context.newPage();
}

/** A part of learning from complaints: "Analyse" in the main menu, then the part in that section's own menu. */
export async function openAnalysisPart(page: Page, part: 'Cijfers' | 'Rapportages' | 'Tevredenheid' | 'Register importeren') {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Analyse' }).click();
  await page.getByRole('navigation', { name: 'Onderdelen van Analyse' }).getByRole('link', { name: part, exact: true }).click();
}
