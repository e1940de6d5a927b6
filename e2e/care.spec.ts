import { expect, test, type Page } from '@playwright/test';
import { checkPage, loginAs, otherUser } from './support/app.ts';
import { createCase, openIntake, registerContact } from './support/intake.ts';

/**
 * Seed 002, the care organisation (run with playwright.organisations.config.ts, project "care": a server with
 * config/examples/care-organisation.json). The team lead hands a formal complaint to the quality
 * officer and keeps a read view that says where it went; the klachtenfunctionaris follows it, adds
 * advice as a note, takes no steps and sees that the health details are hidden from them.
 */
const HEALTH = 'Diabetes type 2, insuline om acht uur';

const steps = (page: Page) => page.getByRole('region', { name: 'Processtappen' });

test('a team lead hands a formal complaint on and keeps a read view; the complaints officer advises without seeing health details', async ({
  page,
  browser,
  baseURL,
}) => {
  // The team lead registers the visit at the counter with the case type's own fields, the health details among them.
  await loginAs(page, 'Jeroen Mulder');
  await openIntake(page);
  await registerContact(page, {
    channel: 'counter',
    subject: 'Medicatie te laat gegeven',
    body: 'Mijn vader kreeg zijn medicijnen twee uur te laat.',
    name: 'Dochter van dhr. Bos',
    email: 'bos@example.org',
  });
  await expect(page.getByLabel('Locatie of team')).toBeVisible();
  await checkPage(page, 'care-intake-case-fields');
  const c = await createCase(page, {
    'Locatie of team': 'Team Noord',
    'Gezondheidsgegevens (alleen voor wie de klacht behandelt)': HEALTH,
  });
  await expect(page.getByText(HEALTH)).toBeVisible();
  await expect(page.getByText('Team Noord', { exact: true }).first()).toBeVisible();

  // The client is not satisfied and wants a formal complaint: the team lead passes it on.
  const pass = 'Formele klacht doorgeven aan kwaliteitsmedewerker';
  await steps(page).getByRole('button', { name: pass, exact: true }).first().click();
  await steps(page).getByLabel('Interne notitie').fill('Dochter wil een formele klacht indienen.');
  await steps(page).getByRole('button', { name: pass, exact: true }).last().click();
  await expect(
    page.getByText('U heeft deze melding eerder behandeld. Ze ligt nu bij Kwaliteit. U kunt haar alleen nog lezen.'),
  ).toBeVisible();
  await expect(page.getByText('Formele klacht geregistreerd').first()).toBeVisible();
  await expect(steps(page).getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Termijn verdagen' })).toHaveCount(0);
  await checkPage(page, 'care-case-handed-on');

  // The klachtenfunctionaris reads it, sees the health details are hidden, and adds advice.
  const officer = await otherUser(browser, baseURL);
  await loginAs(officer, 'Esther Koster');
  await officer.goto(`/meldingen/${c.id}`);
  await expect(officer.getByText('Medicatie te laat gegeven').first()).toBeVisible();
  await expect(officer.getByText('Afgeschermd: alleen zichtbaar voor wie de klacht behandelt')).toBeVisible();
  await expect(officer.getByText(HEALTH)).toHaveCount(0);
  await expect(steps(officer).getByRole('button')).toHaveCount(0);
  await officer.getByRole('button', { name: /Interne notities/ }).click();
  await officer.getByRole('button', { name: 'Notitie toevoegen' }).first().click();
  await officer.getByLabel('Nieuwe notitie').fill('Advies: bied de dochter een gesprek met de locatiemanager aan.');
  await officer.getByRole('button', { name: 'Notitie toevoegen' }).last().click();
  await expect(officer.getByText('Advies: bied de dochter een gesprek met de locatiemanager aan.')).toBeVisible();
  await checkPage(officer, 'care-case-complaints-officer');
});

const lead = (page: Page) => page.locator('.utrecht-paragraph--lead');
async function takeStep(page: Page, name: string, fill?: () => Promise<void>) {
  await steps(page).getByRole('button', { name, exact: true }).first().click();
  await fill?.();
  await steps(page).getByRole('button', { name, exact: true }).last().click();
  await expect(page.getByText(`Stap "${name}" is gezet.`).first()).toBeAttached();
}

test('informal first, then formal: not satisfied, the quality officer, the management decision and the Wkkgz letter close it', async ({
  page,
  browser,
  baseURL,
}) => {
  // A whole case from intake to close through several people's screens: minutes on a loaded CI machine.
  test.setTimeout(300_000);
  await loginAs(page, 'Jeroen Mulder');
  await openIntake(page);
  await registerContact(page, {
    subject: 'Niemand kwam toen ik belde',
    body: 'Mijn moeder belde drie keer met de alarmknop en niemand kwam.',
    name: 'Marja Sterk',
    email: 'marja.sterk@example.org',
    street: 'Molenweg 8',
    postcode: '7411 AB',
    city: 'Deventer',
  });
  const c = await createCase(page, { 'Locatie of team': 'Team Zuid' });

  // The informal route: the team lead talks with the client, who is not satisfied; the formal route is offered and taken.
  await takeStep(page, 'Bespreken met cliënt');
  await takeStep(page, 'Niet tevreden: formele klacht aanbieden', () =>
    steps(page)
      .getByLabel(/^Wat is geprobeerd/)
      .fill('Gesprek met de dochter; zij wil een formele klacht.'),
  );
  await checkPage(page, 'care-formal-route-offered');
  await takeStep(page, 'Formele klacht doorgeven aan kwaliteitsmedewerker', () =>
    steps(page).getByLabel('Interne notitie').fill('Formele klacht op verzoek van de dochter.'),
  );

  // The quality officer registers it and puts it before management, which decides.
  const quality = await otherUser(browser, baseURL);
  await loginAs(quality, 'Linda de Boer');
  await quality.goto(`/meldingen/${c.id}`);
  await takeStep(quality, 'Voorleggen aan management', async () => {
    await quality.getByLabel(/^Klacht of signaal/).selectOption({ label: 'Klacht' });
    await quality.getByLabel(/^Formeel of informeel/).selectOption({ label: 'Formeel (schriftelijk, Awb 9:4)' });
    await quality.getByLabel(/^Grondslag/).selectOption({ label: 'Inhoud' });
  });
  const manager = await otherUser(browser, baseURL);
  await loginAs(manager, 'Marieke Hendriks');
  await manager.goto(`/meldingen/${c.id}`);
  await takeStep(manager, 'Besluit en maatregel vastleggen', async () => {
    await manager.getByLabel(/^Oordeel/).selectOption({ label: 'Gegrond' });
    await manager.getByLabel(/^Motivering/).fill('De alarmopvolging was te traag.');
    await manager.getByLabel(/^Maatregel richting de klager/).fill('Excuses en een gesprek met de teamleider.');
    await manager
      .getByRole('group', { name: /^Maatregel nodig om herhaling te voorkomen/ })
      .getByLabel('Ja')
      .check();
  });
  await checkPage(manager, 'care-decided');

  // The quality officer drafts the Wkkgz decision letter, approves and sends it: the case closes.
  await quality.goto(`/meldingen/${c.id}`);
  const letters = quality.getByRole('region', { name: 'Brieven' });
  await letters.getByRole('button', { name: 'Brief opstellen' }).click();
  await expect(letters.getByLabel('Soort brief')).toHaveValue('decision');
  await letters.getByRole('button', { name: 'Brief opstellen' }).click();
  await expect(quality.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`bij melding ${c.reference}$`));
  await expect(quality.getByText(/Wkkgz/).first()).toBeVisible();
  const problems = quality.getByRole('alert').filter({ hasText: 'Nog nodig voor goedkeuring' });
  await expect(problems).toBeVisible();
  for (const field of await problems.getByRole('link').allInnerTexts()) {
    await quality.getByLabel(field.split(':')[0]!, { exact: true }).fill('Wij hebben uw klacht onderzocht. U heeft gelijk. Het spijt ons.');
  }
  // Wkkgz art. 17: the letter names when the measures are done.
  await quality
    .getByLabel('Wanneer is dit klaar?', { exact: true })
    .fill('De nieuwe afspraken over de alarmknop gelden binnen twee weken.');
  await quality.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(problems).toHaveCount(0);
  await checkPage(quality, 'care-letter-draft');
  await quality.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(quality.getByText('De brief is goedgekeurd.', { exact: false }).first()).toBeAttached();
  await quality.getByRole('button', { name: 'Versturen' }).click();
  await expect(lead(quality)).toContainText('Melding: Afgehandeld');
  await checkPage(quality, 'care-letter-sent');

  // The demo mailbox holds the letter's mail to the complainant.
  await quality.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Demo-mailbox' }).click();
  const mail = quality.locator('tbody tr').filter({ hasText: `Onze brief over uw klacht (${c.reference})` });
  await expect(mail).toContainText('marja.sterk@example.org');
  await checkPage(quality, 'care-mailbox');
});
