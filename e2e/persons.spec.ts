import { expect, test, type Page } from '@playwright/test';
import { announcement, checkPage, loginAs, otherUser } from './support/app.ts';

/**
 * One person, one record: a returning complainant is recognised at intake by phone or e-mail and
 * the agent picks them; a duplicate made anyway is merged by a coordinator, and the merge undone.
 */
async function newContact(page: Page, c: { subject: string; name: string; phone?: string; email?: string }) {
  await page.getByRole('link', { name: 'Contact registreren' }).first().click();
  await page.getByLabel(/^Onderwerp/).fill(c.subject);
  await page.getByLabel('Wat vertelt de klant?').fill('Belt over de afvalinzameling in haar straat.');
  await page.getByLabel('Naam', { exact: true }).fill(c.name);
  if (c.phone) await page.getByLabel('Telefoonnummer', { exact: true }).fill(c.phone);
  if (c.email) await page.getByLabel('E-mailadres', { exact: true }).fill(c.email);
}
async function makeCase(page: Page) {
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  await page.getByLabel('Product of dienst').fill('Afval');
  await page.getByRole('button', { name: 'Nieuwe melding maken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Melding KL-\d{4}-\d{6}: /);
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').match(/KL-\d{4}-\d{6}/)![0];
}
const known = (page: Page) => page.getByRole('region', { name: 'Bekende klant?' });

test('an agent picks a known complainant at intake; a coordinator merges a duplicate and undoes it', async ({ page, browser, baseURL }) => {
  // Three intakes and two users, each page checked with axe: a long journey on a shared machine.
  test.setTimeout(300_000);
  await loginAs(page, 'Mohammed El Amrani');
  await newContact(page, {
    subject: 'Container niet geleegd',
    name: 'Karin Smits',
    phone: '06 1122 3344',
    email: 'karin.smits@example.org',
  });
  await expect(known(page)).toHaveCount(0);
  const first = await makeCase(page);

  // She calls again from the same number: the form recognises her (by phone, not by name).
  await newContact(page, { subject: 'Weer niet geleegd', name: 'K. Smits', phone: '+31 6 1122 3344' });
  const suggestion = known(page);
  await expect(suggestion).toContainText('Karin Smits');
  await expect(suggestion).toContainText('zelfde telefoonnummer');
  await expect(suggestion).toContainText(`1 melding: ${first}`);
  await checkPage(page, 'intake-known-person');
  await suggestion.getByRole('button', { name: 'Karin Smits gebruiken' }).click();
  await expect(page.getByText('De nieuwe melding komt bij de bestaande klant Karin Smits.')).toBeVisible();
  await expect(announcement(page)).toHaveText('Bestaande klant Karin Smits gekozen.');
  // The empty e-mail field takes hers; the typed name stays as typed.
  await expect(page.getByLabel('E-mailadres', { exact: true })).toHaveValue('karin.smits@example.org');
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('K. Smits');
  await checkPage(page, 'intake-known-person-chosen');
  await makeCase(page);
  await expect(page.getByText(/· Karin Smits$/)).toBeVisible();

  // A third call by e-mail address in capitals; the agent registers a new complainant anyway.
  await newContact(page, { subject: 'Bak kapot', name: 'Karin S.', email: 'KARIN.SMITS@example.org' });
  await expect(known(page)).toContainText('zelfde e-mailadres');
  const third = await makeCase(page);
  await expect(page.getByText(/· Karin S\.$/)).toBeVisible();
  const thirdUrl = page.url();

  // The coordinator sees the duplicate on the case, merges it, and undoes the merge.
  const coordinator = await otherUser(browser, baseURL);
  await loginAs(coordinator, 'Kees Bakker');
  await coordinator.goto(thirdUrl);
  await expect(coordinator.getByRole('heading', { level: 1 })).toContainText(third);
  const panel = coordinator.getByRole('region', { name: 'Dubbele klant' });
  const toggle = panel.getByRole('button', { name: 'Dubbele klant samenvoegen (1)' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByRole('button', { name: 'Samenvoegen met Karin Smits' })).toBeHidden();
  await toggle.click();
  await checkPage(coordinator, 'case-person-merge');
  await panel.getByRole('button', { name: 'Samenvoegen met Karin Smits' }).click();
  await expect(panel.getByText('Samengevoegd met Karin Smits. De meldingen staan nu bij één klant.')).toBeVisible();
  await expect(coordinator.getByText(/· Karin Smits$/)).toBeVisible();
  const timeline = coordinator.getByRole('region', { name: 'Tijdlijn' });
  await expect(timeline.getByText('Dubbele klant samengevoegd')).toBeVisible();

  // The panel stays open on the history, so the merge can be undone at once.
  await expect(panel.getByRole('button', { name: 'Samengevoegde klanten (1)' })).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toContainText(/Karin S\.: samengevoegd op \d+ \w+ \d{4} door Kees Bakker \(1 melding\)/);
  await checkPage(coordinator, 'case-person-merged');
  await panel.getByRole('button', { name: 'Samenvoegen van Karin S. ongedaan maken' }).click();
  await expect(coordinator.getByText(/· Karin S\.$/)).toBeVisible();
  await expect(timeline.getByText('Samenvoegen van klant ongedaan gemaakt')).toBeVisible();
});
