import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { checkPage, loginAs } from './support/app.ts';

/**
 * Beheer › Koppelingen: the administrator makes a key for another system. The key is shown once
 * with a warning and a copy button; the list shows only its first characters; the key works for
 * the other system until it is revoked, and is refused straight after.
 */
test('an administrator makes a key for another system, sees it once, and revokes it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A name of its own on the shared demo server (never today's date: the run must not depend on it).
  const name = `Klantcontactsysteem ${randomBytes(3).toString('hex')}`;
  await loginAs(page, 'Tom van Dijk');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await page.getByRole('link', { name: 'Koppelingen' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Koppelingen met andere systemen' })).toBeVisible();

  // Without a permission the form says which field is wrong.
  await page.getByLabel('Naam van de koppeling').fill(name);
  await page.getByRole('button', { name: 'Koppeling maken' }).click();
  await expect(page.getByRole('link', { name: 'Kies minstens één bevoegdheid.' })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Meldingen lezen', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Alle meldingen lezen' }).check();
  await page.getByRole('button', { name: 'Koppeling maken' }).click();
  const shown = page.getByRole('region', { name: `De API-sleutel van ${name}` });
  await expect(shown.getByText('U ziet hem hierna nooit meer')).toBeVisible();
  const key = await shown.getByLabel('API-sleutel').inputValue();
  expect(key).toMatch(/^kf_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole('button', { name: 'Sleutel kopiëren' }).click();
  await expect(shown.getByText('De sleutel is gekopieerd.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await checkPage(page, 'api-client-key-once');

  // The other system reads with it (the key alone decides: a session cookie sent along is ignored).
  const call = () => page.request.get('/api/v1/cases?limit=1', { headers: { authorization: `Bearer ${key}` } });
  expect((await call()).status()).toBe(200);

  await shown.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
  await expect(page.getByLabel('API-sleutel')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 7));
  await expect(row).not.toContainText(key.slice(7));
  await expect(row).toContainText('Actief');
  await checkPage(page, 'api-clients');

  await row.getByRole('button', { name: `Koppeling ${name} intrekken` }).click();
  await expect(page.locator(':focus')).toHaveText(/kan niet ongedaan worden gemaakt/);
  await row.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(page.getByText(`Koppeling ${name} is ingetrokken.`).first()).toBeVisible();
  await expect(row).toContainText('Ingetrokken op');
  expect((await call()).status()).toBe(401);
});
