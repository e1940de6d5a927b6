import { expect, type Page, test } from '@playwright/test';
import { announcement, checkPage, focused, loginAs } from './support/app.ts';
import { today } from './support/pinnedClock.ts';

/**
 * Issue 12 point 2, "any report can be scheduled to arrive by e-mail": the service manager filters
 * the analysis page and asks for it by e-mail every quarter; the subscription keeps the page's
 * filter (its link opens the same view), is paused, resumed and stopped, and asks for the periodic
 * analysis on Rapportages, all on the screen. The mail
 * itself (figures and a link, never names) is proven in server/jobs/reportMailer.test.ts.
 */
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** The first day of the next quarter after the server's today, as the screen writes it ("1 april 2026"). */
function nextQuarter(): string {
  const [y, m] = today().split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 4 ? `1 januari ${y + 1}` : `1 ${MONTHS[q * 3]} ${y}`;
}

function nextMonth(): string {
  const [y, m] = today().split('-').map(Number) as [number, number];
  return m === 12 ? `1 januari ${y + 1}` : `1 ${MONTHS[m]} ${y}`;
}

test('the service manager gets the filtered analysis every quarter by e-mail, pauses, resumes and stops it', async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, 'Marieke Hendriks');
  await mainNav(page).getByRole('link', { name: 'Analyse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analyse' })).toBeVisible();

  // A filter on the page: a ground (once the figures are in: the filter form starts afresh from them).
  await expect(page.getByRole('region', { name: 'Aantallen' })).toBeVisible();
  await page.getByText('Filteren op soort, grondslag, afdeling en meer').click();
  const ground = page.getByRole('combobox', { name: 'Grondslag', exact: true });
  const option = (await ground.locator('option').nth(1).getAttribute('value'))!;
  await ground.selectOption(option);
  await page.getByRole('button', { name: 'Tonen' }).click();
  await expect(page).toHaveURL(new RegExp(`ground=${option}`));

  const section = page.getByRole('region', { name: 'Overzicht per e-mail' });
  await expect(section.getByText('U krijgt nog geen overzichten per e-mail.')).toBeVisible();
  await section.getByLabel('Hoe vaak').selectOption({ label: 'Elk kwartaal' });
  await section.getByRole('button', { name: 'Stuur mij dit overzicht per e-mail' }).click();
  const item = section.getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`Analyse, elk kwartaal, gefilterd op grondslag. Volgende e-mail: ${nextQuarter()}.`);
  await expect(announcement(page)).toHaveText(
    `U krijgt dit overzicht voortaan elk kwartaal per e-mail. De eerste e-mail komt op ${nextQuarter()}.`,
  );
  await checkPage(page, 'report-mail-subscribed');

  // Its link opens the analysis with the same filter, without the page's period.
  const open = item.getByRole('link', { name: 'Openen: Analyse, elk kwartaal, gefilterd op grondslag' });
  await expect(open).toHaveAttribute('href', `/analyse?granularity=month&ground=${option}`);

  await item.getByRole('button', { name: /^Pauzeren: / }).click();
  await expect(item).toContainText('Gepauzeerd.');
  await expect(announcement(page)).toHaveText('Het overzicht per e-mail is gepauzeerd.');
  await item.getByRole('button', { name: /^Hervatten: / }).click();
  await expect(item).toContainText(`Volgende e-mail: ${nextQuarter()}.`);

  // Kept after a reload: it is the server's.
  await page.reload();
  await expect(section.getByRole('listitem')).toHaveCount(1);
  await section
    .getByRole('listitem')
    .getByRole('button', { name: /^Stoppen: / })
    .click();
  await expect(section.getByText('U krijgt nog geen overzichten per e-mail.')).toBeVisible();
  await expect(focused(page)).toHaveText('Mijn overzichten per e-mail');
  await checkPage(page, 'report-mail-stopped');

  // The periodic analysis by e-mail, from Rapportages.
  await page.getByRole('navigation', { name: 'Onderdelen van Analyse' }).getByRole('link', { name: 'Rapportages' }).click();
  const onReports = page.getByRole('region', { name: 'Overzicht per e-mail' });
  await expect(onReports.getByText(/cijfers van de periodieke analyse/)).toBeVisible();
  await onReports.getByRole('button', { name: 'Stuur mij dit overzicht per e-mail' }).click();
  await expect(onReports.getByRole('listitem')).toContainText(`Periodieke analyse, elke maand. Volgende e-mail: ${nextMonth()}.`);
  await checkPage(page, 'report-mail-periodic');
  await onReports.getByRole('button', { name: 'Stoppen: Periodieke analyse, elke maand' }).click();
  await expect(onReports.getByText('U krijgt nog geen overzichten per e-mail.')).toBeVisible();
});
