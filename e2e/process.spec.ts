import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkPage, loginAs, SCREENSHOT_DIR } from './support/app.ts';

/**
 * The process owner's page (issue part 6): seed 000's process drawn as a diagram and as tables, a
 * broken definition uploaded and its problems shown, a changed one saved as a draft and published,
 * and the new version in the history. The original is published again at the end, so the journeys
 * after this one meet the shipped process (as version 3).
 */
const KEY = 'kcc-complaint';

async function definitionOf(page: Page): Promise<Record<string, unknown>> {
  const res = await page.request.get(`/api/v1/processes/${KEY}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).published.definition;
}

const history = (page: Page) => page.getByRole('table', { name: 'Versies' });
/** The row of a table whose row header starts with this text. */
const row = (table: Locator, header: RegExp) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: header }) });

async function saveAndPublish(page: Page, definition: unknown, version: number) {
  await page.getByLabel('Procesdefinitie (JSON)').fill(JSON.stringify(definition, null, 2));
  await page.getByRole('button', { name: 'Opslaan als concept' }).click();
  await expect(page.locator('#main').getByText(`Opgeslagen als concept, versie ${version}.`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: `Versie ${version} publiceren` }).click();
  await expect(page.locator('#main').getByText(`Versie ${version} is gepubliceerd.`, { exact: false })).toBeVisible();
  await expect(
    history(page).getByRole('row', { name: new RegExp(`^${version} Geldt voor nieuwe meldingen In de app .*Henk Peters`) }),
  ).toBeVisible();
}

test('the process owner sees the process as a diagram and tables, is told every problem of a broken definition, and publishes a new version', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginAs(page, 'Henk Peters');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Processen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Processen' })).toBeFocused();
  await page.getByRole('link', { name: 'Klachtmelding KCC' }).click();
  await expect(page).toHaveURL(new RegExp(`/processen/${KEY}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Proces: /);

  // The diagram, drawn by elkjs on this page only, with a text alternative.
  const diagram = page.getByTestId('process-diagram');
  await expect(diagram).toBeVisible({ timeout: 30_000 });
  await expect(diagram).toHaveAttribute('aria-label', /statussen en \d+ stappen/);
  await expect(diagram.locator('text', { hasText: 'Controle volledigheid' })).toHaveCount(1);
  await diagram.screenshot({ path: path.join(SCREENSHOT_DIR, `process-diagram-${KEY}.png`) });
  await checkPage(page, 'process-owner');

  // The same as tables: statuses, and steps from → to with who takes them and what they do.
  const statuses = page.getByRole('table', { name: 'Statussen' });
  const registered = row(statuses, /^Controle volledigheid/);
  await expect(registered.getByRole('cell').nth(0)).toHaveText('We hebben uw klacht ontvangen');
  await expect(registered.getByRole('cell').nth(1)).toHaveText('beginstatus');
  await expect(registered.getByRole('cell').nth(2)).toHaveText('na reminder (5 werkdagen)');
  await expect(statuses.getByRole('rowheader', { name: /^Gesloten/ })).toBeVisible();
  const steps = page.getByRole('table', { name: 'Stappen' });
  const forward = row(steps, /^Doorzetten naar klachtencoördinator/);
  await expect(forward.getByRole('cell').nth(0)).toHaveText('Controle volledigheid');
  await expect(forward.getByRole('cell').nth(1)).toHaveText('Bij klachtencoördinator');
  await expect(forward.getByRole('cell').nth(2)).toHaveText('Eerstelijnsmedewerker');
  await expect(forward.getByRole('cell').nth(3)).toContainText('Toewijzen aan team coordinators');
  const request = row(steps, /^Aanvullende informatie opvragen/);
  await expect(request.getByRole('cell').nth(3)).toContainText('Timer informationWait start (informationWait, 14 kalenderdagen)');
  await expect(
    row(steps, /^Annuleren/)
      .getByRole('cell')
      .nth(0),
  ).toHaveText('Elke open status');
  await expect(page.getByRole('table', { name: 'Termijnen' }).getByRole('row', { name: 'informationWait 14 kalenderdagen' })).toBeVisible();
  await expect(history(page).getByRole('row', { name: /^1 Geldt voor nieuwe meldingen Procesbestand/ })).toBeVisible();

  // A broken definition, uploaded as a file: every problem is listed, and nothing is saved.
  const original = await definitionOf(page);
  const broken = { ...structuredClone(original), initialStatus: 'nergens' } as unknown as { transitions: { to: string }[] };
  broken.transitions[0]!.to = 'onbekend';
  await page.getByLabel('JSON-bestand kiezen').setInputFiles({
    name: 'kapot.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken, null, 2)),
  });
  const summary = page.locator('.kf-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText(/^Deze definitie heeft \d+ problemen$/);
  await expect(summary.getByRole('listitem').filter({ hasText: 'initialStatus: "nergens" is not a status' })).toHaveCount(1);
  await expect(summary.getByRole('listitem').filter({ hasText: 'unknown status "onbekend"' })).toHaveCount(1);
  await expect(page.getByLabel('Procesdefinitie (JSON)')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, 'process-owner-problems');
  await page.getByRole('button', { name: 'Opslaan als concept' }).click();
  await expect(summary.getByRole('listitem').filter({ hasText: 'initialStatus: "nergens" is not a status' })).toHaveCount(1);
  await expect(history(page).getByRole('row')).toHaveCount(2); // header and version 1: no draft stored

  // A valid change: checked, saved as a draft, published; the history shows version 2 and who published it.
  const changed = structuredClone(original);
  (changed.statuses as { label: { nl: string } }[])[0]!.label.nl = 'Volledigheid controleren';
  await page.getByLabel('Procesdefinitie (JSON)').fill(JSON.stringify(changed, null, 2));
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.locator('#main').getByText('Geen problemen gevonden.', { exact: false })).toBeVisible();
  await saveAndPublish(page, changed, 2);
  await expect(history(page).getByRole('row', { name: /^1 Vervangen/ })).toBeVisible();
  await expect(page.locator('.utrecht-paragraph--lead')).toContainText('Nieuwe meldingen volgen versie 2');
  await expect(diagram.locator('text', { hasText: 'Volledigheid controleren' })).toHaveCount(1);
  await checkPage(page, 'process-owner-published');

  // Back to the shipped definition, as version 3, for the journeys that follow.
  await saveAndPublish(page, original, 3);
});

test('a coordinator may view the process but not change it', async ({ page }) => {
  await loginAs(page, 'Kees Bakker');
  await page.goto(`/processen/${KEY}`);
  await expect(page.getByTestId('process-diagram')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('U kunt dit proces bekijken.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opslaan als concept' })).toHaveCount(0);

  // A case made before the new versions keeps the version it started with, and says so.
  const cases = await (await page.request.get('/api/v1/cases?limit=1')).json();
  const c = cases.items[0];
  expect(c.processVersion).toBe(1);
  await page.goto(`/meldingen/${c.id}`);
  await expect(page.getByText('Klachtmelding KCC, versie 1', { exact: true })).toBeVisible();
});
