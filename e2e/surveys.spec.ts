import { expect, test, type Page } from '@playwright/test';
import { checkPage, loginAs, openAnalysisPart } from './support/app.ts';
import { today } from './support/pinnedClock.ts';

/**
 * Seed 000 business rule 5, the staff side: the service manager opens Tevredenheid, reads the scores
 * and the response rate per handler and per ground, drills down from a figure to the cases behind
 * it and opens one, whose page shows its survey. Every page checked with axe.
 */
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });

test('the service manager reads the survey figures and drills down to the cases behind them', async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, 'Marieke Hendriks');
  await openAnalysisPart(page, 'Tevredenheid');
  await expect(page.getByRole('heading', { level: 1, name: 'Tevredenheid' })).toBeVisible();

  // The demo's answers: scores, an average and the response rate (answered of sent).
  const scores = region(page, 'Scores');
  await expect(scores.getByText(/Gemiddelde score: \d(,\d)? van 5\./)).toBeVisible();
  await expect(scores.getByText(/Respons: [1-9]\d* van [1-9]\d* enquêtes beantwoord \(\d+%\)\./)).toBeVisible();
  const distribution = page.getByRole('table', { name: 'Aantal antwoorden per score' });
  await expect(distribution.getByRole('row')).toHaveCount(6);
  const perHandler = page.getByRole('table', { name: 'Per behandelaar' });
  await expect(perHandler.getByRole('columnheader', { name: 'Respons' })).toBeVisible();
  await expect(region(page, 'Opmerkingen').getByRole('cell', { name: /lang voordat ik iets hoorde/ })).toBeVisible();
  await checkPage(page, 'surveys-handler');

  // Per ground: a figure leads to the cases behind it.
  await page.getByRole('link', { name: 'Per grondslag' }).click();
  await expect(page).toHaveURL(/groupBy=ground/);
  const perGround = page.getByRole('table', { name: 'Per grondslag' });
  const firstGround = perGround.getByRole('row').nth(1);
  const sent = Number((await firstGround.getByRole('cell').first().textContent())!.trim());
  expect(sent).toBeGreaterThan(0);
  await firstGround.getByRole('link', { name: /verstuurd: toon de meldingen/ }).click();
  await expect(page).toHaveURL(/list=sent/);
  const list = region(page, /^Verstuurde enquêtes/);
  await expect(list.getByRole('table', { name: 'Meldingen achter het cijfer' }).getByRole('row')).toHaveCount(sent + 1);
  await checkPage(page, 'surveys-drilldown');

  // The period is in the address: a bookmark shows the same figures.
  await page.getByLabel('Van', { exact: true }).fill(today());
  await page.getByLabel('Tot en met').fill(today());
  await page.getByRole('button', { name: 'Tonen' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today()}&to=${today()}`));
  await expect(page.getByText(/^Enquêtes verstuurd van .+ tot en met .+\.$/)).toBeVisible();

  // Back to a case behind a figure: its page shows the survey.
  await page
    .getByRole('link', { name: /verstuurd: toon de meldingen/ })
    .first()
    .click();
  const caseLink = region(page, /^Verstuurde enquêtes/)
    .getByRole('link')
    .nth(1);
  const reference = (await caseLink.textContent())!.trim();
  await caseLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  const panel = region(page, 'Tevredenheidsonderzoek');
  await expect(panel.getByText('Verstuurd', { exact: true })).toBeVisible();
  await checkPage(page, 'surveys-case-panel');
});
