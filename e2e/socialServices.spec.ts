import type { Page } from '@playwright/test';
import { checkPage, focused, loginAs, otherUser } from './support/app.ts';
import { expect, test } from './support/datedTest.ts';
import { today } from './support/pinnedClock.ts';

/**
 * Seed 003, social services, from the counter to the posted closing letter (run with
 * playwright.organisations.config.ts, project "social": a server with
 * config/examples/social-services.json). A complainant without e-mail: the agent registers the
 * visit, prints the confirmation and posts it from the to-post list; one handler takes the complaint
 * on, records the conversation and judges; the closing letter is drafted, approved and sent on
 * paper, marked posted, and the case is closed on that day. Afterwards the complainant calls about
 * the letter, and the handler records that call on the closed case.
 */
const steps = (page: Page) => page.getByRole('region', { name: 'Processtappen' });
const lead = (page: Page) => page.locator('.utrecht-paragraph--lead');

async function takeStep(page: Page, name: string, fill?: () => Promise<void>) {
  await steps(page).getByRole('button', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: `Stap: ${name}` })).toBeFocused();
  await fill?.();
  await steps(page).getByRole('button', { name, exact: true }).last().click();
  await expect(focused(page)).toContainText(`Stap "${name}" is gezet.`);
}

/** Marks a letter posted in "Te versturen post" and checks it moved to the recently posted ones. */
async function post(page: Page, reference: string, letter: string, name: string) {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: /^Te versturen post/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Te versturen post' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: reference }).filter({ hasText: letter });
  await expect(row).toContainText('Lange Voorhout 12');
  await row.getByRole('button', { name: `${letter} voor ${name}: op de post gedaan` }).click();
  await expect(page.getByRole('row').filter({ hasText: reference }).filter({ hasText: letter })).toHaveCount(0);
}

test('a complainant without e-mail: from the counter to the posted closing letter, and a call afterwards', async ({
  page,
  browser,
  baseURL,
}) => {
  // A whole case from intake to close through several people's screens: minutes on a loaded CI machine.
  test.setTimeout(300_000);
  const name = 'Hendrik Baliebezoek';
  // The counter: the agent registers the visit; no e-mail address, so everything goes by letter.
  await loginAs(page, 'Mohammed El Amrani');
  await page.getByRole('link', { name: 'Telefoontje of baliebezoek registreren' }).click();
  await page.getByLabel('Kanaal').selectOption('counter');
  await page.getByLabel(/^Onderwerp/).fill('Bijstand te laat uitbetaald');
  await page.getByLabel('Wat vertelt de klant?').fill('Mijn bijstand kwam twee weken te laat. Ik kon de huur niet betalen.');
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('Straat en huisnummer').fill('Lange Voorhout 12');
  await page.getByLabel('Postcode').fill('2514 ED');
  await page.getByLabel('Plaats').fill('Den Haag');
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  await expect(page.getByText('Er is geen e-mailadres ingevuld: de klager krijgt alles per brief.')).toBeVisible();
  await checkPage(page, 'social-counter-intake');
  await page.getByRole('button', { name: 'Nieuwe melding maken' }).click();
  const title = page.getByRole('heading', { level: 2, name: /^Melding GVS-\d{4}-\d{6} is geregistreerd$/ });
  await expect(title).toBeVisible();
  const reference = (await title.textContent())!.match(/GVS-\d{4}-\d{6}/)![0];

  // The confirmation is printed at once (PDF) and waits in the to-post list until it is posted.
  const print = page.getByRole('link', { name: 'Bevestiging afdrukken (PDF)' });
  const pdf = await page.request.get((await print.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await checkPage(page, 'social-confirmation-printed');
  await page.getByText(`Naar melding ${reference}`, { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Melding ${reference}: Bijstand te laat uitbetaald`);
  const caseUrl = page.url();
  await post(page, reference, 'Ontvangstbevestiging met stappenplan', name);
  await checkPage(page, 'social-confirmation-posted');

  // The agent passes it to the complaints secretary.
  await page.goto(caseUrl);
  await takeStep(page, 'Ontvangst bevestigen en naar klachtensecretaris');

  // One handler takes the complaint on, talks with the complainant and judges.
  const handler = await otherUser(browser, baseURL);
  await loginAs(handler, 'Fatma Yilmaz');
  await handler.goto(caseUrl);
  await takeStep(handler, 'Klacht in behandeling nemen (één behandelaar)');
  await expect(handler.getByRole('main').getByText('Fatma Yilmaz', { exact: true }).first()).toBeVisible();
  await takeStep(handler, 'Gesprek met de klager vastleggen', async () => {
    await handler.getByLabel(/^Hoe was het gesprek/).selectOption({ index: 1 });
    await handler.getByLabel(/^Verslag van het gesprek/).fill('Meneer is gebeld. De betaling was te laat door een fout bij ons.');
  });
  await takeStep(handler, 'Oordeel geven', async () => {
    await handler.getByLabel(/^Oordeel/).selectOption({ label: 'Gegrond' });
    await handler.getByLabel(/^Motivering/).fill('De bijstand is te laat uitbetaald door een fout bij ons.');
  });
  await checkPage(handler, 'social-case-judged');

  // The closing letter: drafted, offered for review, approved and sent on paper.
  const letters = handler.getByRole('region', { name: 'Brieven' });
  await letters.getByRole('button', { name: 'Brief opstellen' }).click();
  await expect(letters.getByLabel('Soort brief')).toHaveValue('decision');
  await letters.getByRole('button', { name: 'Brief opstellen' }).click();
  await expect(handler.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`bij melding ${reference}$`));
  const problems = handler.getByRole('alert').filter({ hasText: 'Nog nodig voor goedkeuring' });
  await expect(problems).toBeVisible();
  for (const field of await problems.getByRole('link').allInnerTexts()) {
    const label = field.split(':')[0]!;
    await handler.getByLabel(label, { exact: true }).fill('Wij hebben uw klacht onderzocht. U heeft gelijk. Het geld kwam te laat.');
  }
  await handler.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(problems).toHaveCount(0);
  await checkPage(handler, 'social-letter-draft');
  await handler.getByRole('button', { name: 'Ter controle aanbieden' }).click();
  await expect(lead(handler)).toContainText('Brief: Ter controle');
  await handler.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(focused(handler)).toContainText('De brief is goedgekeurd.');
  await handler.getByRole('button', { name: 'Versturen' }).click();
  await expect(focused(handler)).toContainText('De brief is verstuurd.');
  await checkPage(handler, 'social-letter-sent');

  // The letter waits in the to-post list; posting it closes the case on that day.
  await post(handler, reference, 'Afhandelingsbrief', name);
  await handler.getByRole('button', { name: 'Laatst verstuurde brieven tonen' }).click();
  await expect(handler.getByRole('row').filter({ hasText: reference }).first()).toContainText('door Fatma Yilmaz');
  await checkPage(handler, 'social-letter-posted');
  await handler.goto(caseUrl);
  await expect(lead(handler)).toContainText('Afgesloten');
  const closedOn = new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(`${today()}T12:00:00Z`));
  await expect(handler.getByText(`Afgesloten op ${closedOn}`)).toBeVisible();

  // A week later the complainant calls about the letter: the call is recorded on the closed case.
  await handler.getByRole('button', { name: /^Contact met de klant/ }).click();
  await handler.getByRole('button', { name: 'Contact vastleggen' }).first().click();
  await handler.getByLabel('Hoe had u contact?').selectOption({ label: 'Telefonisch' });
  await handler.getByLabel('Wat is er besproken?').fill('Meneer belde over de brief. Hij is tevreden met de uitleg.');
  await handler.getByRole('button', { name: 'Contact vastleggen' }).last().click();
  await expect(handler.getByText('Het contact is vastgelegd.').first()).toBeAttached();
  // The timeline shows the call at once (a contact changes nothing else on the case it could follow).
  const call = handler
    .getByRole('region', { name: 'Tijdlijn' })
    .getByRole('listitem')
    .filter({ hasText: 'Contact met de klant vastgelegd' });
  await expect(call).toContainText('Meneer belde over de brief.');
  await checkPage(handler, 'social-closed-call-recorded');
});
