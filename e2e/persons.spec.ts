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

/** Seed 003: a family carer's mandate is recorded once; at her next call the intake shows it and does not ask again. */
test('a representative mandate recorded at the first intake is shown, not asked again, at the next one', async ({ page }) => {
  test.setTimeout(240_000);
  await loginAs(page, 'Mohammed El Amrani');
  const representative = async (withMandate: boolean) => {
    await page.getByLabel('Iemand belt of komt namens de klant').check();
    await page.getByLabel(/^Naam vertegenwoordiger/).fill('Evi Jansen');
    await page.getByLabel(/^Relatie tot de klant/).fill('tante, mantelzorger');
    await page.getByLabel('Telefoonnummer vertegenwoordiger').fill('06 4821 7730');
    if (!withMandate) return;
    await page.getByLabel('Machtiging vastleggen (eenmalig)').check();
    await page.getByLabel('Hoe gecontroleerd').selectOption({ label: 'schriftelijke machtiging gezien' });
    await page.getByLabel('Geldig vanaf').fill('2026-02-02');
  };
  await newContact(page, { subject: 'Uitkering neef', name: 'Youssef Amrani', phone: '06 4821 7731', email: 'youssef.amrani@example.org' });
  await representative(true);
  await makeCase(page);
  const panel = page.getByRole('region', { name: 'Machtiging' });
  await expect(panel).toContainText('Evi Jansen voor Youssef Amrani, sinds 2 februari 2026 (schriftelijke machtiging gezien)');

  // She calls again: both are recognised; the mandate is known and not asked for again.
  await newContact(page, {
    subject: 'Nog steeds geen uitkering',
    name: 'Youssef Amrani',
    phone: '06 4821 7731',
    email: 'youssef.amrani@example.org',
  });
  await page.getByRole('button', { name: 'Youssef Amrani gebruiken' }).click();
  await representative(false);
  await page.getByRole('button', { name: 'Evi Jansen gebruiken' }).click();
  // The representative's box speaks of a representative, not of the complainant.
  await expect(page.getByText('Evi Jansen is al bekend en komt als vertegenwoordiger op de nieuwe melding.')).toBeVisible();
  await expect(page.getByText('De nieuwe melding komt bij de bestaande klant Evi Jansen.')).toHaveCount(0);
  await expect(page.getByText('Machtiging bekend sinds 2 februari 2026 — niet opnieuw vragen')).toBeVisible();
  await expect(page.getByLabel('Machtiging vastleggen (eenmalig)')).toHaveCount(0);
  await checkPage(page, 'intake-known-mandate');
  await makeCase(page);
  await expect(panel).toContainText('Evi Jansen voor Youssef Amrani, sinds 2 februari 2026');
  await checkPage(page, 'case-mandate');
});
