import { expect, test } from '../support/datedTest.ts';
import { daysFromToday } from '../support/pinnedClock.ts';
import { checkPage, uniqueEmail } from './helpers.ts';

/**
 * The portal in English: the switch in the header (a link, reached with the keyboard), the form and
 * its errors in English, an English complaint confirmed in English, and its tracking page English
 * even in another browser, because the case keeps the language; back to Dutch with the same switch.
 */
test('switch to English → complaint → English confirmation and tracking page', async ({ page, browser, request }) => {
  await page.goto('/klacht');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const toEnglish = page.getByRole('link', { name: 'English' });
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await toEnglish.click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make a complaint');
  // The switch back is the first thing after the skip link, by keyboard.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Nederlands' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Nederlands' })).toHaveAttribute('lang', 'nl');
  await checkPage(page, 'en-01-what-do-you-want');

  await page.getByLabel('Make a complaint').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your complaint');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

  // Errors in English, in the error summary and at the fields.
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await expect(page).toHaveTitle(/^Error: Your complaint/);
  const summary = page.locator('.kf-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText('Check these questions');
  await expect(page.locator('#subject-error')).toContainText('Say what your complaint is about');
  await checkPage(page, 'en-02-form-with-errors');

  await page.getByLabel('What is your complaint about?').fill('Nobody calls me back');
  await page.getByLabel('What happened?').fill('I called three times. Nobody calls me back about my application.');
  const [y, m, d] = daysFromToday(-5).split('-').map(Number);
  await page.getByLabel(/On what day was this/).fill(`${d}-${m}-${y}`);
  await page.getByLabel('Your name').fill('Sam Taylor');
  await page.getByLabel('No, the complaint is about me').check();
  await page.getByLabel('By email').check();
  await page.getByLabel('Your email address').fill(uniqueEmail('sam'));
  await page.getByLabel('I have read what you do with my details').check();
  await checkPage(page, 'en-03-form-filled');
  await page.getByRole('button', { name: 'Send complaint' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your complaint has been sent');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText(/You will get an answer by \w+day, \d{1,2} \w+ \d{4} at the latest\./)).toBeVisible();
  await expect(page.getByText('Keep this link. Do not share it with others.')).toBeVisible();
  const reference = (await page.locator('.kf-reference').textContent())!;
  const secret = (await page.locator('.kf-secret-link a').textContent())!;
  await checkPage(page, 'en-04-confirmation');

  await page.getByRole('link', { name: 'See how your complaint is going' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your complaint');
  await expect(page.locator('.kf-facts')).toContainText(reference);
  const settings = (await (await request.get('/api/v1/portal/settings')).json()) as { steps: { label: { nl: string; en: string } }[] };
  const current = page.locator('.kf-steps [aria-current="step"]');
  await expect(current).toContainText(settings.steps[0]!.label.en);
  await expect(current).toContainText('We are here now');
  await expect(page.getByText('From you: your complaint through the website')).toBeVisible();
  await checkPage(page, 'en-05-tracking');

  // Another browser, without the choice: the case's language, English.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(new URL(secret).pathname);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Your complaint');
  // …and in Dutch for whoever asks.
  await fresh.getByRole('link', { name: 'Nederlands' }).click();
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Uw klacht');
  await expect(fresh.locator('.kf-steps [aria-current="step"]')).toContainText(settings.steps[0]!.label.nl);
  await checkPage(fresh, 'en-06-tracking-switched-to-dutch');
  await other.close();
});
