import { expect, test } from '../support/datedTest.ts';
import { today } from '../support/pinnedClock.ts';
import { checkPage, fillComplaint, staffAs, uniqueEmail } from './helpers.ts';

/**
 * The complaint form as a citizen uses it: the first question, the errors, sending with an
 * attachment on someone's behalf, the confirmation and the tracking page; and the same without
 * JavaScript at all.
 */
/** A date as the portal writes it: "maandag 18 januari 2027". */
const dayAndDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T12:00:00Z`));

// The promised answer date depends on the day (a term ending on a weekend or holiday moves): @dates.
test('submit a complaint → confirmation → track-and-trace', { tag: '@dates' }, async ({ page, playwright, baseURL }) => {
  await page.goto('/klacht');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een klacht indienen');
  await checkPage(page, '01-vraag-wat-wilt-u-doen');

  // "Volgende" without a choice: the question comes back with its error.
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.locator('.kf-error-summary')).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Een klacht indienen' })).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, '02-vraag-met-fout');

  await page.getByLabel('Een klacht indienen').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await checkPage(page, '03-klachtformulier');

  // Sending an empty form: an error summary that has the focus, with links to each field.
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(page).toHaveTitle(/^Fout: /);
  const summary = page.locator('.kf-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(6);
  const subject = page.getByLabel('Waar gaat uw klacht over?');
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await expect(subject).toHaveAttribute('aria-describedby', 'subject-hint subject-error');
  await expect(page.locator('#subject-error')).toContainText('Vul in waar uw klacht over gaat');
  await checkPage(page, '04-klachtformulier-met-fouten');
  await summary.getByRole('link', { name: /Vul in waar uw klacht over gaat/ }).click();
  await expect(subject).toBeFocused();

  // What was typed stays after an error.
  await subject.fill('Niemand belt terug');
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(page.getByLabel('Waar gaat uw klacht over?')).toHaveValue('Niemand belt terug');

  const email = uniqueEmail('evi');
  await fillComplaint(page, {
    subject: 'Niemand belt terug over de uitkering van mijn neef',
    email,
    behalf: { name: 'Ahmed Jangha', relation: 'tante en mantelzorger' },
    file: { name: 'brief.txt', mimeType: 'text/plain', buffer: Buffer.from('De brief van 3 maart.\n') },
  });
  await checkPage(page, '05-klachtformulier-ingevuld');
  await page.getByRole('button', { name: 'Klacht versturen' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw klacht is verstuurd');
  await expect(page).toHaveURL(/\/volgen\/[A-Za-z0-9_-]{43}\/ontvangen$/);
  const reference = (await page.locator('.kf-reference').textContent())!;
  expect(reference).toMatch(/^KL-\d{4}-\d{6}$/);
  const promise = page.getByText(/U krijgt uiterlijk \w+dag \d{1,2} \w+ \d{4} een antwoord\./);
  await expect(promise).toBeVisible();
  const promised = /uiterlijk (\w+dag \d{1,2} \w+ \d{4}) een antwoord/.exec((await promise.textContent())!)![1];
  await expect(page.getByText('Bewaar deze link. Deel hem niet met anderen.')).toBeVisible();
  const secret = page.locator('.kf-secret-link a');
  await expect(secret).toHaveText(new RegExp(`^${baseURL}/volgen/[A-Za-z0-9_-]{43}$`));
  await checkPage(page, '06-bevestiging');

  await page.getByRole('link', { name: 'Bekijk hoe het met uw klacht gaat' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw klacht');
  await expect(page.locator('.kf-facts')).toContainText(reference);
  const current = page.locator('.kf-steps [aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('Ontvangen');
  await expect(current).toContainText('Hier zijn we nu');
  await expect(page.getByText('Van u: uw klacht via de website')).toBeVisible();
  await checkPage(page, '07-volgen-net-ingediend');

  // Staff see the attachment and who filed it for whom.
  const staff = await staffAs(playwright, baseURL!, 'Kees Bakker');
  const detail = (await staff.get(`/api/v1/cases/${await staff.caseId(reference)}`)) as {
    documents: { filename: string }[];
    complainant: { name: string };
    representative: { name: string };
    clocks: { key: string; start: string; adjustedEnd: string }[];
  };
  // The promised date is the handling term's end, counted from the server's (pinned) today.
  const handling = detail.clocks.find((k) => k.key === 'handling')!;
  expect(handling.start).toBe(today());
  expect(promised).toBe(dayAndDate(handling.adjustedEnd));
  expect(detail.documents.map((d) => d.filename)).toEqual(['brief.txt']);
  expect(detail.complainant.name).toBe('Ahmed Jangha');
  expect(detail.representative.name).toBe('Evi Jangha');
  await staff.dispose();
});

test('a report or a question is sent on to the right place', async ({ page }) => {
  await page.goto('/klacht');
  await page.getByLabel('Iets melden').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een melding doet u ergens anders');
  await expect(page.getByText('Dit formulier is alleen voor klachten.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Naar het formulier voor meldingen' })).toHaveAttribute(
    'href',
    'https://voorbeeld.example/melden-en-vragen',
  );
  await checkPage(page, '08-doorsturen-melding');
  await page.getByRole('link', { name: 'Dien dan hier uw klacht in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw klacht');
});

test('without JavaScript the form still sends and confirms', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await fillComplaint(page, { subject: 'Formulier zonder JavaScript', email: uniqueEmail('zonderjs'), name: 'Youssef Mohamed' });
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw klacht is verstuurd');
  await expect(page.locator('.kf-reference')).toHaveText(/^KL-\d{4}-\d{6}$/);
  // axe-core runs as a script, so here only the screenshot; the same page is checked with JavaScript above.
  await checkPage(page, '09-bevestiging-zonder-javascript', { axe: false });
  await context.close();
});

test('on a small phone screen nothing scrolls sideways (WCAG 1.4.10)', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto('/klacht?stap=1&kind=complaint');
  await checkPage(page, '20-klachtformulier-telefoon');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await context.close();
});
