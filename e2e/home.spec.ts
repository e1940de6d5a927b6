import { expect, test } from '@playwright/test';
import { announcement, checkPage, focused, loginAs } from './support/app.ts';

test('a handler sees notifications and deadlines at home, saves a queue filter, and reads the demo mailbox', async ({ page }) => {
  await loginAs(page, 'Kees Bakker');

  // Notifications: reminders about his cases (the timer sweep makes them right after the demo starts).
  const notifications = page.getByRole('region', { name: 'Notificaties' });
  const items = notifications.getByRole('list', { name: 'Ongelezen notificaties' }).getByRole('listitem');
  await expect(async () => {
    await page.reload();
    await expect(items.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 40_000 });
  // The total is in words; the list shows the newest five, the rest behind "Alle N tonen".
  const summary = await notifications.getByText(/^U heeft \d+ ongelezen notificaties?\.$/).textContent();
  const before = Number(summary!.match(/\d+/)![0]);
  await expect(
    notifications.getByText(before === 1 ? 'U heeft 1 ongelezen notificatie.' : `U heeft ${before} ongelezen notificaties.`),
  ).toBeVisible();
  await expect(items).toHaveCount(Math.min(before, 5));
  if (before > 5) {
    const more = notifications.getByRole('button', { name: `Alle ${before} tonen` });
    await more.click();
    await expect(items).toHaveCount(before);
    await expect(notifications.getByRole('button', { name: 'Minder tonen' })).toHaveAttribute('aria-expanded', 'true');
    await notifications.getByRole('button', { name: 'Minder tonen' }).click();
    await expect(items).toHaveCount(5);
  }
  await expect(items.first().getByRole('link', { name: /^Melding [A-Z]+-\d{4}-\d+ openen$/ })).toBeVisible();
  const headerCount = page.getByRole('banner').getByRole('link', { name: /^Notificaties/ });
  await expect(headerCount).toHaveText(`Notificaties${before} ongelezen`);

  // Deadlines: his cases past the handling deadline, marked in words, not by colour alone.
  const deadlines = page.getByRole('region', { name: 'Termijnen van uw meldingen' });
  const deadlineTable = deadlines.getByRole('table', { name: 'Uw meldingen die te laat of bijna te laat zijn' });
  await expect(deadlineTable.getByRole('row').nth(1)).toBeVisible();
  await expect(deadlineTable.getByRole('cell', { name: 'Te laat', exact: true }).first()).toBeVisible();
  await checkPage(page, 'home-handler');

  // Mark the first one read from the keyboard: the count drops in the page and the header, focus stays in the list.
  const firstButton = items.first().getByRole('button', { name: /^Notificatie over .* als gelezen markeren$/ });
  const label = await firstButton.getAttribute('aria-label');
  await firstButton.focus();
  await page.keyboard.press('Enter');
  await expect(announcement(page)).toHaveText('De notificatie is als gelezen gemarkeerd.');
  await expect(page.getByRole('button', { name: label! })).toHaveCount(0);
  await expect(items).toHaveCount(Math.min(before - 1, 5));
  await expect(headerCount).toHaveText(before - 1 ? `Notificaties${before - 1} ongelezen` : 'Notificaties');
  if (before > 1) await expect(focused(page)).toHaveAttribute('data-mark-read', '');
  else await expect(page.getByRole('heading', { name: 'Notificaties', level: 2 })).toBeFocused();
  // Read stays read after a reload.
  await page.reload();
  await expect(items).toHaveCount(Math.min(before - 1, 5));
  await expect(
    notifications.getByText(before - 1 === 1 ? 'U heeft 1 ongelezen notificatie.' : `U heeft ${before - 1} ongelezen notificaties.`),
  ).toBeVisible();

  // The work queue: choose filters, save them under a name, reset, apply the saved filter again.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  await page.getByRole('link', { name: /^Alles \(/ }).click();
  await page.getByLabel('Volgorde').selectOption('-createdAt');
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await expect(page).toHaveURL(/queue=all&sort=-createdAt$/);
  const saved = page.getByRole('region', { name: 'Bewaarde filters' });
  await expect(saved.getByText('U heeft nog geen filters bewaard.')).toBeVisible();
  await saved.getByRole('button', { name: 'Bewaar dit filter' }).click();
  await expect(saved.getByText('Geef het filter een naam.')).toBeVisible();
  await expect(saved.getByLabel('Naam van het filter')).toBeFocused();
  await page.keyboard.type('Alles, nieuwste eerst');
  await page.keyboard.press('Enter');
  await expect(announcement(page)).toHaveText('Het filter "Alles, nieuwste eerst" is bewaard.');
  const savedLink = saved.getByRole('link', { name: 'Alles, nieuwste eerst' });
  await expect(savedLink).toHaveAttribute('aria-current', 'page');
  await checkPage(page, 'queue-saved-filter');

  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page).toHaveURL(/\/werkvoorraad\?queue=all$/);
  await expect(page.getByLabel('Volgorde')).toHaveValue('createdAt');
  await expect(savedLink).not.toHaveAttribute('aria-current', 'page');
  await savedLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/queue=all&sort=-createdAt$/);
  await expect(page.getByLabel('Volgorde')).toHaveValue('-createdAt');
  await expect(savedLink).toHaveAttribute('aria-current', 'page');

  // Saved filters are his alone and last: still there after a reload; deleting one says so.
  await page.reload();
  await expect(savedLink).toBeVisible();
  await saved.getByRole('button', { name: 'Filter "Alles, nieuwste eerst" verwijderen' }).click();
  await expect(announcement(page)).toHaveText('Het filter "Alles, nieuwste eerst" is verwijderd.');
  await expect(saved.getByText('U heeft nog geen filters bewaard.')).toBeVisible();

  // The demo mailbox: in the menu in demo mode; every message with its case; one message read in full.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Demo-mailbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo-mailbox' })).toBeFocused();
  const mailRows = page.getByRole('table', { name: 'Verstuurde en wachtende berichten, nieuwste eerst' }).locator('tbody tr');
  await expect(mailRows.first()).toBeVisible();
  await expect(mailRows.first().getByRole('link', { name: /^[A-Z]+-\d{4}-\d+$/ })).toBeVisible();
  await checkPage(page, 'mailbox');

  const subjectLink = mailRows.first().getByRole('link').first();
  const subject = await subjectLink.innerText();
  await subjectLink.click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Bijlagen' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Tekst van het bericht' })).toBeVisible();
  await expect(page.getByText(/^Beste /).first()).toBeVisible();
  await checkPage(page, 'mailbox-message');

  // A message with the PDF letter lists it as an attachment.
  await page.getByRole('link', { name: 'Terug naar de demo-mailbox' }).click();
  const letterRow = mailRows.filter({ hasText: /brief|besluit|reactie/i }).first();
  if (await letterRow.count()) {
    await letterRow.getByRole('link').first().click();
    const attachments = page.getByRole('region', { name: 'Bijlagen' });
    await expect(
      attachments.getByRole('link', { name: /\.pdf$/ }).or(attachments.getByText('Dit bericht heeft geen bijlagen.')),
    ).toBeVisible();
  }
});
