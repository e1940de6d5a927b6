import type { Page } from '@playwright/test';
import { checkPage, focused, loginAs, otherUser } from './support/app.ts';
import { expect, test } from './support/datedTest.ts';
import { createCase, openIntake, registerContact } from './support/intake.ts';

/**
 * Seed 001, the municipal tax cooperation, from intake to close in the staff app (run with
 * playwright.organisations.config.ts, project "tax": a server with
 * config/examples/municipal-tax-cooperation.json). The agent takes the call and passes the formal
 * complaint to the coordinator, who registers it (the manager of the department it is about gets a
 * notice) and asks that department; the department judges and drafts the response letter, the
 * coordinator sends it past the B1 team, approves and sends it, and the case closes. The demo mailbox
 * holds the manager's notice and the complainant's mails.
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

test('a tax complaint from the call to the sent response: department, B1 team, letter and mails', async ({ page, browser, baseURL }) => {
  // A whole case from intake to close through several people's screens: minutes on a loaded CI machine.
  test.setTimeout(300_000);
  // The agent registers the call on the intake screen, makes it a case and passes it to the coordinator.
  await loginAs(page, 'Sanne de Vries');
  await openIntake(page);
  await registerContact(page, {
    subject: 'WOZ-waarde veel te hoog en geen antwoord',
    body: 'Ik heb twee keer gemaild over de WOZ-waarde van mijn huis en nooit antwoord gekregen.',
    name: 'Karin Blom',
    email: 'karin.blom@example.org',
    street: 'Kerkstraat 4',
    postcode: '3811 CV',
    city: 'Amersfoort',
  });
  const c = await createCase(page);
  await checkPage(page, 'tax-case-received');
  await takeStep(page, 'Formele klacht naar coördinator');

  // The coordinator registers it as a formal complaint about the Values department and asks that department.
  const coordinator = await otherUser(browser, baseURL);
  await loginAs(coordinator, 'Kees Bakker');
  await coordinator.goto(`/meldingen/${c.id}`);
  await takeStep(coordinator, 'Ontvangst bevestigen en registreren', async () => {
    await coordinator.getByLabel(/^Klacht of signaal/).selectOption({ label: 'Klacht' });
    await coordinator.getByLabel(/^Formeel of informeel/).selectOption({ label: 'Formeel (schriftelijk, Awb 9:4)' });
    await coordinator.getByLabel(/^Grondslag/).selectOption({ label: 'Communicatie' });
    await coordinator.getByLabel(/^Over het werk van welke afdeling/).selectOption({ label: 'Waarden' });
    await coordinator
      .getByRole('group', { name: /AWB-klacht/ })
      .getByLabel('Ja')
      .check();
  });
  await takeStep(coordinator, 'Klacht uitzetten bij vakafdeling', async () => {
    await coordinator.getByLabel(/^Welke afdeling geeft de inhoudelijke reactie/).selectOption({ label: 'Waarden' });
    await coordinator.getByLabel(/^Opdracht aan de afdeling/).fill('Beoordeel de klacht en stel de reactie aan mevrouw Blom op.');
  });
  await checkPage(coordinator, 'tax-case-with-department');

  // The department drafts the response letter, offers it for review and gives its judgment.
  const department = await otherUser(browser, baseURL);
  await loginAs(department, 'Anouk Smit');
  await department.goto(`/meldingen/${c.id}`);
  const letters = department.getByRole('region', { name: 'Brieven' });
  await letters.getByRole('button', { name: 'Brief opstellen' }).click();
  await expect(letters.getByLabel('Soort brief')).toHaveValue('decision');
  await letters.getByRole('button', { name: 'Brief opstellen' }).click();
  await expect(department.getByRole('heading', { level: 1 })).toHaveText(`Afhandelingsbrief bij melding ${c.reference}`);
  await department
    .getByLabel('Wat wij hebben onderzocht', { exact: true })
    .fill('Wij hebben uw e-mails gelezen. Wij hebben ze niet op tijd beantwoord. Dat had wel gemoeten.');
  await department.getByLabel('Ons oordeel', { exact: true }).fill('Uw klacht is gegrond. U had sneller antwoord moeten krijgen.');
  await department.getByLabel('Wat wij gaan doen', { exact: true }).fill('Een taxateur belt u deze week over de WOZ-waarde.');
  await department.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(focused(department)).toHaveText('Opgeslagen als versie 2.');
  await expect(department.getByRole('alert').filter({ hasText: 'Nog nodig voor goedkeuring' })).toHaveCount(0);
  await checkPage(department, 'tax-letter-department-draft');
  await department.getByRole('button', { name: 'Ter controle aanbieden' }).click();
  await expect(lead(department)).toContainText('Brief: Ter controle');
  await department.goto(`/meldingen/${c.id}`);
  await takeStep(department, 'Oordeel en reactie aanbieden', async () => {
    await department.getByLabel(/^Oordeel/).selectOption({ label: 'Gegrond' });
    await department.getByLabel(/^Motivering/).fill('De e-mails zijn niet binnen de termijn beantwoord.');
  });

  // The coordinator checks the content and sends it to the B1 team; the B1 team approves the language.
  await coordinator.goto(`/meldingen/${c.id}`);
  await takeStep(coordinator, 'Naar het B1-team voor taalcontrole');
  const b1 = await otherUser(browser, baseURL);
  await loginAs(b1, 'Linda de Boer');
  await b1.goto(`/meldingen/${c.id}`);
  await checkPage(b1, 'tax-case-b1-review');
  await takeStep(b1, 'Taal goedgekeurd (B1)');

  // The coordinator approves and sends the letter; sending takes the closing step.
  await coordinator.goto(`/meldingen/${c.id}`);
  await coordinator.getByRole('region', { name: 'Brieven' }).getByRole('link', { name: 'Afhandelingsbrief' }).click();
  await coordinator.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(focused(coordinator)).toContainText('De brief is goedgekeurd.');
  await coordinator.getByRole('button', { name: 'Versturen' }).click();
  await expect(focused(coordinator)).toContainText('De brief is verstuurd.');
  await expect(lead(coordinator)).toContainText('Melding: Afgehandeld');
  await checkPage(coordinator, 'tax-letter-sent');
  const pdf = await coordinator.request.get(
    (await coordinator
      .getByRole('link', { name: /^Voorbeeld als PDF bekijken|PDF/ })
      .first()
      .getAttribute('href'))!,
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // The demo mailbox: the department manager's notice and the complainant's acknowledgment and letter.
  await coordinator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Demo-mailbox' }).click();
  const mails = coordinator.getByRole('table', { name: 'Verstuurde en wachtende berichten, nieuwste eerst' }).locator('tbody tr');
  const mail = (subject: string) => mails.filter({ hasText: subject });
  await expect(mail(`Ter informatie: klacht ${c.reference}`)).toContainText('manager.waarden@belasting-voorbeeld.example');
  await expect(mail(`Wij behandelen uw klacht (${c.reference})`)).toContainText('karin.blom@example.org');
  await expect(mail(`Onze brief over uw klacht (${c.reference})`)).toContainText('karin.blom@example.org');
  await checkPage(coordinator, 'tax-mailbox');
  await mail(`Onze brief over uw klacht (${c.reference})`).getByRole('link').first().click();
  await expect(coordinator.getByRole('region', { name: 'Bijlagen' }).getByRole('link', { name: /\.pdf$/ })).toBeVisible();
  await checkPage(coordinator, 'tax-mailbox-letter');
});
