import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { announcement, checkPage, focused, loginAs, openAnalysisPart, SCREENSHOT_DIR } from './support/app.ts';

/**
 * Issue 12 point 6 and the coordinator's part of point 9: the coordinator imports the organisation's
 * old Excel register. The first file has a faulty row (a date that does not exist); the dry run names
 * it by row and column; the corrected file is chosen again (the column mapping stays), checked clean,
 * imported with a progress bar, and the imported case says where it came from. Every step checked
 * with axe; screenshots attached to the report.
 */
async function snap(page: Page, testInfo: TestInfo, name: string) {
  await checkPage(page, name);
  await testInfo.attach(name, { body: await readFile(path.join(SCREENSHOT_DIR, `${name}.png`)), contentType: 'image/png' });
}

/** The old register as Excel has it: its own headers, a number per complaint, dates in three forms. */
async function register(faultyDate: string) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Klachten 2023');
  sheet.addRow(['Klachtnummer', 'Datum ontvangst', 'Afgehandeld', 'Onderwerp', 'Naam', 'E-mail', 'Behandelende afdeling', 'Oordeel']);
  sheet.addRow([
    'E2E-2023-01',
    '12-01-2023',
    '2023-02-01',
    'Paspoort niet op tijd klaar',
    'Joke Vermeer',
    'joke.vermeer@example.org',
    'Burgerzaken',
    'Gegrond',
  ]);
  sheet.addRow(['E2E-2023-02', faultyDate, null, 'Onvriendelijk te woord gestaan aan de balie', 'Sem de Wit', null, 'Burgerzaken', null]);
  sheet.addRow([
    'E2E-2023-03',
    new Date(Date.UTC(2023, 3, 3)),
    45030,
    'Bezwaar kwijtgeraakt',
    'Lina Boer',
    'lina.boer@example.org',
    'Belastingen',
    'Ongegrond',
  ]);
  sheet.addRow(['E2E-2023-04', 45070, null, 'Geen reactie op e-mail', 'Joke Vermeer', 'joke.vermeer@example.org', 'Klantcontact', null]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('a coordinator imports a register with a faulty row, fixes it and imports', async ({ page }, testInfo) => {
  await loginAs(page, 'Kees Bakker');
  await openAnalysisPart(page, 'Register importeren');
  await expect(page.getByRole('heading', { level: 1, name: 'Register importeren' })).toBeVisible();

  // Without a file the form says so at the field.
  await page.getByRole('button', { name: 'Bestand inlezen' }).click();
  await expect(page.getByRole('link', { name: 'Kies een bestand.' })).toBeVisible();
  await snap(page, testInfo, 'import-choose');

  await page
    .getByLabel('Bestand (.xlsx of .csv, hoogstens 10 MB)')
    .setInputFiles({ name: 'klachtenregister.xlsx', mimeType: XLSX, buffer: await register('31-02-2023') });
  await page.getByRole('button', { name: 'Bestand inlezen' }).click();
  const mapping = page.getByRole('heading', { level: 2, name: '2. Koppel de kolommen aan velden' });
  await expect(mapping).toBeFocused();
  // Suggested from the headers; the department column is chosen by hand.
  await expect(page.getByLabel('Veld voor kolom Datum ontvangst')).toHaveValue('receivedOn');
  await expect(page.getByLabel('Veld voor kolom Klachtnummer')).toHaveValue('originalReference');
  await page.getByLabel('Veld voor kolom Behandelende afdeling').selectOption({ label: 'Afdeling' });
  await page.getByLabel('Veld voor kolom Afgehandeld').selectOption({ label: 'Datum afgehandeld' });
  await page.getByLabel('Naam om deze koppeling onder te bewaren').fill('Oud Excel-register');
  await page.getByRole('button', { name: 'Koppeling bewaren' }).click();
  await expect(page.locator('.kf-visually-hidden[role="status"]')).toHaveText('Koppeling "Oud Excel-register" bewaard.');
  await snap(page, testInfo, 'import-mapping');

  await page.getByRole('button', { name: 'Proefimport' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '3. Uitkomst van de proefimport' })).toBeFocused();
  await expect(page.getByText('3 rijen goed, 1 rij met fouten')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Fouten in klachtenregister.xlsx' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(problems.getByRole('cell', { name: "Rij 3, kolom 'Datum ontvangst': '31-02-2023' is geen bestaande datum." })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
  await snap(page, testInfo, 'import-report-faulty');

  // The corrected file: the mapping made for the first one still holds.
  await page
    .getByLabel('Verbeterd bestand')
    .setInputFiles({ name: 'klachtenregister.xlsx', mimeType: XLSX, buffer: await register('28-02-2023') });
  await page.getByRole('button', { name: 'Bestand inlezen' }).click();
  await expect(mapping).toBeFocused();
  await expect(page.getByLabel('Veld voor kolom Behandelende afdeling')).toHaveValue('department');
  await page.getByRole('button', { name: 'Proefimport' }).click();
  await expect(page.getByText('4 rijen goed, 0 rijen met fouten')).toBeVisible();
  await expect(page.getByText('Alle rijen zijn goed. Er worden 4 meldingen geïmporteerd.')).toBeVisible();
  await snap(page, testInfo, 'import-report-clean');

  await page.getByRole('button', { name: 'Importeren' }).click();
  const done = page.getByRole('heading', { level: 2, name: 'De import is klaar' });
  // The progress bar shows while it runs (a small file may be done before the first look).
  await expect(page.getByRole('progressbar', { name: 'Voortgang van de import' }).or(done)).toBeVisible();
  await expect(done).toBeFocused();
  // The result shows in the step, and screen readers hear it from the shell's live region; the same
  // words are in both, so each is looked for where it belongs.
  const result = '4 meldingen geïmporteerd uit klachtenregister.xlsx.';
  await expect(page.getByRole('region', { name: 'De import is klaar' }).getByText(result)).toBeVisible();
  await expect(announcement(page)).toHaveText(result);
  const cases = page.getByRole('list', { name: 'Geïmporteerde meldingen' });
  await expect(cases.getByRole('link')).toHaveCount(4);
  await snap(page, testInfo, 'import-done');

  await cases.getByRole('link', { name: 'E2E-2023-02: Onvriendelijk te woord gestaan aan de balie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /E2E-2023-02/ })).toBeVisible();
  await expect(page.getByText(/^Geïmporteerd uit klachtenregister\.xlsx op /).first()).toBeVisible();
  await expect(focused(page)).toHaveCount(1);
  await snap(page, testInfo, 'import-case');
});
