import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { checkPage, focused, loginAs, openAnalysisPart, SCREENSHOT_DIR } from './support/app.ts';

/**
 * Issue 12 point 3: the quality officer makes a periodic analysis of half a year, writes conclusions
 * and recommendations, finalises it (with a confirmation), downloads its PDF, and compares it with
 * the analysis of the half year before. Every page checked with axe; the screenshots are attached.
 */
const region = (page: Page, name: string) => page.getByRole('region', { name });
const main = (page: Page) => page.locator('#main');

async function check(page: Page, name: string) {
  await checkPage(page, name);
  await test.info().attach(name, { path: path.join(SCREENSHOT_DIR, `${name}.png`), contentType: 'image/png' });
}

async function makeAnalysis(page: Page, from: string, to: string) {
  await page.getByRole('radio', { name: /^Analyse over een periode/ }).check();
  await page.getByLabel('Eerste dag').fill(from);
  await page.getByLabel('Laatste dag').fill(to);
  await page.getByRole('button', { name: 'Rapportage maken' }).click();
  await expect(main(page).getByText('De rapportage is gemaakt. De cijfers zijn vastgelegd.')).toBeVisible();
}

test('the quality officer writes, finalises, downloads and compares a periodic analysis', async ({ page }) => {
  test.setTimeout(240_000);
  await loginAs(page, 'Linda de Boer');
  await openAnalysisPart(page, 'Rapportages');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportages' })).toBeVisible();

  // Nothing chosen: the fields are named.
  await page.getByRole('button', { name: 'Rapportage maken' }).click();
  await expect(region(page, 'Nieuwe analyse').getByText('Vul dit veld in.')).toHaveCount(2);
  await check(page, 'reports-list');

  // The half year before, then this half year.
  await makeAnalysis(page, '2025-03-01', '2025-08-31');
  const earlier = page.url();
  await page.getByRole('link', { name: 'Alle rapportages' }).click();
  await makeAnalysis(page, '2025-09-01', '2026-02-28');
  await expect(page.getByRole('heading', { level: 1, name: 'Klachtenanalyse 1 september 2025 tot en met 28 februari 2026' })).toBeVisible();
  const content = region(page, 'Inhoud van de rapportage');
  await expect(content.getByRole('heading', { name: 'Samenvatting' })).toBeVisible();
  await expect(content.getByRole('table', { name: 'Binnengekomen en afgesloten klachten' })).toBeVisible();
  await check(page, 'report-draft');

  // Conclusions and recommendations, saved with the report.
  const text = region(page, 'Conclusies en aanbevelingen');
  await text.getByLabel('Conclusies').fill('Klagers wachten te lang op een terugbelverzoek.');
  await text.getByLabel('Aanbevelingen').fill('Bel elke klager binnen twee werkdagen terug.');
  await text.getByRole('button', { name: 'Opslaan' }).click();
  await expect(main(page).getByText('De tekst is opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(region(page, 'Conclusies en aanbevelingen').getByLabel('Conclusies')).toHaveValue(
    'Klagers wachten te lang op een terugbelverzoek.',
  );
  await expect(region(page, 'Inhoud van de rapportage')).toContainText('Bel elke klager binnen twee werkdagen terug.');

  // Finalise, after a confirmation; then the text can no longer be edited.
  const finalise = region(page, 'Vaststellen');
  await finalise.getByRole('button', { name: 'Rapportage vaststellen' }).click();
  await expect(focused(page)).toContainText('Weet u het zeker?');
  await check(page, 'report-finalise-confirm');
  await finalise.getByRole('button', { name: 'Ja, vaststellen' }).click();
  await expect(main(page).getByText('De rapportage is vastgesteld.').first()).toBeVisible();
  await expect(page.getByText('Deze rapportage is vastgesteld en verandert niet meer.')).toBeVisible();
  await expect(region(page, 'Conclusies en aanbevelingen')).toHaveCount(0);
  await expect(region(page, 'Gegevens')).toContainText('Vastgesteld');

  // The PDF: a download, a real PDF.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF downloaden' }).click()]);
  const file = await download.path();
  const bytes = fs.readFileSync(file!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.toString('latin1')).toContain('/StructTreeRoot');
  await test.info().attach('analyse.pdf', { body: bytes, contentType: 'application/pdf' });

  // Compare with the half year before: the figures side by side, with the difference.
  const compare = region(page, 'Vergelijken met een andere rapportage');
  const option = compare.locator('option', { hasText: 'Klachtenanalyse 1 maart 2025' });
  await compare.getByLabel('Andere rapportage').selectOption((await option.getAttribute('value'))!);
  await compare.getByRole('button', { name: 'Vergelijken' }).click();
  await expect(page).toHaveURL(/met=/);
  const table = compare.getByRole('table', { name: /Cijfers van deze rapportage naast/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Binnengekomen klachten' })).toBeVisible();
  await check(page, 'report-compare');

  // The list shows both, the finalised one as such.
  await page.getByRole('link', { name: 'Alle rapportages' }).click();
  await expect(page.getByRole('row', { name: /Klachtenanalyse 1 september 2025.*Vastgesteld/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Klachtenanalyse 1 maart 2025.*Concept/ })).toBeVisible();
  await page.goto(earlier);
  await expect(page.getByRole('heading', { level: 1, name: 'Klachtenanalyse 1 maart 2025 tot en met 31 augustus 2025' })).toBeVisible();

  // The annual complaints report of 2025, and its publishable HTML: Dutch, headings, tables; axe clean.
  await page.getByRole('link', { name: 'Alle rapportages' }).click();
  await page.getByRole('radio', { name: /^Klachtenjaarverslag/ }).check();
  await page.getByLabel('Eerste dag').fill('2025-01-01');
  await page.getByLabel('Laatste dag').fill('2025-12-31');
  await page.getByRole('button', { name: 'Rapportage maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klachtenjaarverslag 2025' })).toBeVisible();
  await expect(region(page, 'Inhoud van de rapportage').getByRole('heading', { name: 'Welke normen zijn geschonden?' })).toBeVisible();
  await check(page, 'report-annual');
  const html = page.getByRole('link', { name: /^HTML openen/ });
  await page.goto((await html.getAttribute('href'))!);
  await expect(page.getByRole('heading', { level: 1, name: 'Klachtenjaarverslag 2025' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await check(page, 'report-annual-html');
});
