import { expect, test } from '@playwright/test';
import { checkPage, loginAs, otherUser } from './support/app.ts';

/**
 * Retention as the records manager meets it: Beheer → Vernietiging lists the monthly proposals
 * (the demo register's not-handled and broken-off complaints of more than a year ago are due on
 * the pinned date); she opens the list, keeps one case with a reason (the list's own history says
 * so) and sees what approval would do, without approving (other journeys share the demo cases).
 * A coordinator sees Beheer → E-mail in quarantaine with its period.
 */
test('the records manager reviews the destruction list and keeps a case with a reason; quarantined mail has its page', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(45_000);
  await loginAs(page, 'Gerrit de Wit');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vernietigingslijsten' })).toBeVisible();
  const lists = page.getByRole('table', { name: 'Vernietigingslijsten, nieuwste eerst' });
  await expect(lists.getByRole('row').filter({ hasText: 'Wacht op goedkeuring' })).toHaveCount(1, { timeout: 15_000 });
  await checkPage(page, 'retention-lists');

  await lists.getByRole('row').filter({ hasText: 'Wacht op goedkeuring' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /^Vernietigingslijst \d{4}-\d{2}$/ })).toBeVisible();
  const cases = page.getByRole('table', { name: 'Meldingen op deze lijst' });
  await expect(cases.getByRole('row').nth(1)).toContainText('Wordt vernietigd');

  // No reason: the field says so.
  await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
  await expect(page.getByText('Geef een reden op van minstens 3 tekens.')).toBeVisible();
  const reference = (await page.getByLabel('Melding', { exact: true }).locator('option:checked').textContent())?.trim() ?? '';
  await page.getByLabel('Reden om te bewaren').fill('Er loopt nog een bezwaarprocedure');
  await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
  await expect(
    page
      .getByRole('alert')
      .or(page.locator('.utrecht-alert'))
      .filter({ hasText: `Melding ${reference} wordt bewaard.` }),
  ).toBeVisible();
  await expect(cases.getByRole('row').filter({ hasText: reference })).toContainText('Wordt bewaard: Er loopt nog een bezwaarprocedure');
  await expect(page.getByRole('table', { name: 'Wat er met deze lijst is gebeurd' })).toContainText(`Melding bewaard (${reference})`);
  await expect(page.getByRole('button', { name: 'Lijst goedkeuren en vernietigen' })).toBeVisible();
  await checkPage(page, 'retention-list');
  // Undo, so the list stays as the demo proposed it.
  await cases.getByRole('row').filter({ hasText: reference }).getByRole('button', { name: 'Niet meer bewaren' }).click();
  await expect(cases.getByRole('row').filter({ hasText: reference })).toContainText('Wordt vernietigd');

  const coordinator = await otherUser(browser, baseURL);
  await loginAs(coordinator, 'Kees Bakker');
  await coordinator.goto('/beheer/quarantaine');
  await expect(coordinator.getByRole('heading', { level: 1, name: 'E-mail in quarantaine' })).toBeVisible();
  await expect(coordinator.getByText('Na 30 dagen verwijdert Klachtflow hem zelf.', { exact: false })).toBeVisible();
  await checkPage(coordinator, 'quarantine');
});
