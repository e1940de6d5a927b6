import { expect, test, type Page } from '@playwright/test';
import { checkPage, focused, loginAs } from './support/app.ts';

const PHONE = '06 4455 6677';

async function fillContact(page: Page, subject: string, body: string, phone = PHONE) {
  await page.getByLabel(/^Onderwerp/).fill(subject);
  await page.getByLabel('Wat vertelt de klant?').fill(body);
  await page.getByLabel('Naam', { exact: true }).fill('Ingrid Vermeulen');
  await page.getByLabel('Telefoonnummer', { exact: true }).fill(phone);
  await page.getByLabel('E-mailadres', { exact: true }).fill('ingrid.vermeulen@example.org');
}

test('an agent registers a phone complaint as a new case, then links a second call to it', async ({ page }) => {
  await loginAs(page, 'Mohammed El Amrani');
  await page.getByRole('link', { name: 'Telefoontje of baliebezoek registreren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact registreren' })).toBeFocused();
  await expect(page.getByLabel('Kanaal')).toHaveValue('phone');
  await expect(page.getByLabel('Op mijn naam')).toBeChecked();

  // Nothing filled in: the server's message appears at the field and in the summary.
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  const summary = page.locator('.kf-error-summary');
  await expect(summary).toBeFocused();
  const subject = page.getByLabel(/^Onderwerp/);
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  const described = (await subject.getAttribute('aria-describedby')) ?? '';
  await expect(page.locator(`[id="${described.split(' ')[0]}"]`)).not.toBeEmpty();
  await checkPage(page, 'intake-errors');

  // A number one digit short: the server's message at the field.
  await fillContact(
    page,
    'Bejegening aan de balie',
    'Mevrouw is onvriendelijk te woord gestaan aan de balie en wil dat dit wordt uitgezocht.',
    '06 4455 667',
  );
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  await expect(page.getByLabel('Telefoonnummer', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Geen geldig telefoonnummer\./).first()).toBeVisible();
  await page.getByLabel('Telefoonnummer', { exact: true }).fill(PHONE);
  await page.getByLabel('Straat en huisnummer').fill('Dorpsstraat 12');
  await page.getByLabel('Postcode').fill('12');
  await page.getByLabel('Plaats').fill('Utrecht');
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  await expect(focused(page)).toHaveText('Contact geregistreerd. Koppel het aan een bestaande melding of maak een nieuwe melding.');
  await expect(page.getByRole('heading', { name: 'Is er al een melding?' })).toBeVisible();
  await checkPage(page, 'intake-registered');

  // The case needs a valid postcode: the server says so at the field.
  await page.getByLabel('Product of dienst').fill('Balie');
  await page.getByRole('button', { name: 'Nieuwe melding maken' }).click();
  await expect(page.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Een postcode is 4 cijfers en 2 letters.').first()).toBeVisible();
  await page.getByLabel('Postcode').fill('3511 AB');
  await page.getByRole('button', { name: 'Nieuwe melding maken' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Melding KL-\d{4}-\d{6}: Bejegening aan de balie$/);
  const reference = (await page.getByRole('heading', { level: 1 }).innerText()).match(/KL-\d{4}-\d{6}/)![0];
  await expect(page.getByText(`Melding ${reference} is gemaakt.`)).toBeVisible();
  await expect(page.getByText('3511 AB Utrecht')).toBeVisible();
  await expect(page.getByText('06 44556677')).toBeVisible(); // stored as E.164, shown the Dutch way
  await expect(page.getByRole('region', { name: 'Tijdlijn' }).getByText('Melding geregistreerd')).toBeVisible();
  await checkPage(page, 'case-new');
  const caseUrl = page.url();

  // A second call from the same person: the suggestion names the case and why; link it.
  await page.getByRole('link', { name: 'Contact registreren' }).click();
  await fillContact(page, 'Belt terug over de balie', 'Wil weten hoe het staat met haar klacht.', '+31 6 44 55 66 77');
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  const suggestion = page.getByRole('row').filter({ hasText: reference });
  await expect(suggestion).toContainText('zelfde telefoonnummer');
  await checkPage(page, 'intake-suggestions');
  await suggestion.getByRole('button', { name: `Koppelen aan ${reference}` }).click();

  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByText(`Contact gekoppeld aan melding ${reference}.`)).toBeVisible();
  // The section (its heading counts the activities), not the scrollable table inside it.
  const linked = page.getByRole('region', { name: /^Gekoppelde activiteiten \(\d+\)$/ });
  await linked.getByRole('button', { name: 'Gekoppelde activiteiten (2)' }).click();
  await expect(linked.locator('tbody tr')).toHaveCount(2);
  await expect(linked).toContainText('Belt terug over de balie');
  await expect(page.getByRole('region', { name: 'Tijdlijn' }).getByText('Activiteit gekoppeld aan deze melding')).toHaveCount(2);
  await checkPage(page, 'case-linked');

  // From the work queue, the case is found again by the caller's name.
  await page.getByRole('link', { name: 'Werkvoorraad' }).click();
  const search = page.getByRole('search');
  await search.getByLabel(/Referentie, naam/).fill('Vermeulen');
  await search.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('link', { name: new RegExp(`^${reference}: Bejegening aan de balie$`) })).toBeVisible();
  await checkPage(page, 'queue-search');
});
