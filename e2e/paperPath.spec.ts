import { expect, test } from '@playwright/test';
import { checkPage, focused, loginAs } from './support/app.ts';

/**
 * Seed 003: someone without e-mail at the counter. The confirmation with the step plan is printed
 * at once, waits in the letters to post ("Te versturen post") and is marked posted there.
 */
test('counter intake without e-mail: print the confirmation, then post it from the to-post list', async ({ page }) => {
  await loginAs(page, 'Mohammed El Amrani');
  await page.getByRole('link', { name: 'Telefoontje of baliebezoek registreren' }).click();
  await page.getByLabel('Kanaal').selectOption('counter');
  await page.getByLabel(/^Onderwerp/).fill('Hulp voor mijn neef bij zijn aanvraag');
  await page.getByLabel('Wat vertelt de klant?').fill('Mijn neef kan zijn uitkering niet zelf aanvragen en niemand helpt ons.');
  await page.getByLabel('Naam', { exact: true }).fill('Youssef Balie');
  await page.getByLabel('Straat en huisnummer').fill('Spui 70');
  await page.getByLabel('Postcode').fill('2511 BT');
  await page.getByLabel('Plaats').fill('Den Haag');
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  await expect(page.getByRole('heading', { name: 'Is er al een melding?' })).toBeVisible();

  // No address: the screen says everything goes by letter; the language is asked.
  await expect(page.getByText('Er is geen e-mailadres ingevuld: de klager krijgt alles per brief.')).toBeVisible();
  await expect(page.getByLabel('Taal van de berichten')).toHaveValue('nl');
  await page.getByLabel('Product of dienst').fill('Uitkering');
  await page.getByRole('button', { name: 'Nieuwe melding maken' }).click();

  const title = page.getByRole('heading', { level: 2, name: /^Melding KL-\d{4}-\d{6} is geregistreerd$/ });
  await expect(title).toBeVisible();
  await expect(focused(page)).toHaveText((await title.textContent())!);
  const reference = (await title.textContent())!.match(/KL-\d{4}-\d{6}/)![0];
  const print = page.getByRole('link', { name: 'Bevestiging afdrukken (PDF)' });
  await expect(print).toBeVisible();
  await checkPage(page, 'paper-intake-confirmation');
  const pdf = await page.request.get((await print.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The same letter waits in the to-post list until someone marks it posted.
  await page.getByRole('link', { name: 'Naar te versturen post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Te versturen post' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('Ontvangstbevestiging met stappenplan');
  await expect(row).toContainText('Spui 70');
  await expect(row).toContainText('2511 BT Den Haag');
  await checkPage(page, 'paper-to-post');
  await row.getByRole('button', { name: 'Ontvangstbevestiging met stappenplan voor Youssef Balie: op de post gedaan' }).click();
  await expect(page.getByRole('row').filter({ hasText: reference })).toHaveCount(0);

  await page.getByRole('button', { name: 'Laatst verstuurde brieven tonen' }).click();
  const posted = page.getByRole('row').filter({ hasText: reference });
  await expect(posted).toContainText('door Mohammed El Amrani');
  await checkPage(page, 'paper-posted');
});
