import { expect, test, type Page } from '@playwright/test';
import { announcement, checkPage, loginAs, otherUser } from './support/app.ts';
import { today } from './support/pinnedClock.ts';

/**
 * Seed 002 steps 3–5: the quality officer records an improvement measure from a complaint, its owner
 * puts it in place, the check finds it not effective and sends it back with a new date, the owner
 * puts it in place again and the second check closes it as effective, with the complaints of its
 * theme per month before and after as a table. Every page checked with axe.
 */
const DESCRIPTION = 'Bij drukte aan de telefoon een terugbelafspraak aanbieden in plaats van een wachtrij.';

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const region = (page: Page, name: string) => page.getByRole('region', { name });
/** The page itself, not the screen reader's live region that repeats the same notice. */
const main = (page: Page) => page.locator('#main');

test('the quality officer runs the measure loop, including "not effective" back to the owner', async ({ page, browser, baseURL }) => {
  // Two people, nine pages with axe: a long journey on a shared machine.
  test.setTimeout(300_000);
  await loginAs(page, 'Linda de Boer');
  await mainNav(page).getByRole('link', { name: 'Verbetermaatregelen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verbetermaatregelen' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Terugbelafspraken vastleggen/ })).toBeVisible();
  await checkPage(page, 'measures-open');
  await page.getByRole('link', { name: 'Te laat', exact: true }).click();
  await expect(page).toHaveURL(/view=overdue/);
  await expect(page.getByRole('link', { name: /^Standaardbrief over de wachttijd/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Terugbelafspraken vastleggen/ })).toHaveCount(0);
  await checkPage(page, 'measures-overdue');

  // From a complaint: the case page says what was done about it, and adds a measure.
  await page.getByRole('link', { name: 'Open', exact: true }).click();
  await page.getByRole('link', { name: /^Terugbelafspraken vastleggen/ }).click();
  const caseLink = region(page, 'Gekoppelde klachten').getByRole('link').first();
  const reference = (await caseLink.textContent())!.trim();
  await caseLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  const panel = region(page, 'Verbetermaatregelen');
  await panel.getByRole('button', { name: /^Verbetermaatregelen \(\d+\)$/ }).click();
  await expect(panel.getByRole('link', { name: /^Terugbelafspraken vastleggen/ })).toBeVisible();
  await checkPage(page, 'measures-case-panel');
  await panel.getByRole('link', { name: 'Maatregel toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe verbetermaatregel' })).toBeVisible();
  await expect(region(page, 'Klachten bij deze maatregel')).toContainText(reference);

  // Nothing filled in: the fields are named in the summary.
  await page.getByRole('button', { name: 'Maatregel vastleggen' }).click();
  await expect(page.getByRole('link', { name: 'Beschrijf de maatregel.' })).toBeVisible();
  await checkPage(page, 'measure-form-errors');
  await page.getByLabel('Wat is de maatregel?').fill(DESCRIPTION);
  await page.getByLabel('Eigenaar').selectOption({ label: 'Jeroen Mulder' });
  await page.getByLabel('Klaar op').fill('2026-04-15');
  await page.getByRole('button', { name: 'Maatregel vastleggen' }).click();
  await expect(main(page).getByText('De verbetermaatregel is vastgelegd. Het team van de eigenaar heeft bericht gekregen.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DESCRIPTION);
  await expect(region(page, 'Gegevens')).toContainText('Jeroen Mulder');
  await expect(page.getByRole('table', { name: /Klachten met dit thema per maand/ })).toBeVisible();
  await checkPage(page, 'measure-recorded');
  const measureUrl = page.url();

  // The owner hears of it, and puts it in place.
  const owner = await otherUser(browser, baseURL);
  await loginAs(owner, 'Jeroen Mulder');
  await expect(owner.getByText(/U bent eigenaar van de verbetermaatregel "Bij drukte aan de telefoon/)).toBeVisible();
  await owner.goto(measureUrl);
  // The owner moves the date a little earlier; the history keeps the old one.
  await owner.getByRole('button', { name: 'Beschrijving of datum wijzigen' }).click();
  await region(owner, 'Maatregel wijzigen').getByLabel('Klaar op').fill('2026-04-10');
  await owner.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(main(owner).getByText('De maatregel is gewijzigd.')).toBeVisible();
  await expect(region(owner, 'Geschiedenis')).toContainText('Datum: 15 april 2026 wordt 10 april 2026');
  await owner.getByLabel('Ingevoerd op').fill(today());
  await owner.getByRole('button', { name: 'Vastleggen: ingevoerd' }).click();
  await expect(main(owner).getByText('De maatregel is ingevoerd. Het team heeft bericht gekregen.')).toBeVisible();
  await expect(region(owner, 'Gegevens')).toContainText('Ingevoerd, te controleren');
  await checkPage(owner, 'measure-carried-out');

  // The check: not effective, back to the owner with a new date; the loop shows in the history.
  await page.reload();
  const check = region(page, 'Controle: werkt de maatregel?');
  await check.getByRole('button', { name: 'Controle vastleggen' }).click();
  await expect(check.getByText('Schrijf op hoe u het heeft gecontroleerd.')).toBeVisible();
  await check.getByLabel('Hoe heeft u het gecontroleerd?').fill('Tien gesprekken teruggeluisterd.');
  await check.getByLabel('Conclusie').fill('Drie bellers kregen geen terugbelafspraak aangeboden.');
  await check.getByLabel('Nee, terug naar de eigenaar').check();
  await check.getByLabel('Nieuwe datum voor de eigenaar').fill('2026-05-01');
  await check.getByRole('button', { name: 'Controle vastleggen' }).click();
  await expect(
    main(page).getByText('De controle is vastgelegd. De maatregel gaat terug naar de eigenaar met een nieuwe datum.'),
  ).toBeVisible();
  await expect(announcement(page)).toHaveText('De controle is vastgelegd. De maatregel gaat terug naar de eigenaar met een nieuwe datum.');
  await expect(region(page, 'Gegevens')).toContainText('1 mei 2026');
  const history = region(page, 'Geschiedenis');
  await expect(history).toContainText('Gecontroleerd: werkt nog niet. Terug naar de eigenaar, nieuwe datum');
  await expect(history).toContainText('Conclusie: Drie bellers kregen geen terugbelafspraak aangeboden.');
  await checkPage(page, 'measure-not-effective');

  // Round two: in place again, and this time it works.
  await owner.reload();
  await owner.getByLabel('Ingevoerd op').fill(today());
  await owner.getByRole('button', { name: 'Vastleggen: ingevoerd' }).click();
  await expect(region(owner, 'Gegevens')).toContainText('Ingevoerd, te controleren');
  await owner.context().close();
  await page.reload();
  await check.getByLabel('Hoe heeft u het gecontroleerd?').fill('Opnieuw tien gesprekken teruggeluisterd.');
  await check.getByLabel('Conclusie').fill('Iedere beller kreeg een terugbelafspraak.');
  await check.getByLabel('Ja, de maatregel is effectief').check();
  await check.getByRole('button', { name: 'Controle vastleggen' }).click();
  await expect(main(page).getByText('De controle is vastgelegd: de maatregel is effectief.')).toBeVisible();
  await expect(region(page, 'Gegevens')).toContainText('Effectief');
  await expect(check).toHaveCount(0);
  await expect(history.getByRole('listitem')).toHaveCount(6);
  await checkPage(page, 'measure-effective');

  await mainNav(page).getByRole('link', { name: 'Verbetermaatregelen' }).click();
  await page.getByRole('link', { name: 'Gecontroleerd en effectief' }).click();
  await expect(page.getByRole('link', { name: DESCRIPTION })).toBeVisible();
  await checkPage(page, 'measures-checked');
});
