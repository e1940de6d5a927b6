import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkPage, fillComplaint, uniqueEmail } from './helpers.ts';

/**
 * Seed 003: the step plan on paper. A family carer files for her nephew; the tracking page says for
 * whom ("namens") and prints as one A4 page: the steps and who helps, without forms or messages.
 */
test('the tracking page names the person complained for and prints as a one-page step plan', async ({ page }) => {
  await fillComplaint(page, {
    subject: 'Mijn neef krijgt geen hulp bij zijn aanvraag',
    email: uniqueEmail('evi'),
    name: 'Evi Jangha',
    behalf: { name: 'Youssef Jangha', relation: 'mantelzorger' },
  });
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await page.locator('.kf-secret-link a').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw klacht' })).toBeVisible();
  await expect(page.locator('.kf-facts')).toContainText('namens Youssef Jangha');
  await checkPage(page, '40-volgen-namens');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Bericht versturen' })).toBeHidden();
  await expect(page.getByRole('list', { name: 'Stappen van uw klacht' })).toBeVisible();
  await checkPage(page, '41-volgen-afdruk', { axe: false });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kf-print-')), 'volgen.pdf');
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text.split('\f').filter((p) => p.trim()).length, 'one printed page').toBe(1);
  expect(text).toContain('namens Youssef Jangha');
  expect(text).toContain('Ontvangen');
  expect(text).not.toContain('Wilt u ons nog iets laten weten?');
});
