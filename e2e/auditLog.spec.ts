import { expect, test } from '@playwright/test';
import { checkPage, loginAs, otherUser } from './support/app.ts';
import { createCase, openIntake, registerContact } from './support/intake.ts';

/**
 * The audit log as the privacy officer reads it: an agent registers a case and opens it; the
 * privacy officer finds who did what, when and from where by the case's reference, with the
 * complainant named from current data and nothing of the case's contents.
 */
test("the privacy officer sees who opened a complainant's case, and nothing of its contents", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const subject = 'Scootmobiel geweigerd in de bus';
  await loginAs(page, 'Mohammed El Amrani');
  await openIntake(page);
  await registerContact(page, {
    subject,
    body: 'De chauffeur liet mijn scootmobiel niet toe.',
    name: 'Henk Audit-Jansen',
    email: 'henk.auditjansen@example.org',
  });
  const kase = await createCase(page, { 'Product of dienst': 'Vervoer' });

  const officer = await otherUser(browser, baseURL);
  await loginAs(officer, 'Naima Bouzid');
  await officer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await officer.getByRole('link', { name: 'Auditlog' }).first().click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();

  // A person that is not an e-mail address or a person number: the field says so.
  await officer.getByLabel('Persoon').fill('henk');
  await officer.getByRole('button', { name: 'Zoeken' }).click();
  await expect(officer.getByRole('link', { name: 'Geen geldig e-mailadres.' })).toBeVisible();
  await checkPage(officer, 'audit-log-error');

  await officer.getByLabel('Persoon').fill('');
  await officer.getByLabel('Melding').fill(kase.reference);
  await officer.getByRole('button', { name: 'Zoeken' }).click();
  const table = officer.getByRole('table', { name: 'Gevonden regels, nieuwste eerst' });
  const opened = table
    .getByRole('row')
    .filter({ has: officer.getByRole('cell', { name: 'Melding bekeken', exact: true }) })
    .first();
  await expect(opened).toContainText('Mohammed El Amrani');
  await expect(opened).toContainText(kase.reference);
  await expect(opened).toContainText('Henk Audit-Jansen');
  await expect(table.getByRole('cell', { name: 'Wijziging: Melding registreren', exact: true })).toHaveCount(1);
  await expect(officer.getByRole('status').filter({ hasText: /regels? (gevonden|getoond)/ })).toBeVisible();
  // Nothing of the case itself: not its subject.
  await expect(officer.getByText(subject)).toHaveCount(0);
  await checkPage(officer, 'audit-log');
});
