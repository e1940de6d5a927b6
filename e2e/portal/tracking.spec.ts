import { expect, test } from '../support/datedTest.ts';
import { daysFromToday } from '../support/pinnedClock.ts';
import { checkPage, staffAs, submitByApi, transition } from './helpers.ts';

/**
 * Track-and-trace after staff act on the case: answering an information request (with a file),
 * choosing a hearing time, and one case's link never opening another case.
 */
test('answer an information request', async ({ page, request, playwright, baseURL }) => {
  const c = await submitByApi(request, 'Mijn aanvraag is kwijt');
  const coordinator = await staffAs(playwright, baseURL!, 'Kees Bakker');
  const caseId = await coordinator.caseId(c.reference);
  await transition(coordinator, caseId, 'requestInformation', {
    informationRequested: 'Wat is uw klantnummer? En op welke dag stuurde u de aanvraag?',
  });

  await page.goto(c.path);
  await expect(page.getByRole('heading', { name: 'We hebben een vraag voor u' })).toBeVisible();
  await expect(page.getByText('Wat is uw klantnummer? En op welke dag stuurde u de aanvraag?')).toBeVisible();
  await expect(page.locator('.kf-status')).toContainText('We wachten op informatie van u');
  await checkPage(page, '10-volgen-vraag-voor-u');

  // An empty answer is refused at the field.
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByLabel('Uw antwoord')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, '11-volgen-antwoord-met-fout');

  await page.getByLabel('Uw antwoord').fill('Mijn klantnummer is 123456. Ik stuurde de aanvraag op 2 februari.');
  await page
    .getByLabel(/Bestanden meesturen/)
    .setInputFiles({ name: 'aanvraag.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByRole('status')).toContainText('We hebben uw bericht ontvangen');
  await expect(page.getByRole('heading', { name: 'We hebben een vraag voor u' })).toHaveCount(0);
  await expect(page.locator('.kf-status')).toContainText('We hebben uw klacht ontvangen');
  await checkPage(page, '12-volgen-antwoord-verstuurd');

  const detail = (await coordinator.get(`/api/v1/cases/${caseId}`)) as { status: string; documents: { filename: string }[] };
  expect(detail.status).toBe('registered');
  expect(detail.documents.map((d) => d.filename)).toContain('aanvraag.pdf');
  await coordinator.dispose();
});

// Hearing times are days after the server's today: @dates.
test('choose a time for the hearing', { tag: '@dates' }, async ({ page, request, playwright, baseURL }) => {
  const c = await submitByApi(request, 'Onvriendelijk behandeld aan de balie');
  const agent = await staffAs(playwright, baseURL!, 'Sanne de Vries');
  const coordinator = await staffAs(playwright, baseURL!, 'Kees Bakker');
  const backOffice = await staffAs(playwright, baseURL!, 'Ruud Visser');
  const id = await coordinator.caseId(c.reference);
  await transition(agent, id, 'forwardToCoordinator');
  await transition(coordinator, id, 'acknowledge');
  await transition(coordinator, id, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
  await transition(coordinator, id, 'forwardForJudgment');
  await transition(backOffice, id, 'judge', { judgment: 'partlyFounded', judgmentReasons: 'De medewerker had vriendelijker moeten zijn.' });
  const day = (n: number, hour: number) => `${daysFromToday(n)}T${String(hour).padStart(2, '0')}:00:00Z`;
  await coordinator.post(`/api/v1/cases/${id}/hearing-invitation`, {
    slots: [
      { startsAt: day(7, 8), endsAt: day(7, 9), location: 'Kantoor, Stationsplein 1' },
      { startsAt: day(8, 13), endsAt: day(8, 14), location: 'Kantoor, Stationsplein 1' },
    ],
  });

  await page.goto(c.path);
  await expect(page.getByRole('heading', { name: 'Kies een tijd voor uw gesprek' })).toBeVisible();
  await expect(page.locator('.kf-steps [aria-current="step"]')).toContainText('Gesprek');
  await expect(page.getByText('Kees Bakker')).toBeVisible();
  await checkPage(page, '13-volgen-kies-een-tijd');

  await page.getByRole('button', { name: 'Deze tijd kiezen' }).click();
  await expect(page.locator('#slotId-error')).toContainText('Kies een tijd');
  await checkPage(page, '14-volgen-tijd-met-fout');

  await page.getByRole('radio').nth(1).check();
  await page.getByRole('button', { name: 'Deze tijd kiezen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw gesprek staat in onze agenda');
  await expect(page.getByRole('heading', { name: 'Uw gesprek' })).toBeVisible();
  await expect(page.getByText(/Uw gesprek is op \w+dag .* van \d{2}:00 tot \d{2}:00 uur\./)).toBeVisible();
  await expect(page.locator('.kf-status')).toContainText('Uw gesprek is gepland');
  await checkPage(page, '15-volgen-gesprek-gepland');

  expect(((await coordinator.get(`/api/v1/cases/${id}`)) as { status: string }).status).toBe('hearingPlanned');
  for (const s of [agent, coordinator, backOffice]) await s.dispose();
});

test('a waived hearing is "Overgeslagen"; a closed case says who handled it, in the past tense', async ({
  page,
  request,
  playwright,
  baseURL,
}) => {
  const c = await submitByApi(request, 'Niemand belde mij terug');
  const agent = await staffAs(playwright, baseURL!, 'Sanne de Vries');
  const coordinator = await staffAs(playwright, baseURL!, 'Kees Bakker');
  const backOffice = await staffAs(playwright, baseURL!, 'Ruud Visser');
  const id = await coordinator.caseId(c.reference);
  await transition(agent, id, 'forwardToCoordinator');
  await transition(coordinator, id, 'acknowledge');
  await transition(coordinator, id, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
  await transition(coordinator, id, 'forwardForJudgment');
  await transition(backOffice, id, 'judge', { judgment: 'unfounded', judgmentReasons: 'Wij hebben u twee keer teruggebeld.' });
  await transition(coordinator, id, 'skipHearing', { hearingSkipReason: 'manifestlyUnfounded' });

  await page.goto(c.path);
  const hearingStep = page.locator('.kf-step', { hasText: 'Gesprek' });
  await expect(hearingStep).toContainText('Overgeslagen');
  await expect(hearingStep).not.toContainText('Klaar');
  await checkPage(page, '16-volgen-gesprek-overgeslagen');

  await transition(coordinator, id, 'cancel', { cancelReason: 'withdrawn', note: 'De klager trekt de klacht in.' });
  await page.goto(c.path);
  await expect(page.getByRole('heading', { name: 'Wie heeft uw klacht behandeld?' })).toBeVisible();
  await expect(page.locator('main')).toContainText('heeft uw klacht behandeld.');
  await expect(page.locator('main')).not.toContainText('behandelt uw klacht');
  await checkPage(page, '17-volgen-afgerond-behandeld');
  for (const s of [agent, coordinator, backOffice]) await s.dispose();
});

test("one case's link never opens another case; every bad link gets the same kind page", async ({ page, request, playwright, baseURL }) => {
  const a = await submitByApi(request, 'Klacht A over de wachttijd');
  const b = await submitByApi(request, 'Klacht B over een brief');
  const coordinator = await staffAs(playwright, baseURL!, 'Kees Bakker');
  await coordinator.post(`/api/v1/cases/${await coordinator.caseId(a.reference)}/notes`, {
    body: 'GEHEIM: interne afweging over klacht A',
  });
  await coordinator.dispose();

  await page.goto(a.path);
  await expect(page.getByText('Klacht A over de wachttijd')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Klacht B');
  await expect(page.locator('main')).not.toContainText('GEHEIM');
  await page.goto(b.path);
  await expect(page.getByText('Klacht B over een brief')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Klacht A');

  const oneOff = a.token.slice(0, -1) + (a.token.endsWith('A') ? 'B' : 'A');
  const bodies: string[] = [];
  for (const bad of [
    `/volgen/${oneOff}`,
    `/volgen/${'x'.repeat(43)}`,
    '/volgen/kort',
    `/volgen/${oneOff}/ontvangen`,
    `/enquete/${a.token}`,
  ]) {
    const res = await page.goto(bad);
    expect(res!.status(), bad).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze link werkt niet');
    bodies.push(await page.locator('main').innerHTML());
  }
  expect(new Set(bodies).size, 'the same page for every bad link').toBe(1);
  await checkPage(page, '16-link-werkt-niet');

  // Posting to a case through a bad link changes nothing and shows the same page.
  const post = await request.post(`/volgen/${oneOff}/antwoord`, { form: { text: 'Dit mag niet aankomen' } });
  expect(post.status()).toBe(404);
  await page.goto(a.path);
  await expect(page.locator('main')).not.toContainText('Dit mag niet aankomen');
});
