import { expect, test, type Page } from '@playwright/test';
import { announcement, checkPage, focused, loginAs, otherUser } from './support/app.ts';

/** A fresh case registered by the logged-in agent through the API (the intake screen has its own journey). */
async function registerCase(page: Page, subject: string) {
  const session = await (await page.request.get('/api/v1/session')).json();
  const res = await page.request.post('/api/v1/cases', {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: {
      subject,
      description: 'De klant is ontevreden over de behandeling aan de telefoon.',
      channel: 'phone',
      complainant: { name: 'Bram de Groot', email: 'bram.degroot@example.org', street: 'Kerkstraat 3', postcode: '1234 AB', city: 'Zeist' },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; reference: string };
}

const steps = (page: Page) => page.getByRole('region', { name: 'Processtappen' });
const timeline = (page: Page) => page.getByRole('region', { name: 'Tijdlijn' });

test('the coordinator takes case steps through the generated forms: forward, acknowledge, classify', async ({ page, browser, baseURL }) => {
  // The first-line agent forwards the case; that step is the only one of hers besides the generic ones.
  await loginAs(page, 'Mohammed El Amrani');
  const c = await registerCase(page, 'Onheus behandeld aan de telefoon');
  await page.goto(`/meldingen/${c.id}`);
  await expect(steps(page).getByRole('button', { name: 'Beoordelen en ontvangst bevestigen' })).toHaveCount(0);
  await steps(page).getByRole('button', { name: 'Doorzetten naar klachtencoördinator' }).click();
  await expect(page.getByRole('heading', { name: 'Stap: Doorzetten naar klachtencoördinator' })).toBeFocused();
  await steps(page)
    .getByLabel(/^Interne notitie/)
    .fill('Volledig, graag beoordelen.');
  await checkPage(page, 'case-step-form');
  await steps(page).getByRole('button', { name: 'Doorzetten naar klachtencoördinator', exact: true }).last().click();
  await expect(focused(page)).toHaveText('Stap "Doorzetten naar klachtencoördinator" is gezet. De status is nu: Bij klachtencoördinator.');

  // The coordinator claims the team task and opens the case from it.
  const coordinator = await otherUser(browser, baseURL);
  await loginAs(coordinator, 'Fatma Yilmaz');
  await coordinator
    .getByRole('link', { name: /Teamtaken/ })
    .first()
    .click();
  await coordinator.getByLabel('Volgorde').selectOption({ label: 'Nieuwste eerst' });
  await coordinator.getByRole('button', { name: 'Toepassen' }).click();
  await expect(coordinator).toHaveURL(/sort=-createdAt/);
  const task = coordinator.locator('tbody tr').filter({ hasText: c.reference });
  await checkPage(coordinator, 'queue-team');
  await task.getByRole('button', { name: /oppakken$/ }).click();
  await expect(announcement(coordinator)).toHaveText(/U heeft "Melding beoordelen/);
  await expect(task).toContainText('Fatma Yilmaz');
  await task.getByRole('link', { name: c.reference, exact: true }).click();
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(`Melding ${c.reference}: Onheus behandeld aan de telefoon`);
  await checkPage(coordinator, 'case-coordinator');

  await steps(coordinator).getByRole('button', { name: 'Beoordelen en ontvangst bevestigen' }).click();
  await steps(coordinator).getByRole('button', { name: 'Beoordelen en ontvangst bevestigen' }).last().click();
  await expect(coordinator.getByText(/De status is nu: Beoordeeld, ontvangst bevestigd\./)).toBeVisible();

  // Classify: submitted empty, the server's messages land at each required field.
  await steps(coordinator).getByRole('button', { name: 'Classificeren' }).click();
  await steps(coordinator).getByRole('button', { name: 'Classificeren' }).last().click();
  const classification = coordinator.getByLabel(/^Klacht of signaal/);
  await expect(classification).toHaveAttribute('aria-invalid', 'true');
  await expect(coordinator.getByText('Klacht of signaal is verplicht.').first()).toBeVisible();
  await checkPage(coordinator, 'case-classify-errors');
  await classification.selectOption({ label: 'Klacht' });
  await coordinator.getByLabel(/^Formeel of informeel/).selectOption({ label: 'Formeel (schriftelijk, Awb 9:4)' });
  await coordinator.getByLabel(/^Grondslag/).selectOption({ label: 'Bejegening' });
  await coordinator
    .getByRole('group', { name: /AWB-klacht/ })
    .getByLabel('Ja')
    .check();
  await steps(coordinator).getByRole('button', { name: 'Classificeren' }).last().click();
  await expect(coordinator.getByText(/De status is nu: Geclassificeerd\./)).toBeVisible();
  await expect(timeline(coordinator).getByText('Processtap gezet: Classificeren')).toBeVisible();
  await expect(timeline(coordinator).getByText('Klacht of signaal: Klacht')).toBeVisible();
  const data = coordinator.getByRole('region', { name: 'Gegevens van de melding' });
  await expect(data.getByText('Bejegening')).toBeVisible();

  // A note and a document, and the document downloads.
  await coordinator.getByRole('button', { name: /^Interne notities/ }).click();
  await coordinator.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await coordinator.getByLabel('Nieuwe notitie').fill('Klant gebeld, wil graag een gesprek.');
  await coordinator.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(
    coordinator.getByRole('region', { name: 'Interne notities' }).getByText('Klant gebeld, wil graag een gesprek.'),
  ).toBeVisible();
  await coordinator.getByRole('button', { name: /^Documenten/ }).click();
  await coordinator.getByRole('button', { name: 'Document toevoegen' }).click();
  await coordinator.getByLabel('Soort document').selectOption({ label: 'Correspondentie' });
  await coordinator
    .getByLabel(/^Bestand/)
    .setInputFiles({ name: 'gespreksnotitie.txt', mimeType: 'text/plain', buffer: Buffer.from('Gesprek met de klant op maandag.') });
  await coordinator.getByRole('button', { name: 'Document toevoegen' }).click();
  const doc = coordinator.getByRole('link', { name: 'gespreksnotitie.txt downloaden' });
  await expect(doc).toBeVisible();
  const download = await coordinator.request.get((await doc.getAttribute('href'))!);
  expect(await download.text()).toBe('Gesprek met de klant op maandag.');
  await checkPage(coordinator, 'case-classified');

  // Someone else moves first: the stale form gets a clear 409 message and a reload.
  const step = 'Doorzetten naar BO klachten voor oordeel';
  const other = await coordinator.context().newPage();
  await other.goto(coordinator.url());
  await steps(coordinator).getByRole('button', { name: step }).click();
  await steps(other).getByRole('button', { name: step }).click();
  await steps(other).getByRole('button', { name: step }).last().click();
  await expect(other.getByText(/De status is nu: Bij BO klachten voor oordeel\./)).toBeVisible();
  await steps(coordinator).getByRole('button', { name: step }).last().click();
  const conflict = coordinator.getByText(/Laad de gegevens opnieuw/);
  await expect(conflict).toBeVisible();
  await checkPage(coordinator, 'case-conflict');
  await coordinator.getByRole('button', { name: 'Opnieuw laden' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(
    coordinator.getByRole('region', { name: 'Gegevens van de melding' }).getByText('Bij BO klachten voor oordeel'),
  ).toBeVisible();
  await expect(steps(coordinator).getByRole('button', { name: step })).toHaveCount(0);
});
