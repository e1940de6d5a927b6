import { expect, test } from '@playwright/test';
import { checkPage, loginAs, otherUser } from './support/app.ts';
import { createCase, openIntake, registerContact } from './support/intake.ts';

/**
 * AVG art. 15-18 as the privacy officer does it: find the person, register a request for a
 * restriction, restrict, download their data; the agent sees on the case page that it is read-only,
 * and marks a note as holding data of others.
 */
test('the privacy officer restricts processing for a complainant and downloads their data; the case says it is read-only', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  await loginAs(page, 'Mohammed El Amrani');
  await openIntake(page);
  await registerContact(page, {
    subject: 'Lantaarnpaal kapot',
    body: 'De lantaarnpaal voor mijn deur brandt al weken niet.',
    name: 'Wilma Verbeek-Odinga',
    email: 'wilma.verbeek@example.org',
  });
  const kase = await createCase(page, { 'Product of dienst': 'Openbare verlichting' });
  // A note about someone else: marked, so an access export leaves it out.
  await page.getByRole('button', { name: /^Interne notities/ }).click();
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await page.getByLabel('Nieuwe notitie').fill('Buurman belde ook over zijn gezondheid.');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  const notes = page.getByRole('region', { name: 'Interne notities' });
  await expect(notes.getByText('Buurman belde ook over zijn gezondheid.')).toBeVisible();
  await notes.getByRole('button', { name: 'Markeer: bevat gegevens van anderen' }).click();
  await expect(notes.getByText('Bevat gegevens van anderen', { exact: true })).toBeVisible();

  const officer = await otherUser(browser, baseURL);
  await loginAs(officer, 'Naima Bouzid');
  await officer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await officer.getByRole('link', { name: 'Verzoeken van betrokkenen' }).first().click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Verzoeken van betrokkenen' })).toBeVisible();
  await officer.getByRole('button', { name: 'Nieuw verzoek registreren' }).click();
  await officer.getByLabel('Zoek de persoon op naam of e-mailadres').fill('Verbeek-Odinga');
  await officer.getByRole('button', { name: 'Zoeken' }).click();
  await officer.getByLabel(/^Wilma Verbeek-Odinga \(wilma\.verbeek@example\.org\), 1 meldingen$/).check();
  await officer.getByLabel('Soort verzoek').selectOption({ label: 'Beperking van de verwerking (art. 18)' });
  await checkPage(officer, 'subject-request-new');
  await officer.getByRole('button', { name: 'Verzoek registreren' }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Verzoek om beperking van de verwerking (art. 18)' })).toBeVisible();
  await officer.getByRole('button', { name: 'Verwerking beperken' }).click();
  await expect(officer.getByRole('alert').or(officer.locator('.utrecht-alert')).first()).toContainText('De verwerking is beperkt.');
  const download = officer.waitForEvent('download');
  await officer.getByRole('link', { name: 'Gegevens downloaden (ZIP)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^inzage-persoonsgegevens-\d{4}-\d{2}-\d{2}\.zip$/);
  await checkPage(officer, 'subject-request-restricted');

  await page.goto(kase.url);
  await expect(page.getByText(/De verwerking van deze melding is beperkt op verzoek van een betrokkene/)).toBeVisible();
  await checkPage(page, 'case-restricted');
});
