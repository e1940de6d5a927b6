import { expect, test } from '@playwright/test';
import { announcement, checkPage, loginAs, otherUser } from './support/app.ts';

test('the dispatcher assigns unassigned contacts in bulk, from the keyboard', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await checkPage(page, 'login');

  // The skip link is the first thing a keyboard reaches, and it leads to the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await loginAs(page, 'Petra Jansen');
  await checkPage(page, 'home-dispatcher');

  await page.getByRole('link', { name: /Nog niet toegewezen: verdelen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Werkvoorraad: Niet toegewezen' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Niet toegewezen (4)' })).toHaveAttribute('aria-current', 'page');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole('status').filter({ hasText: '4 activiteiten getoond' })).toBeVisible();
  await checkPage(page, 'queue-unassigned');

  // Filters go into the URL and apply on the button.
  await page.getByLabel('Kanaal').selectOption('email');
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await expect(page).toHaveURL(/channel=email/);
  await expect(page.getByText('Geen activiteiten gevonden met deze filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(rows).toHaveCount(4);

  // Select two with the keyboard (Space on a checkbox), choose a colleague, assign.
  const subjects = [await rows.nth(0).getByRole('link').first().innerText(), await rows.nth(1).getByRole('link').first().innerText()];
  await rows.nth(0).getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await rows.nth(1).getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('2 geselecteerd')).toBeVisible();
  await page.getByLabel('Team', { exact: true }).last().selectOption({ label: 'KCC eerste lijn' });
  await page.getByLabel('Medewerker').selectOption({ label: 'Sanne de Vries' });
  await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
  await expect(announcement(page)).toHaveText('2 toegewezen.');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Niet toegewezen (2)' })).toBeVisible();
  await checkPage(page, 'queue-after-assign');

  // Sanne finds them in her own tasks and can release nothing (they are hers, not team tasks she claimed).
  const sanne = await otherUser(browser, baseURL);
  await loginAs(sanne, 'Sanne de Vries');
  const mine = sanne.getByRole('region', { name: 'Mijn taken' });
  for (const s of subjects) await expect(mine.getByRole('link', { name: s }).first()).toBeVisible();
  await checkPage(sanne, 'home-agent');
  await sanne.context().close();
});

test('the work queue speaks English on request, and the choice is kept', async ({ page }) => {
  await loginAs(page, 'Petra Jansen');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Petra Jansen' })).toBeVisible();
  await page.getByRole('link', { name: 'Work queue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Work queue: /);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Work queue' })).toBeVisible();
  await checkPage(page, 'queue-english');
  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});
