import type { Page } from '@playwright/test';
import { announcement, checkPage, focused, loginAs, otherUser } from './support/app.ts';
import { expect, test } from './support/datedTest.ts';
import { createCase, openIntake, registerContact } from './support/intake.ts';
import { daysFromToday } from './support/pinnedClock.ts';

/**
 * The coordinator's journey of seed 000 in the browser: classify, invite for a hearing with time
 * slots, book one for the complainant, record the hearing, then the decision letter — drafted by
 * the back office, reviewed, edited with live plain-language feedback, approved and sent by the
 * coordinator — and the case ends closed with the letter on its timeline.
 */
/** Reads what the server says (assertions only: every write in this journey goes through a screen). */
async function apiGet(page: Page, url: string) {
  const res = await page.request.get(`/api/v1${url}`);
  expect(res.ok(), `GET ${url}: ${await res.text()}`).toBe(true);
  return res.json();
}

const steps = (page: Page) => page.getByRole('region', { name: 'Processtappen' });
const timeline = (page: Page) => page.getByRole('region', { name: 'Tijdlijn' });
const lead = (page: Page) => page.locator('.utrecht-paragraph--lead');

/** Opens a step's form and submits it with the given fills. */
async function takeStep(page: Page, name: string, fill?: () => Promise<void>) {
  await steps(page).getByRole('button', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: `Stap: ${name}` })).toBeFocused();
  await fill?.();
  await steps(page).getByRole('button', { name, exact: true }).last().click();
  await expect(focused(page)).toContainText(`Stap "${name}" is gezet.`);
}

/** A local date-time a number of days from the server's today, as a datetime-local input takes it. */
const inDays = (days: number, hour: number) => `${daysFromToday(days)}T${String(hour).padStart(2, '0')}:00`;

test('the coordinator classifies, invites for a hearing, reviews and sends the decision letter; the case closes', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The first-line agent registers the call on the intake screen and forwards it (the screen's own journey is intake.spec.ts).
  await loginAs(page, 'Mohammed El Amrani');
  await openIntake(page);
  await registerContact(page, {
    subject: 'Onvriendelijk behandeld aan de balie',
    body: 'De medewerker aan de balie was onvriendelijk en luisterde niet.',
    name: 'Ria Bos',
    email: 'ria.bos@example.org',
    street: 'Dorpsstraat 1',
    postcode: '1234 AB',
    city: 'Zeist',
  });
  const c = await createCase(page);
  await takeStep(page, 'Doorzetten naar klachtencoördinator');

  // The coordinator assesses and classifies it as a statutory complaint, and asks the back office for a judgment.
  const coordinator = await otherUser(browser, baseURL);
  await loginAs(coordinator, 'Kees Bakker');
  await coordinator.goto(`/meldingen/${c.id}`);
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(`Melding ${c.reference}: Onvriendelijk behandeld aan de balie`);
  await checkPage(coordinator, 'coordinator-case');
  await takeStep(coordinator, 'Beoordelen en ontvangst bevestigen');
  await takeStep(coordinator, 'Classificeren', async () => {
    await coordinator.getByLabel(/^Klacht of signaal/).selectOption({ label: 'Klacht' });
    await coordinator.getByLabel(/^Formeel of informeel/).selectOption({ label: 'Formeel (schriftelijk, Awb 9:4)' });
    await coordinator.getByLabel(/^Grondslag/).selectOption({ label: 'Bejegening' });
    await coordinator
      .getByRole('group', { name: /AWB-klacht/ })
      .getByLabel('Ja')
      .check();
  });
  await takeStep(coordinator, 'Doorzetten naar BO klachten voor oordeel');

  // The back office gives its judgment in the step form on the case page.
  const backOffice = await otherUser(browser, baseURL);
  await loginAs(backOffice, 'Ruud Visser');
  await backOffice.goto(`/meldingen/${c.id}`);
  await takeStep(backOffice, 'Oordeel geven', async () => {
    await backOffice.getByLabel(/^Oordeel/).selectOption({ label: 'Deels gegrond' });
    await backOffice.getByLabel(/^Motivering/).fill('De medewerker had rustiger moeten blijven.');
  });

  // Hearing: the invitation offers two times; a time in the past is refused at its field.
  await coordinator.reload();
  await steps(coordinator).getByRole('button', { name: 'Uitnodigen voor hoorgesprek' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Stap: Uitnodigen voor hoorgesprek' })).toBeFocused();
  const slot = (n: number) => coordinator.getByRole('group', { name: `Tijd ${n}` });
  await slot(1)
    .getByLabel(/^Begint op/)
    .fill(inDays(-2, 10));
  await slot(1)
    .getByLabel(/^Eindigt op/)
    .fill(inDays(-2, 11));
  await slot(1)
    .getByLabel(/^Plaats/)
    .fill('Kantoor Zeist, kamer 2');
  await coordinator.getByRole('button', { name: 'Nog een tijd toevoegen' }).click();
  await expect(slot(2).getByLabel(/^Begint op/)).toBeFocused();
  await expect(slot(2).getByLabel(/^Plaats/)).toHaveValue('Kantoor Zeist, kamer 2');
  await slot(2)
    .getByLabel(/^Begint op/)
    .fill(inDays(8, 14));
  await slot(2)
    .getByLabel(/^Eindigt op/)
    .fill(inDays(8, 15));
  await coordinator.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  const start1 = slot(1).getByLabel(/^Begint op/);
  await expect(start1).toHaveAttribute('aria-invalid', 'true');
  await expect(slot(1).getByText('Bied alleen tijden in de toekomst aan.')).toBeVisible();
  await checkPage(coordinator, 'coordinator-hearing-invitation');
  await start1.fill(inDays(7, 10));
  await slot(1)
    .getByLabel(/^Eindigt op/)
    .fill(inDays(7, 11));
  await coordinator.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(focused(coordinator)).toContainText('De status is nu: Uitgenodigd voor hoorgesprek.');

  // The complainant calls back; the coordinator books the second time for them.
  const hearing = coordinator.getByRole('region', { name: 'Hoorgesprek' });
  await expect(hearing.getByRole('listitem')).toHaveCount(2);
  await hearing
    .getByRole('button', { name: /^Boeken namens de klant/ })
    .last()
    .click();
  await expect(announcement(coordinator)).toHaveText('De tijd is geboekt. De status is nu: Hoorgesprek gepland.');
  await expect(hearing.getByText('(geboekt)')).toHaveCount(1);
  await expect(hearing.getByText('(vervallen)')).toHaveCount(1);
  await checkPage(coordinator, 'coordinator-hearing-planned');

  // After the hearing: the report as a document, the step, and on to the back office for the letter.
  await coordinator.getByRole('button', { name: /^Documenten/ }).click();
  await coordinator.getByRole('button', { name: 'Document toevoegen' }).click();
  await coordinator.getByLabel('Soort document').selectOption({ label: 'Hoorverslag' });
  await coordinator
    .getByLabel(/^Bestand/)
    .setInputFiles({ name: 'hoorverslag.txt', mimeType: 'text/plain', buffer: Buffer.from('Verslag van het gesprek met mevrouw Bos.') });
  await coordinator.getByRole('button', { name: 'Document toevoegen' }).click();
  await expect(coordinator.getByRole('link', { name: 'hoorverslag.txt downloaden' })).toBeVisible();
  await takeStep(coordinator, 'Hoorverslag toevoegen', () =>
    coordinator.getByLabel(/^Samenvatting hoorgesprek/).fill('Mevrouw Bos is gehoord. Zij wil excuses.'),
  );
  await takeStep(coordinator, 'Doorzetten naar BO klachten voor brief');

  // The back office drafts the decision letter from the template and offers it for review.
  await backOffice.goto(`/meldingen/${c.id}`);
  const letters = backOffice.getByRole('region', { name: 'Brieven' });
  await expect(letters.getByText('Er zijn nog geen brieven bij deze melding.')).toBeVisible();
  await letters.getByRole('button', { name: 'Brief opstellen' }).click();
  await expect(letters.getByLabel('Soort brief')).toHaveValue('decision');
  await letters.getByRole('button', { name: 'Brief opstellen' }).click();
  await expect(backOffice).toHaveURL(/\/meldingen\/[0-9a-f-]+\/brieven\/[0-9a-f-]+$/);
  await expect(backOffice.getByRole('heading', { level: 1 })).toHaveText(`Afhandelingsbrief bij melding ${c.reference}`);
  await expect(backOffice.getByRole('heading', { level: 1 })).toBeFocused();
  const problems = backOffice.getByRole('alert').filter({ hasText: 'Nog nodig voor goedkeuring' });
  await expect(problems.getByRole('listitem')).toHaveCount(2);
  await expect(backOffice.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);
  await backOffice
    .getByLabel('Wat wij hebben onderzocht', { exact: true })
    .fill('Wij hebben met de medewerker gesproken. Wij hebben ook met u gesproken.');
  await backOffice.getByLabel('Standaardtekst', { exact: true }).selectOption({ label: 'Excuses voor hoe u bent behandeld' });
  await backOffice.getByLabel('In onderdeel').selectOption({ label: 'Wat wij gaan doen' });
  await backOffice.getByRole('button', { name: 'Invoegen' }).click();
  await expect(focused(backOffice)).toContainText(
    '"Excuses voor hoe u bent behandeld" is ingevoegd in "Wat wij gaan doen". Opgeslagen als versie 2.',
  );
  await expect(backOffice.getByLabel('Wat wij gaan doen', { exact: true })).toHaveValue(/Wij bieden u onze excuses aan\./);
  await expect(backOffice.getByLabel('Wat wij hebben onderzocht', { exact: true })).toHaveValue(/Wij hebben met de medewerker gesproken/);
  await expect(problems).toHaveCount(0);
  await expect(backOffice.getByTestId('readability-summary')).toContainText('Flesch-Douma');
  await checkPage(backOffice, 'letter-backoffice-draft');
  await backOffice.getByRole('button', { name: 'Ter controle aanbieden' }).click();
  await expect(focused(backOffice)).toHaveText(
    'De brief is ter controle aangeboden. De processtap "Brief ter controle aanbieden" is gezet.',
  );
  await expect(lead(backOffice)).toContainText('Brief: Ter controle, versie 2');
  await expect(lead(backOffice)).toContainText('Melding: Brief controleren');

  // The coordinator reviews it from the case page, edits, and sees the plain-language check live.
  await coordinator.goto(`/meldingen/${c.id}`);
  const list = coordinator.getByRole('region', { name: 'Brieven' });
  await expect(list.getByRole('row').filter({ hasText: 'Afhandelingsbrief' })).toContainText('Ter controle');
  await list.getByRole('link', { name: 'Afhandelingsbrief' }).click();
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(`Afhandelingsbrief bij melding ${c.reference}`);
  await expect(coordinator.getByRole('button', { name: 'Ter controle aanbieden' })).toHaveCount(0);
  const findings = coordinator.getByLabel('Wat wij hebben onderzocht', { exact: true });
  const summary = coordinator.getByTestId('readability-summary');
  await expect(summary).toHaveAttribute('aria-live', 'polite');
  await findings.fill(
    'Indien u vragen heeft over dit onderzoek, dan verzoeken wij u derhalve om contact op te nemen met de afdeling die uw aanvraag in behandeling heeft genomen en daarover heeft besloten.',
  );
  await expect(findings).toBeFocused();
  await expect(summary).toContainText('Lange zinnen: 1.');
  const feedback = coordinator.getByRole('region', { name: 'Leesbaarheid (B1)' });
  await expect(feedback.getByText(/"Indien": schrijf liever .*"als"/)).toBeVisible();
  await expect(findings).toBeFocused();
  await checkPage(coordinator, 'letter-coordinator-readability');
  await findings.fill('Wij hebben met de medewerker gesproken. Zij was te kortaf. Wij hebben ook met u gesproken.');
  await expect(summary).toContainText('Lange zinnen: 0. Moeilijke woorden: 0.');
  await coordinator.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(focused(coordinator)).toHaveText('Opgeslagen als versie 3.');
  const versions = coordinator.getByRole('region', { name: 'Versies' });
  await expect(versions.getByRole('listitem')).toHaveCount(3);
  await expect(versions.getByText(/^Versie 2, Ruud Visser/)).toBeVisible();
  await expect(versions.getByText(/^Versie 3, Kees Bakker/)).toBeVisible();

  // The PDF preview opens, then approve and send; sending takes the closing step.
  const pdf = await coordinator.request.get(
    (await coordinator.getByRole('link', { name: /^Voorbeeld als PDF bekijken/ }).getAttribute('href'))!,
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  // The signer (seed 003): preselected with the case's handler, or, as here without one, the
  // approver, as the server would choose; the coordinator names a colleague instead.
  const handler = (await apiGet(coordinator, `/cases/${c.id}`)).assignee;
  const signer = coordinator.getByLabel(/^Ondertekenen door/);
  await expect(coordinator.getByText('Bij voorkeur de medewerker die met de klant heeft gesproken.')).toBeVisible();
  await expect(signer.locator('option:checked')).toHaveText(handler?.name ?? 'Kees Bakker');
  await signer.selectOption({ label: 'Fatma Yilmaz' });
  await coordinator.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(focused(coordinator)).toHaveText('De brief is goedgekeurd. Hij wordt ondertekend door Fatma Yilmaz.');
  await expect(coordinator.getByText(/^Ondertekend door: /)).toHaveText('Ondertekend door: Fatma Yilmaz, Onafhankelijk klachtbehandelaar');
  await expect(signer).toHaveCount(0);
  await checkPage(coordinator, 'letter-coordinator-approved');
  await coordinator.getByRole('button', { name: 'Versturen' }).click();
  await expect(focused(coordinator)).toHaveText('De brief is verstuurd. De processtap "Brief controleren en versturen" is gezet.');
  await expect(lead(coordinator)).toContainText('Brief: Verstuurd, versie 3');
  await expect(lead(coordinator)).toContainText('Melding: Gesloten');
  await expect(coordinator.getByText('U kunt deze brief lezen, maar niet meer wijzigen.')).toBeVisible();
  await expect(coordinator.getByRole('button', { name: 'Versturen' })).toHaveCount(0);
  await expect(coordinator.getByText(/^Ondertekend door: /)).toHaveText('Ondertekend door: Fatma Yilmaz, Onafhankelijk klachtbehandelaar');
  await checkPage(coordinator, 'letter-sent');

  // The case is closed; the letter and its mail are on the timeline.
  await coordinator.getByRole('link', { name: `Terug naar melding ${c.reference}` }).click();
  await expect(lead(coordinator)).toContainText('Gesloten');
  await expect(
    coordinator.getByRole('region', { name: 'Brieven' }).getByRole('row').filter({ hasText: 'Afhandelingsbrief' }),
  ).toContainText('Verstuurd');
  for (const what of [
    'Brief opgesteld',
    'Brief aangeboden ter controle',
    'Brief goedgekeurd',
    'Brief verstuurd',
    'Tijden voor het hoorgesprek aangeboden',
  ]) {
    await expect(timeline(coordinator).getByText(what, { exact: true }).first()).toBeVisible();
  }
  await expect(timeline(coordinator).getByText('Processtap gezet: Brief controleren en versturen')).toBeVisible();
  await expect(timeline(coordinator).getByText('Bericht klaargezet voor verzending').first()).toBeVisible();
  await coordinator.getByRole('button', { name: /^Documenten/ }).click();
  await expect(coordinator.getByRole('region', { name: 'Documenten' }).getByRole('link', { name: /\.pdf downloaden$/ })).toBeVisible();
  await checkPage(coordinator, 'coordinator-case-closed');

  // The demo mailbox: the complainant got the hearing invitation and the letter, with the letter as PDF.
  await coordinator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Demo-mailbox' }).click();
  const mail = (subject: string) => coordinator.locator('tbody tr').filter({ hasText: subject });
  await expect(mail(`Uitnodiging voor een gesprek over uw klacht (${c.reference})`)).toContainText('ria.bos@example.org');
  await expect(mail(`Onze brief over uw klacht (${c.reference})`)).toContainText('ria.bos@example.org');
  await mail(`Onze brief over uw klacht (${c.reference})`).getByRole('link').first().click();
  await expect(coordinator.getByText(/^Beste Ria Bos/).first()).toBeVisible();
  await expect(coordinator.getByRole('region', { name: 'Bijlagen' }).getByRole('link', { name: /\.pdf$/ })).toBeVisible();
  await checkPage(coordinator, 'coordinator-letter-mail');
});
