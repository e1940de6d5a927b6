import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { checkPage, loginAs } from './support/app.ts';

/**
 * The register export on the work queue screen: the links download the cases behind the queue's
 * filters (here: phone), as Excel that reads back and as CSV that Dutch Excel opens.
 */
test("a coordinator downloads the register with the queue's filters, as Excel and as CSV", async ({ page }) => {
  await loginAs(page, 'Kees Bakker');
  await page.goto('/werkvoorraad?queue=all&channel=phone');
  const exporter = page.getByRole('region', { name: 'Exporteren' });
  await expect(exporter).toBeVisible();
  await exporter.getByLabel('Welke meldingen').selectOption('all');
  await checkPage(page, 'queue-export');

  const [excel] = await Promise.all([page.waitForEvent('download'), exporter.getByRole('link', { name: 'Downloaden als Excel' }).click()]);
  expect(excel.suggestedFilename()).toMatch(/^klachtenregister-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await excel.path());
  const rows = (book.getWorksheet('Klachtenregister')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
  const [header, ...cases] = rows;
  expect(header!.slice(0, 4)).toEqual(['Kenmerk', 'Onderwerp', 'Proces', 'Status']);
  expect(cases.length).toBeGreaterThan(0);
  const channel = header!.indexOf('Kanaal');
  expect(new Set(cases.map((c) => c[channel]))).toEqual(new Set(['Telefoon']));

  const [csv] = await Promise.all([page.waitForEvent('download'), exporter.getByRole('link', { name: 'Downloaden als CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^klachtenregister-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await csv.path())!, 'utf8');
  expect(text.startsWith('\uFEFFKenmerk;Onderwerp;Proces;Status;')).toBe(true);
  expect(text.trimEnd().split('\r\n')).toHaveLength(cases.length + 1);
});

test('a handler without the export permission sees no export on the queue screen', async ({ page }) => {
  await loginAs(page, 'Sanne de Vries');
  await page.goto('/werkvoorraad');
  await expect(page.getByRole('heading', { level: 1, name: /^Werkvoorraad/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Exporteren' })).toHaveCount(0);
});
