import { expect, test } from '@playwright/test';
import { checkPage, loginAs } from './support/app.ts';

/**
 * Beheer › Zaaksysteem: where the administrator finds cases whose zaak could not be updated in the
 * zaaksysteem (ZGW). The demo organisation has no zaaksysteem, so the page says the link is off; the
 * sync itself is tested against a ZGW server in server/zgw/zgw.test.ts.
 */
test('an administrator opens Beheer › Zaaksysteem', async ({ page }) => {
  await loginAs(page, 'Tom van Dijk');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await page.getByRole('link', { name: 'Zaaksysteem' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zaaksysteem: mislukte synchronisatie' })).toBeVisible();
  await expect(page.getByText('De koppeling met het zaaksysteem staat uit.')).toBeVisible();
  await expect(page.getByText('Er is niets mislukt.')).toBeVisible();
  await checkPage(page, 'zgw-syncs');
});
