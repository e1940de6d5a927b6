import { expect, test, type Page } from '@playwright/test';
import { announcement, checkPage, loginAs } from './support/app.ts';
import { daysFromToday, today } from './support/pinnedClock.ts';

/**
 * Issue 13 point 1, on the screens: the demo administrator adds a team, then two staff members
 * (one stands in for the other), gives one of them roles and the team, arranges the substitute
 * while she is away, changes her roles, and deactivates her; each change in "Wijzigingen". Only
 * objects made here are changed: the other journeys' demo users and teams stay as they are.
 */
const main = (page: Page) => page.locator('#main');
const region = (page: Page, name: string) => page.getByRole('region', { name });

/** Fills in the new-user form on screen and saves it; ends on the new person's page. */
async function fillUser(page: Page, name: string, email: string, roles: string[], team?: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Medewerker toevoegen' })).toBeVisible();
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('E-mailadres').fill(email);
  for (const role of roles) await page.getByRole('group', { name: 'Rollen' }).getByLabel(role, { exact: true }).check();
  if (team) await page.getByRole('group', { name: 'Teams' }).getByLabel(team, { exact: true }).check();
  await page.getByRole('button', { name: 'Medewerker opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(main(page).getByText('De medewerker is toegevoegd.')).toBeVisible();
}

test('the administrator adds users with roles and a team, arranges a substitute, and deactivates', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'Tom van Dijk');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers en teams' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sanne de Vries' })).toBeVisible();
  await checkPage(page, 'admin-users');

  // A team of its own, in a unit of its own.
  await page.getByRole('link', { name: 'Teams en afdelingen' }).click();
  await page.getByLabel('Naam van de nieuwe afdeling').fill('Afdeling Vergunningen');
  await page.getByRole('button', { name: 'Afdeling toevoegen' }).click();
  await expect(region(page, 'Afdelingen').getByRole('link', { name: 'Afdeling Vergunningen' })).toBeVisible();
  await page.getByLabel('Naam van het nieuwe team').fill('Team Omgevingsvergunning');
  await region(page, 'Teams').getByLabel('Afdeling').selectOption({ label: 'Afdeling Vergunningen' });
  await page.getByRole('button', { name: 'Team toevoegen' }).click();
  await expect(region(page, 'Teams').getByRole('link', { name: 'Team Omgevingsvergunning' })).toBeVisible();
  await expect(announcement(page)).toHaveText('Het team is toegevoegd.');
  await checkPage(page, 'admin-teams');

  // A form sent empty names what is missing.
  await page.getByRole('link', { name: 'Medewerkers', exact: true }).click();
  await page.getByRole('link', { name: 'Medewerker toevoegen' }).click();
  await page.getByRole('button', { name: 'Medewerker opslaan' }).click();
  await expect(page.getByRole('link', { name: 'Vul de naam in.' })).toBeVisible();
  await checkPage(page, 'admin-user-errors');

  await fillUser(page, 'Bram Vervanger', 'bram.vervanger@voorbeeld.example', ['Backoffice klachten']);
  await page.getByRole('link', { name: 'Terug naar gebruikers en teams' }).click();
  await page.getByRole('link', { name: 'Medewerker toevoegen' }).click();
  await fillUser(page, 'Ilse Jansen', 'ilse.jansen@voorbeeld.example', ['Backoffice klachten', 'Teamleider'], 'Team Omgevingsvergunning');
  await expect(page.getByRole('group', { name: 'Rollen' }).getByLabel('Teamleider', { exact: true })).toBeChecked();

  // Away for a week: Bram stands in.
  const substitutes = region(page, 'Vervanging bij afwezigheid');
  await substitutes.getByLabel('Vervanger').selectOption({ label: 'Bram Vervanger' });
  await substitutes.getByLabel('Eerste dag afwezig').fill(today());
  await substitutes.getByLabel('Laatste dag afwezig').fill(daysFromToday(7));
  await substitutes.getByRole('button', { name: 'Vervanger vastleggen' }).click();
  await expect(substitutes.getByText(/^Bram Vervanger vervangt Ilse Jansen van .+ tot en met .+/)).toBeVisible();
  await expect(main(page).getByText('De vervanging is vastgelegd.')).toBeVisible();

  // One role less; the change record says what it was and what it is.
  await page.getByRole('group', { name: 'Rollen' }).getByLabel('Teamleider', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(main(page).getByText('De wijzigingen zijn opgeslagen.')).toBeVisible();
  const changes = region(page, 'Wijzigingen');
  await expect(changes).toContainText('Rollen: Backoffice klachten, Teamleider wordt Backoffice klachten');
  await expect(changes).toContainText('Vervanger vastgelegd');
  await expect(changes).toContainText('Aangemaakt');

  await page.getByRole('button', { name: 'Deactiveren' }).click();
  await expect(main(page).getByText('Ilse Jansen is gedeactiveerd en uitgelogd.')).toBeVisible();
  await expect(main(page).getByText('Dit account is gedeactiveerd: Ilse Jansen kan niet inloggen.')).toBeVisible();
  await expect(changes.getByText('Gedeactiveerd', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Weer toegang geven' })).toBeVisible();
  await checkPage(page, 'admin-user');

  // The team knows who joined.
  await page.getByRole('link', { name: 'Terug naar gebruikers en teams' }).click();
  await page.getByRole('link', { name: 'Teams en afdelingen' }).click();
  await region(page, 'Teams').getByRole('link', { name: 'Team Omgevingsvergunning' }).click();
  await expect(region(page, 'Leden').getByRole('link', { name: 'Ilse Jansen' })).toBeVisible();
  await expect(region(page, 'Wijzigingen')).toContainText('Medewerker: Ilse Jansen');
});
