import { expect, test, type Page } from '@playwright/test';
import { checkPage, loginAs, otherUser } from './support/app.ts';

/**
 * The case page guides: the step that fits the case's facts is the one primary action and every step
 * says what it will do; forms stay closed until used, so a typical case fits in two screens.
 */
type Detail = { id: string; reference: string; version: number };

async function call<T>(page: Page, method: 'get' | 'post', url: string, data?: unknown): Promise<T> {
  const session = await (await page.request.get('/api/v1/session')).json();
  const res = await page.request[method](`/api/v1${url}`, { headers: { 'X-CSRF-Token': session.csrfToken }, data });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}
const step = async (page: Page, c: Detail, transition: string, inputs: Record<string, unknown> = {}) =>
  call<Detail>(page, 'post', `/cases/${c.id}/transitions`, { transition, expectedVersion: c.version, inputs });

const steps = (page: Page) => page.getByRole('region', { name: 'Processtappen' });

test('after classification the judgment step is the one primary action, says what it does, and the page is short', async ({
  page,
  browser,
  baseURL,
}) => {
  await loginAs(page, 'Mohammed El Amrani');
  let c = await call<Detail>(page, 'post', '/cases', {
    subject: 'Lang gewacht op antwoord',
    description: 'Ik wacht al maanden op een antwoord op mijn brief over de inschrijving.',
    channel: 'phone',
    complainant: { name: 'Ilse Verbeek', email: 'ilse.verbeek@example.org', street: 'Dorpsstraat 9', postcode: '3511 AB', city: 'Utrecht' },
  });
  c = await step(page, c, 'forwardToCoordinator');

  const coordinator = await otherUser(browser, baseURL);
  await coordinator.setViewportSize({ width: 1440, height: 900 });
  await loginAs(coordinator, 'Fatma Yilmaz');
  c = await step(coordinator, c, 'acknowledge');
  c = await step(coordinator, c, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
  await coordinator.goto(`/meldingen/${c.id}`);
  await expect(coordinator.getByRole('heading', { level: 1 })).toContainText(c.reference);

  // One primary action: the step meant for a statutory complaint; the others are secondary.
  const primary = steps(coordinator).locator('.utrecht-button--primary-action');
  await expect(primary).toHaveCount(1);
  await expect(primary).toHaveText('Doorzetten naar BO klachten voor oordeel');
  const recommended = steps(coordinator).getByTestId('recommended-step');
  await expect(recommended).toContainText('Volgende stap die past bij deze melding');
  await expect(recommended.getByRole('list', { name: 'Wat deze stap doet' })).toContainText('De melding gaat naar team BO klachten');
  await expect(recommended).toContainText('Er komt een taak voor team BO klachten: Oordeel geven');
  await expect(steps(coordinator).getByRole('button', { name: 'Niet in behandeling nemen' })).toHaveClass(/secondary-action/);
  await expect(steps(coordinator)).toContainText('De melding wordt afgesloten');

  // Codes never reach the screen: the channel in words.
  const data = coordinator.getByRole('region', { name: 'Gegevens van de melding' });
  await expect(data.getByRole('definition').filter({ hasText: /^phone$/ })).toHaveCount(0);
  await expect(data.getByText('Telefoon').first()).toBeVisible();

  // Forms stay closed until used, and the record beside the case is closed until opened: it says how much it holds.
  await expect(coordinator.locator('main form')).toHaveCount(0);
  const notes = coordinator.getByRole('button', { name: 'Interne notities (0)' });
  await expect(notes).toHaveAttribute('aria-expanded', 'false');
  await expect(coordinator.getByRole('button', { name: 'Brief opstellen' })).toHaveAttribute('aria-expanded', 'false');
  await checkPage(coordinator, 'guidance-classified');
  const height = await coordinator.evaluate(() => document.documentElement.scrollHeight);
  expect(height, `document height ${height}px at 1440×900`).toBeLessThanOrEqual(1800);

  // Opening a form moves focus into it; closing returns focus to its button.
  await notes.click();
  await expect(notes).toHaveAttribute('aria-expanded', 'true');
  const notesRegion = coordinator.getByRole('region', { name: 'Interne notities' });
  await notesRegion.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(coordinator.getByLabel('Nieuwe notitie')).toBeFocused();
  // Bad input in plain words (server/routes/plainIssues.ts), not the schema's.
  await notesRegion.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(notesRegion.getByText('Vul dit veld in.').first()).toBeVisible();
  await expect(notesRegion.getByText(/verwacht|string/)).toHaveCount(0);
  await checkPage(coordinator, 'guidance-note-open');
  await notesRegion.getByRole('button', { name: 'Sluiten' }).click();
  await expect(notesRegion.getByRole('button', { name: 'Notitie toevoegen' })).toBeFocused();

  // In English the same guidance, and the same plain message, in English words.
  await coordinator.getByRole('button', { name: 'Switch to English' }).click();
  await expect(coordinator.getByTestId('recommended-step')).toContainText('The case goes to team BO klachten');
  await expect(coordinator.getByTestId('recommended-step')).toContainText('Next step that fits this case');
  const notesEn = coordinator.getByRole('region', { name: 'Internal notes' });
  await notesEn.getByRole('button', { name: 'Add note' }).click();
  await notesEn.getByRole('button', { name: 'Add note' }).click();
  await expect(notesEn.getByText('Please fill in this field.').first()).toBeVisible();
});

test('the work queue has a deadline column and sorts by the earliest deadline', async ({ page }) => {
  await loginAs(page, 'Kees Bakker');
  await page.goto('/werkvoorraad?queue=all');
  await page.getByLabel('Volgorde').selectOption({ label: 'Vroegste termijn eerst' });
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await expect(page).toHaveURL(/sort=deadline/);
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Termijn' })).toBeVisible();
  // The same order as the server's keyset sort: the first row is the case with the earliest deadline.
  const api = await (await page.request.get('/api/v1/activities?queue=all&sort=deadline&limit=5')).json();
  const first = api.items[0] as { subject: string; caseDeadline: string | null };
  expect(first.caseDeadline).not.toBeNull();
  await expect(table.locator('tbody tr').first()).toContainText(first.subject);
  await expect(table.locator('tbody tr').first()).toContainText('Wettelijk:');
  await checkPage(page, 'queue-deadline-sort');
});
