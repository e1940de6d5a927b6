import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { checkPage, loginAs, otherUser, SCREENSHOT_DIR } from './support/app.ts';
import { daysFromToday, today } from './support/pinnedClock.ts';

/**
 * Issue 12 point 2 and the service manager's part of point 9: the manager opens Analyse, changes the
 * period and the granularity (the address keeps them: reload, back and forward), switches a chart to
 * its table, opens a figure's definition, drills down from a breakdown figure to the cases behind it
 * (the list holds exactly as many as the figure said) and opens one. A team lead sees only their own
 * team's figures. The journey relies on relations between numbers, never on the demo's own counts.
 * Every page checked with axe; screenshots attached to the report.
 */
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
const FROM = daysFromToday(-365);
const UNTIL = today();

/** axe and a full-page screenshot (support/app.ts), attached to this test's report as well. */
async function snap(page: Page, testInfo: TestInfo, name: string) {
  await checkPage(page, name);
  await testInfo.attach(name, { body: await readFile(path.join(SCREENSHOT_DIR, `${name}.png`)), contentType: 'image/png' });
}

/** The number in a figure's link or cell ("1.234" in Dutch). */
const count = async (text: Promise<string | null>) => Number(((await text) ?? '').replace(/\D/g, ''));

/** The drill-down list, every page of it loaded: its rows (a case each). */
async function allRows(page: Page) {
  const more = page.getByRole('button', { name: 'Meer laden' });
  await expect(page.getByRole('status').filter({ hasText: /meldingen/ })).toBeVisible();
  while (await more.isVisible()) {
    const before = await page.getByRole('table', { name: 'Meldingen' }).getByRole('row').count();
    await more.click();
    await expect.poll(() => page.getByRole('table', { name: 'Meldingen' }).getByRole('row').count()).toBeGreaterThan(before);
    // Focus moves to the first case added, not lost with the button.
    await expect(page.locator(':focus')).toHaveAttribute('href', /^\/meldingen\//);
  }
  return page.getByRole('table', { name: 'Meldingen' }).getByRole('row');
}

/** The period's received count on the reconciliation line: the figure the page starts with. */
async function receivedInPeriod(page: Page) {
  const counts = region(page, 'Aantallen');
  const link = counts.getByRole('link', { name: /^\d[\d.]*: toon de meldingen \(ontvangen,/ });
  return (await link.count()) ? count(link.textContent()) : 0;
}

async function choosePeriod(page: Page, granularity: string) {
  await page.getByLabel('Van', { exact: true }).fill(FROM);
  await page.getByLabel('Tot en met', { exact: true }).fill(UNTIL);
  await expect(page.getByText('De laatste dag ligt voor de eerste dag. Kies een latere datum.')).toHaveCount(0);
  await page.getByLabel('Indeling', { exact: true }).selectOption({ label: granularity });
  await page.getByRole('button', { name: 'Tonen' }).click();
}

test('the service manager reads the dashboard, reads a table and a definition, and drills down to the cases', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await loginAs(page, 'Marieke Hendriks');
  await mainNav(page).getByRole('link', { name: 'Analyse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analyse' })).toBeVisible();
  await expect(page.locator('#main').getByText(/^Periode: .+ tot en met .+, per maand\.$/)).toBeVisible();
  // The reconciliation line: open at the start + received − closed = open at the end.
  await expect(region(page, 'Aantallen').getByText(/^Open op /)).toBeVisible();
  await expect(region(page, 'Aantallen').getByText(/open na /)).toBeVisible();
  await snap(page, testInfo, 'analysis-dashboard');

  // A year by quarter: the address says so, a reload and the history keep it.
  const firstUrl = page.url();
  await choosePeriod(page, 'Per kwartaal');
  await expect(page).toHaveURL(new RegExp(`/analyse\\?from=${FROM}&to=${daysFromToday(1)}&granularity=quarter`));
  const periodLine = page.locator('#main').getByText(/^Periode: .+, per kwartaal\.$/);
  await expect(periodLine).toBeVisible();
  await page.reload();
  await expect(periodLine).toBeVisible();
  await expect(page.getByLabel('Van', { exact: true })).toHaveValue(FROM);
  await expect(page.getByLabel('Tot en met', { exact: true })).toHaveValue(UNTIL);
  await expect(page.getByLabel('Indeling', { exact: true })).toHaveValue('quarter');
  await page.goBack();
  await expect(page).toHaveURL(firstUrl);
  await expect(page.locator('#main').getByText(/^Periode: .+, per maand\.$/)).toBeVisible();
  await page.goForward();
  await expect(periodLine).toBeVisible();
  const received = await receivedInPeriod(page);
  expect(received).toBeGreaterThan(0);

  // A last day before the first: the form says so at the field, and the address stays as it was.
  const addressBefore = page.url();
  await page.getByLabel('Tot en met', { exact: true }).fill(daysFromToday(-400));
  await page.getByRole('button', { name: 'Tonen' }).click();
  await expect(page.getByText('De laatste dag ligt voor de eerste dag. Kies een latere datum.')).toBeVisible();
  expect(page.url()).toBe(addressBefore);
  await page.getByLabel('Tot en met', { exact: true }).fill(UNTIL);
  await expect(page.getByText('De laatste dag ligt voor de eerste dag. Kies een latere datum.')).toHaveCount(0);

  // The trend as a chart (an image named in words), then as its table.
  const trend = region(page, 'Ontvangen en afgehandeld');
  await expect(trend.getByRole('img', { name: /^Ontvangen en afgehandelde meldingen per kwartaal\. / })).toBeVisible();
  await trend.getByRole('button', { name: 'Tabel' }).click();
  await expect(trend.getByRole('button', { name: 'Tabel' })).toHaveAttribute('aria-pressed', 'true');
  const trendTable = trend.getByRole('table', { name: 'Ontvangen en afgehandelde meldingen per kwartaal' });
  await expect(trendTable.getByRole('columnheader', { name: 'Kwartaal' })).toBeVisible();
  // The buckets add up to the period's figure.
  const perQuarter = await trendTable.locator('tbody tr td:nth-of-type(1)').allTextContents();
  expect(perQuarter.reduce((n, s) => n + Number(s.replace(/\D/g, '') || 0), 0)).toBe(received);

  // A figure's definition, one click away.
  const channel = region(page, 'Kanaal');
  const definition = channel.locator('details.kf-definition');
  await expect(definition.getByRole('paragraph')).toBeHidden();
  await definition.getByText('Definitie').click();
  await expect(definition.getByRole('paragraph')).toContainText('Verdeling:');

  // Survey scores per handler, team and ground, each with its table: sent links to the surveys behind it.
  const perTeam = region(page, 'Per team');
  await perTeam.getByRole('button', { name: 'Tabel' }).click();
  await expect(perTeam.getByRole('table', { name: 'Gemiddelde score, verstuurd en respons per team' })).toBeVisible();
  await expect(perTeam.getByRole('columnheader', { name: 'Respons' })).toBeVisible();

  // A breakdown as its table: received per channel; the first figure leads to its cases.
  await channel.getByRole('button', { name: 'Tabel' }).click();
  const channelTable = channel.getByRole('table', { name: /^Ontvangen en afgehandeld per kanaal/ });
  await expect(channelTable).toBeVisible();
  await snap(page, testInfo, 'analysis-quarter-tables');
  const figure = channelTable.getByRole('link', { name: /: toon de meldingen \(Ontvangen, / }).first();
  const expected = await count(figure.textContent());
  expect(expected).toBeGreaterThan(0);
  await figure.click();
  await expect(page).toHaveURL(/\/analyse\/meldingen\?.*receivedFrom=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen achter het cijfer' })).toBeVisible();
  await expect(region(page, 'Welke meldingen').getByText(/^Ontvangen, kanaal /)).toBeVisible();
  const rows = await allRows(page);
  await expect(rows).toHaveCount(expected + 1);
  await expect(page.getByRole('status').filter({ hasText: `${expected} meldingen.` })).toBeVisible();
  await expect(region(page, 'Exporteren').getByRole('link', { name: 'Downloaden als Excel' })).toHaveAttribute(
    'href',
    /\/api\/v1\/cases\/export\?.*receivedFrom=.*format=xlsx/,
  );
  await snap(page, testInfo, 'analysis-drilldown');

  // Back to the dashboard as it was, and on to one of the cases.
  await page.getByRole('link', { name: 'Terug naar de analyse' }).click();
  await expect(periodLine).toBeVisible();
  await page.goBack();
  const caseLink = page.getByRole('table', { name: 'Meldingen' }).getByRole('link').first();
  const reference = (await caseLink.textContent())!.trim();
  await caseLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await snap(page, testInfo, 'analysis-case');
});

test('the service manager enters a month of contacts and reads the complaint rate', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const month = daysFromToday(-30).slice(0, 7);
  await loginAs(page, 'Marieke Hendriks');
  // The month as the page names it (the browser's own Dutch month names).
  const label = await page.evaluate(
    (m) => new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-15T12:00:00Z`)),
    month,
  );
  await page.goto(`/analyse?from=${daysFromToday(-180)}&to=${daysFromToday(1)}`);
  const trend = region(page, 'Ontvangen en afgehandeld');
  await trend.getByRole('button', { name: 'Tabel' }).click();
  const receivedThen = await count(
    trend
      .getByRole('row', { name: new RegExp(`^${label}`) })
      .getByRole('cell')
      .first()
      .textContent(),
  );
  expect(receivedThen).toBeGreaterThan(0);

  // Nothing filled in: the form says which field.
  const form = page.getByRole('form', { name: 'Aantal contacten invoeren' });
  await form.getByRole('button', { name: 'Aantal opslaan' }).click();
  await expect(form.getByText('Kies een maand.')).toBeVisible();
  await form.getByLabel('Maand', { exact: true }).fill(month);
  await form.getByLabel('Aantal', { exact: true }).fill('1000');
  await form.getByRole('button', { name: 'Aantal opslaan' }).click();
  await expect(page.locator('.kf-visually-hidden[role="status"]')).toHaveText('Het aantal is opgeslagen.');

  // 1,000 contacts: the month's rate per 1,000 is its number of complaints.
  const rate = region(page, 'Klachten per 1.000 contacten');
  await rate.getByRole('button', { name: 'Tabel' }).click();
  const row = rate.getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(row.getByRole('cell').first()).toHaveText(String(receivedThen));
  await snap(page, testInfo, 'analysis-complaint-rate');
});

test('a breakdown filter narrows the figures to that value, kept in the address', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await loginAs(page, 'Marieke Hendriks');
  await page.goto(`/analyse?from=${FROM}&to=${daysFromToday(1)}`);
  const channel = region(page, 'Kanaal');
  await channel.getByRole('button', { name: 'Tabel' }).click();
  const row = channel.getByRole('table').getByRole('row').nth(1);
  const value = (await row.getByRole('rowheader').textContent())!.trim();
  const expected = await count(row.getByRole('cell').first().textContent());
  expect(expected).toBeGreaterThan(0);

  await page.getByText('Filteren op soort, grondslag, afdeling en meer').click();
  await page.getByRole('combobox', { name: 'Kanaal', exact: true }).selectOption({ label: value });
  await page.getByRole('button', { name: 'Tonen' }).click();
  await expect(page).toHaveURL(/[?&]channel=/);
  // Every figure now counts only that channel: the period's received is the channel's.
  await expect.poll(() => receivedInPeriod(page)).toBe(expected);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Kanaal', exact: true })).toHaveValue(/.+/);
  await expect.poll(() => receivedInPeriod(page)).toBe(expected);
  await snap(page, testInfo, 'analysis-filtered');

  // In English: the page's own words come with its chunk.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analysis' })).toBeVisible();
  await expect(page.locator('#main').getByText(/^Period: .+ to .+ inclusive, per month\.$/)).toBeVisible();
  await expect(region(page, 'Channel').getByRole('button', { name: 'Table' })).toBeVisible();
});

test("a team lead's dashboard counts only their own team's cases", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const url = `/analyse?from=${FROM}&to=${daysFromToday(1)}`;
  await loginAs(page, 'Marieke Hendriks');
  await page.goto(url);
  await expect(page.locator('#main').getByText(/^Periode: /)).toBeVisible();
  const all = await receivedInPeriod(page);

  const lead = await otherUser(browser, baseURL);
  await loginAs(lead, 'Jeroen Mulder');
  await mainNav(lead).getByRole('link', { name: 'Analyse' }).click();
  await lead.goto(url);
  await expect(lead.locator('#main').getByText(/^Periode: /)).toBeVisible();
  const own = await receivedInPeriod(lead);
  // The same period, fewer cases: the team lead's scope is their team's.
  expect(own).toBeLessThan(all);
  await snap(lead, testInfo, 'analysis-team-lead');
  if (own > 0) {
    await region(lead, 'Aantallen')
      .getByRole('link', { name: /: toon de meldingen \(ontvangen,/ })
      .click();
    await expect(await allRows(lead)).toHaveCount(own + 1);
  }
  await lead.context().close();
});
