import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { checkPage, loginAs } from './support/app.ts';

/**
 * Beheer › Gebeurtenissen: the administrator subscribes another system (a real HTTP receiver on this
 * machine) to events, keeps the secret shown once, sends a test message and sees it delivered; the
 * receiver checks the signature (Standard Webhooks) with that secret. Pausing shows on the list.
 */
test('an administrator subscribes a system to events and sees the deliveries', async ({ page }) => {
  const got: { id: string; timestamp: string; signature: string; body: string }[] = [];
  const receiver = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const h = (k: string) => String(req.headers[k] ?? '');
      got.push({
        id: h('webhook-id'),
        timestamp: h('webhook-timestamp'),
        signature: h('webhook-signature'),
        body: Buffer.concat(parts).toString(),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/klachtflow`;
    const name = `Zaaksysteem ${randomBytes(3).toString('hex')}`;
    await loginAs(page, 'Tom van Dijk');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('link', { name: 'Gebeurtenissen' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gebeurtenissen voor andere systemen' })).toBeVisible();

    // An address that is not https is refused at its field.
    await page.getByLabel('Naam van het abonnement').fill(name);
    await page.getByLabel('Adres van de ontvanger').fill('http://zaken.example.org/hook');
    await page.getByRole('checkbox', { name: 'Melding geregistreerd' }).check();
    await page.getByRole('button', { name: 'Abonnement maken' }).click();
    await expect(page.getByRole('link', { name: /Gebruik een https-adres/ })).toBeVisible();

    await page.getByLabel('Adres van de ontvanger').fill(url);
    await page.getByRole('button', { name: 'Abonnement maken' }).click();
    const shown = page.getByRole('region', { name: `Het geheim van ${name}` });
    await expect(shown.getByText('U ziet het hierna niet meer')).toBeVisible();
    const secret = await shown.getByLabel('Geheim').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await shown.getByRole('button', { name: 'Ik heb het geheim bewaard' }).click();
    await expect(page.getByLabel('Geheim')).toHaveCount(0);

    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Actief');
    await expect(row).not.toContainText(secret.slice(6));
    await row.getByRole('button', { name: `Testbericht sturen naar ${name}` }).click();
    await expect(page.getByText(`Er gaat een testbericht naar ${name}.`).first()).toBeVisible();

    // The job delivers it within seconds; the administrator refreshes until it shows.
    const deliveries = page.getByRole('region', { name: `Afleveringen van ${name}` });
    await expect(async () => {
      await deliveries.getByRole('button', { name: 'Vernieuwen' }).click();
      await expect(deliveries.getByRole('row').filter({ hasText: 'Testbericht' })).toContainText('Afgeleverd op', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(deliveries.getByRole('row').filter({ hasText: 'Testbericht' })).toContainText('HTTP 204');
    await checkPage(page, 'event-deliveries');

    // What arrived is the CloudEvent, signed with the secret shown once.
    expect(got).toHaveLength(1);
    const r = got[0]!;
    const mac = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`${r.id}.${r.timestamp}.${r.body}`)
      .digest('base64');
    expect(r.signature).toBe(`v1,${mac}`);
    expect(JSON.parse(r.body)).toMatchObject({ specversion: '1.0', id: r.id, type: 'nl.klachtflow.subscription.test' });

    await row.getByRole('button', { name: `Abonnement ${name} pauzeren` }).click();
    await expect(page.getByText(`Abonnement ${name} is gepauzeerd.`).first()).toBeVisible();
    await expect(row).toContainText('Gepauzeerd');
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
