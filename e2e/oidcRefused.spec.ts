import { expect, test } from '@playwright/test';
import { loadOrganisation } from '../server/config/organisation.ts';
import { loginRefusedPage } from '../server/routes/staff/loginRefusedPage.ts';
import { checkPage } from './support/app.ts';

/**
 * The page a staff member gets when the identity provider vouched for them but Klachtflow lets them
 * not in (server/routes/staff/oidcProvisioning.test.ts proves when). This journey has no provider, so
 * it shows the page's markup on the demo server, with its real stylesheets, and checks it with axe.
 */
test('the refused-login page says plainly whom to ask, and passes axe', async ({ page }) => {
  await page.goto('/portal-assets/portal.css');
  await page.setContent(loginRefusedPage(loadOrganisation()), { waitUntil: 'load' });
  await expect(page.getByRole('heading', { level: 1, name: 'U heeft geen toegang tot Klachtflow' })).toBeVisible();
  await expect(page.getByText('Vraag de beheerder van Klachtflow om u toegang te geven.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Opnieuw inloggen' })).toHaveAttribute('href', '/');
  await checkPage(page, 'inloggen-geweigerd');
});
