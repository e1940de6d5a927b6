import { expect, test, type Locator, type Page } from '@playwright/test';
import { daysFromToday } from './support/pinnedClock.ts';
import { checkPage, loginAs, otherUser } from './support/app.ts';
import { openIntake, registerContact } from './support/intake.ts';

/**
 * Seed 004, the housing corporation's complaint dossier from intake to close in the staff app
 * (run with playwright.organisations.config.ts, project "housing": a server with config/examples/housing-corporation.json).
 * The call waits in the team's queue; the handling employee claims it, opens the dossier with the
 * caller as reporter, links an earlier call, directs the action lines and tasks, sees closing refused
 * while work is open, finishes the work and hands the dossier over; the colleague closes it.
 */
const contact = { name: 'Wilma Kortenhoef', email: 'w.kortenhoef@example.org', phone: '0612398765' };
const steps = (page: Page) => page.getByRole('region', { name: 'Processtappen' });
const dossier = (page: Page) => page.getByRole('region', { name: 'Actieregels en taken' });
const line = (page: Page, subject: string) =>
  dossier(page)
    .getByRole('listitem')
    .filter({ has: page.locator('strong', { hasText: subject }) });
/** Opens the line's work forms (closed until used). */
async function lineWork(page: Page, subject: string): Promise<Locator> {
  const item = line(page, subject).first();
  const details = item.locator('details').first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return item;
}
async function takeStep(page: Page, name: string, fill?: () => Promise<void>) {
  await steps(page).getByRole('button', { name, exact: true }).first().click();
  await fill?.();
  await steps(page).getByRole('button', { name, exact: true }).last().click();
}

test('a housing complaint dossier from the team task to closing, with action lines and tasks', async ({ page, browser, baseURL }) => {
  // A whole case from intake to close through two people's screens: like the other organisations' journeys, minutes on a loaded CI machine.
  test.setTimeout(300_000);
  await loginAs(page, 'Sanne de Vries');
  // On the intake screen: an earlier call of the same tenant, kept on Sanne's name, and the complaint
  // call, given to Team Leefbaarheid as a team task (seed 004: the contact's task goes to a team or an employee).
  const earlier = { subject: 'Vraag over reparatieverzoek badkamer', body: 'Huurder vraagt wanneer de monteur komt.' };
  const call = { subject: 'Lekkage badkamer komt steeds terug', body: 'De lekkage is na de reparatie teruggekomen. Mevrouw is boos.' };
  await openIntake(page);
  await registerContact(page, { ...earlier, ...contact });
  await page.getByRole('button', { name: 'Nog een contact registreren' }).click();
  await expect(page.getByLabel(/^Onderwerp/)).toBeFocused();
  await registerContact(page, { ...call, ...contact, team: 'Team Leefbaarheid' }, () => checkPage(page, 'housing-call-to-team'));
  await expect(page.getByText('Contact geregistreerd en in de werkvoorraad gezet.')).toBeVisible();

  // From the start page, claim the team task, then open it and make the dossier with the caller as reporter.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
  await page
    .getByRole('link', { name: /Teamtaken/ })
    .first()
    .click();
  await page.getByLabel('Volgorde').selectOption({ label: 'Nieuwste eerst' });
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await expect(page).toHaveURL(/sort=-createdAt/);
  const row = page.locator('tbody tr').filter({ hasText: call.subject });
  await row.getByRole('button', { name: `${call.subject} oppakken` }).click();
  await expect(row).toContainText('Sanne de Vries');
  await checkPage(page, 'housing-team-task-claimed');
  await row.getByRole('link', { name: `${call.subject} verwerken` }).click();
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(contact.name);
  await page.getByRole('button', { name: 'Nieuwe melding maken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Melding WS-\d{4}-\d{6}: Lekkage badkamer komt steeds terug$/);
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/WS-\d{4}-\d{6}/)![0];
  const caseUrl = page.url();
  await expect(page.getByText(`Beoordelen klacht · ${contact.name}`)).toBeVisible();

  // Open the dossier: the step template's action lines arrive with proposed dates; Sanne handles it.
  await takeStep(page, 'Klachtdossier openen');
  await expect(page.getByText('De status is nu: Dossier in behandeling.')).toBeVisible();
  await expect(dossier(page).getByText('Behandelend medewerker: Sanne de Vries')).toBeVisible();
  await expect(dossier(page).locator('.kf-dossier-item')).toHaveCount(4);
  await expect(line(page, 'Contact opnemen met huurder')).toContainText('voorgestelde datum 6 maart 2026');
  await checkPage(page, 'housing-dossier-opened');

  // Link the earlier call to the dossier: from Sanne's tasks, open that call and "Koppelen aan …".
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  await page
    .getByRole('navigation', { name: 'Werkvoorraden' })
    .getByRole('link', { name: /^Mijn taken/ })
    .click();
  await expect(page).toHaveURL(/queue=mine/);
  await page.getByRole('link', { name: `${earlier.subject} verwerken` }).click();
  await page.getByRole('button', { name: `Koppelen aan ${reference}` }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByRole('region', { name: 'Tijdlijn' }).getByText('Activiteit gekoppeld aan deze melding')).toHaveCount(2);

  // Move a proposed date, comment on a line, give a line's task to a colleague, and a task on the whole dossier to a team.
  let item = await lineWork(page, 'Situatie beoordelen en oplossing kiezen');
  await item.getByLabel('Voorgestelde datum').fill(daysFromToday(9));
  await item.getByRole('button', { name: 'Datum wijzigen' }).click();
  await expect(dossier(page).getByText(/De datum van "Situatie beoordelen/)).toBeVisible();
  await expect(line(page, 'Situatie beoordelen en oplossing kiezen')).toContainText('voorgestelde datum 13 maart 2026');

  item = await lineWork(page, 'Contact opnemen met huurder');
  await item.getByLabel('Opmerking').fill('Mevrouw is na 17 uur bereikbaar.');
  await item.getByRole('button', { name: 'Opmerking toevoegen' }).click();
  await expect(line(page, 'Contact opnemen met huurder')).toContainText('Mevrouw is na 17 uur bereikbaar.');
  item = await lineWork(page, 'Contact opnemen met huurder');
  await item.getByLabel('Omschrijving').fill('Huurder bellen voor een afspraak');
  await item.getByLabel('Notities').fill('Na 17 uur bellen.');
  await item.getByLabel('Voor (medewerker of team)').selectOption({ label: 'Sanne de Vries' });
  await item.getByRole('button', { name: 'Taak aanmaken' }).click();
  await expect(line(page, 'Contact opnemen met huurder')).toContainText('Huurder bellen voor een afspraak');

  item = await lineWork(page, 'Oplossing controleren met huurder');
  await item.getByLabel('Regel toewijzen aan').selectOption({ label: 'Mohammed El Amrani' });
  await item.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(line(page, 'Oplossing controleren met huurder')).toContainText('voor Mohammed El Amrani');

  await dossier(page).getByText('Taak op het hele dossier maken').click();
  const dossierTask = page.locator('#task-dossier-form');
  await dossierTask.getByLabel('Omschrijving').fill('Foto’s van de schade opvragen');
  await dossierTask.getByLabel('Voor (medewerker of team)').selectOption({ label: 'Team Onderhoud' });
  await dossierTask.getByRole('button', { name: 'Taak aanmaken' }).click();
  await expect(dossier(page).getByRole('list', { name: 'Taken op het hele dossier' })).toContainText('Foto’s van de schade opvragen');
  await checkPage(page, 'housing-dossier-work');

  // Closing while work is open: refused, naming the open lines and tasks.
  await takeStep(page, 'Oplossing controleren met huurder');
  await expect(page.getByText('De status is nu: Oplossing controleren.')).toBeVisible();
  await expect(steps(page).getByText(/"Verwijzen naar externe instantie" kan pas als de brief/)).toBeVisible();
  await takeStep(page, 'Dossier voltooien', async () => {
    await steps(page)
      .getByLabel(/^Reden van afsluiten/)
      .selectOption({ label: 'Opgelost naar tevredenheid' });
  });
  const refused = steps(page).getByText(/Deze stap kan pas als alle actieregels en taken voltooid zijn/);
  await expect(refused).toBeVisible();
  await expect(steps(page).getByRole('listitem').filter({ hasText: 'Actieregel: Contact opnemen met huurder' })).toBeVisible();
  await expect(steps(page).getByRole('listitem').filter({ hasText: 'Taak: Foto’s van de schade opvragen' })).toBeVisible();
  await expect(steps(page).getByText(/intussen gewijzigd/)).toHaveCount(0);
  await checkPage(page, 'housing-close-refused');
  await page.reload();

  // The tenant is not satisfied yet: one more line from the template.
  await dossier(page).getByText('Actieregel toevoegen').click();
  await page.locator('#add-line-form').getByLabel('Actie', { exact: true }).selectOption({ label: 'Oplossing uitvoeren (na 21 dagen)' });
  await page.locator('#add-line-form').getByRole('button', { name: 'Regel toevoegen' }).click();
  await expect(dossier(page).locator('.kf-dossier-item')).toHaveCount(5);

  // The work: a task in progress, then done; a team task picked up and done; every line done with a reason.
  const task = dossier(page)
    .getByRole('list', { name: 'Taken bij deze regel' })
    .getByRole('listitem')
    .filter({ hasText: 'Huurder bellen voor een afspraak' });
  await task.getByRole('button', { name: /in uitvoering nemen$/ }).click();
  await expect(task).toContainText('In uitvoering');
  await task.getByRole('button', { name: /voltooien$/ }).click();
  await expect(task).toContainText('Voltooid');
  const photos = dossier(page)
    .getByRole('list', { name: 'Taken op het hele dossier' })
    .getByRole('listitem')
    .filter({ hasText: 'Foto’s van de schade opvragen' });
  await photos.getByRole('button', { name: /oppakken$/ }).click();
  await photos.getByRole('button', { name: /voltooien$/ }).click();
  await expect(photos).toContainText('Voltooid');
  for (let i = 0; i < 5; i++) {
    const open = dossier(page).locator('.kf-dossier-item').filter({ hasText: 'Werk aan deze regel' }).first();
    await open.getByText('Werk aan deze regel').click();
    await open
      .getByLabel('Afhandelingsreden')
      .selectOption({ label: i === 0 ? 'Uitgevoerd zoals afgesproken' : 'Op een andere manier opgelost' });
    await open.getByRole('button', { name: 'Regel voltooien' }).click();
    await expect(dossier(page).locator('.kf-dossier-item').filter({ hasText: 'Werk aan deze regel' })).toHaveCount(4 - i);
  }
  await expect(line(page, 'Contact opnemen met huurder')).toContainText('Afhandelingsreden: Uitgevoerd zoals afgesproken');
  await checkPage(page, 'housing-work-done');

  // Sanne hands the dossier to Mohammed, who closes it with a closing reason.
  await dossier(page).getByText('Andere behandelend medewerker kiezen').click();
  await page.locator('#handler-form').getByLabel('Behandelend medewerker').selectOption({ label: 'Mohammed El Amrani' });
  await page.locator('#handler-form').getByRole('button', { name: 'Behandelaar opslaan' }).click();
  await expect(dossier(page).getByText('Behandelend medewerker: Mohammed El Amrani')).toBeVisible();
  await expect(dossier(page).getByText('Actieregel toevoegen')).toHaveCount(0);

  const mohammed = await otherUser(browser, baseURL);
  await loginAs(mohammed, 'Mohammed El Amrani');
  await mohammed.goto(caseUrl);
  await takeStep(mohammed, 'Dossier voltooien', async () => {
    await steps(mohammed)
      .getByLabel(/^Reden van afsluiten/)
      .selectOption({ label: 'Opgelost naar tevredenheid' });
  });
  await expect(mohammed.getByText('De status is nu: Voltooid.')).toBeVisible();
  await checkPage(mohammed, 'housing-dossier-closed');
});
