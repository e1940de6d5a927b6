import type { Page } from '@playwright/test';
import { checkPage, focused, loginAs } from './support/app.ts';
import { expect, test } from './support/datedTest.ts';
import { today } from './support/pinnedClock.ts';

/**
 * The terms of a case on its page: every clock with how its date was derived, the people the
 * complaint is about (Awb 9:7, 9:9), and the one extension of the handling period (Awb 9:11 lid 2)
 * — refused over 4 weeks at its field, then granted, with the earlier term kept as "Eerst".
 * Its dates depend on the day (a term that ends on a weekend or holiday moves): tagged @dates, so
 * scripts/test.sh runs it on such days too.
 */
type Clock = { key: string; start: string; rawEnd: string; adjustedEnd: string; previous: { adjustedEnd: string }[] };
type Detail = { id: string; reference: string; clocks: Clock[]; complainedPersons: { name: string; userId: string | null }[] };

async function apiCall<T>(page: Page, method: 'get' | 'post', url: string, data?: object): Promise<T> {
  const session = await (await page.request.get('/api/v1/session')).json();
  const res = await page.request[method](`/api/v1${url}`, { headers: { 'X-CSRF-Token': session.csrfToken }, ...(data ? { data } : {}) });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return res.json();
}

/** A civil date as the page writes it: "13 april 2026". */
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
const handlingOf = (c: Detail) => c.clocks.find((k) => k.key === 'handling')!;
/** An earlier term as the page lists it: its end, and when that was moved, the end as calculated. */
const termEnd = (c: Clock) =>
  c.rawEnd === c.adjustedEnd ? longDate(c.adjustedEnd) : `${longDate(c.adjustedEnd)} (berekend ${longDate(c.rawEnd)}, verschoven)`;

test('the coordinator reads the terms with their derivation, records who the complaint is about and extends the period once', {
  tag: '@dates',
}, async ({ page }) => {
  await loginAs(page, 'Kees Bakker');
  const created = await apiCall<{ id: string; reference: string }>(page, 'post', '/cases', {
    subject: 'Medewerker gaf verkeerde informatie',
    description: 'Mij werd verteld dat ik geen bezwaar kon maken. Dat klopte niet.',
    channel: 'email',
    complainant: { name: 'Lotte Maas', email: 'lotte.maas@example.org', street: 'Brink 4', postcode: '1234 AB', city: 'Zeist' },
  });
  const before = handlingOf(await apiCall<Detail>(page, 'get', `/cases/${created.id}`));
  expect(before.start, "received on the server's (pinned) date").toBe(today());

  await page.goto(`/meldingen/${created.id}`);
  const terms = page.getByRole('region', { name: 'Termijnen' });
  await expect(terms).toBeVisible();
  const statutory = terms.getByRole('definition').filter({ hasText: 'Regel: 6 weken na ontvangst (Awb 9:11 lid 1)' });
  await expect(terms.getByRole('term').filter({ hasText: 'Wettelijke afhandeltermijn' })).toBeVisible();
  await expect(statutory).toContainText(`uiterlijk ${longDate(before.adjustedEnd)} · loopt`);
  await expect(statutory).toContainText(`Start: ${longDate(before.start)} (ontvangst)`);
  await expect(statutory).toContainText(`Berekend: ${longDate(before.rawEnd)}`);
  if (before.rawEnd !== before.adjustedEnd)
    await expect(statutory).toContainText(`Verschoven naar: ${longDate(before.adjustedEnd)}. Reden: Eindigt op`);
  await expect(statutory).not.toContainText('Eerst:');
  await checkPage(page, 'clocks-case');

  // Awb 9:7 / 9:9: a colleague is recorded; they are listed, excluded, and no longer offered.
  const complained = page.getByRole('region', { name: 'Over wie is geklaagd' });
  await complained.getByRole('button', { name: 'Over wie is geklaagd (0)' }).click();
  await expect(complained.getByText('Er is nog niemand vastgelegd.')).toBeVisible();
  await complained.getByRole('button', { name: 'Persoon vastleggen' }).click();
  const who = complained.getByLabel('Over wie gaat de klacht?');
  await who.selectOption({ label: 'Anouk Smit' });
  await complained.getByLabel('Functie (niet verplicht)').fill('Medewerker bezwaarschriften');
  await complained.getByRole('button', { name: 'Persoon vastleggen' }).click();
  const person = complained.getByRole('listitem').filter({ hasText: 'Anouk Smit, Medewerker bezwaarschriften' });
  await expect(person).toBeVisible();
  await expect(person).toContainText('Mag deze melding niet behandelen (Awb 9:7).');
  await expect(person).toContainText('Krijgt een afschrift van de klacht per e-mail (Awb 9:9).');
  await expect(who.locator('option', { hasText: 'Anouk Smit' })).toHaveCount(0);
  // Nobody chosen: the server's message at the choice. Someone without an account: a task for the handler.
  await complained.getByRole('button', { name: 'Persoon vastleggen' }).click();
  await expect(who).toHaveAttribute('aria-invalid', 'true');
  await expect(complained.getByText('Kies een medewerker of vul een naam in.')).toBeVisible();
  await who.selectOption({ label: 'Iemand zonder account' });
  await complained.getByLabel(/^Naam/).fill('J. de Wit');
  await complained.getByRole('button', { name: 'Persoon vastleggen' }).click();
  await expect(complained.getByRole('listitem').filter({ hasText: 'J. de Wit' })).toContainText(
    'Heeft geen account: de behandelaar krijgt een taak om het afschrift te sturen (Awb 9:9).',
  );
  await checkPage(page, 'clocks-complained');

  // Five weeks is more than the law allows: the server's message at the weeks field, which gets focus.
  await terms.getByRole('button', { name: 'Termijn verdagen' }).click();
  const weeks = terms.getByLabel('Aantal weken');
  await weeks.fill('5');
  await terms.getByLabel('Waarom heeft u meer tijd nodig?').fill('Wij wachten nog op informatie van een andere afdeling.');
  await terms.getByRole('button', { name: 'Termijn verdagen' }).click();
  await expect(weeks).toHaveAttribute('aria-invalid', 'true');
  await expect(weeks).toBeFocused();
  await expect(terms.getByText('Verdaging is 1 tot en met 4 weken (Awb 9:11 lid 2).')).toBeVisible();
  await checkPage(page, 'clocks-extension-refused');

  // Four weeks: the new end date, the earlier term as "Eerst", and now only the consent form.
  await weeks.fill('4');
  await terms.getByRole('button', { name: 'Termijn verdagen' }).click();
  const after = handlingOf(await apiCall<Detail>(page, 'get', `/cases/${created.id}`));
  expect(after.previous).toHaveLength(1);
  expect(after.adjustedEnd > before.adjustedEnd).toBe(true);
  await expect(focused(page)).toHaveText(
    `De termijn is verdaagd. De nieuwe einddatum is ${longDate(after.adjustedEnd)}. De klant krijgt hierover een brief.`,
  );
  const extended = terms.getByRole('definition').filter({ hasText: 'verdaagd met 4 weken (Awb 9:11 lid 2' });
  await expect(extended).toContainText(`uiterlijk ${longDate(after.adjustedEnd)}`);
  await expect(extended).toContainText(`Eerst: ${termEnd(before)}, 6 weken na ontvangst (Awb 9:11 lid 1)`);
  await expect(terms.getByRole('button', { name: 'Termijn verdagen' })).toHaveCount(0);
  await expect(terms.getByRole('heading', { name: 'Uitstel met instemming van de klant vastleggen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Gegevens van de melding' })).toContainText(longDate(after.adjustedEnd));
  await checkPage(page, 'clocks-extended');

  // Further delay only with the complainant's consent: a new end that is not later is refused at its field.
  const newEnd = terms.getByLabel('Nieuwe einddatum');
  await terms.getByLabel('Datum van de instemming').fill(today());
  await newEnd.fill(before.adjustedEnd);
  await terms.getByLabel('Toelichting').fill('De klant stemt per e-mail in met uitstel.');
  await terms.getByRole('button', { name: 'Uitstel vastleggen' }).click();
  await expect(newEnd).toHaveAttribute('aria-invalid', 'true');
  await expect(newEnd).toBeFocused();
  await expect(terms.getByText(`De nieuwe einddatum moet na ${longDate(after.adjustedEnd)} liggen.`)).toBeVisible();
  await checkPage(page, 'clocks-consent-refused');
  const agreed = new Date(Date.parse(`${after.adjustedEnd}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await newEnd.fill(agreed);
  await terms.getByRole('button', { name: 'Uitstel vastleggen' }).click();
  await expect(focused(page)).toHaveText(`Het uitstel is vastgelegd. De nieuwe einddatum is ${longDate(agreed)}.`);
  const delayed = terms.getByRole('definition').filter({ hasText: `Verder uitgesteld tot ${longDate(agreed)}` });
  await expect(delayed).toContainText(`uiterlijk ${longDate(agreed)}`);
  await expect(delayed).toContainText(`Eerst: ${termEnd(before)}, 6 weken na ontvangst (Awb 9:11 lid 1)`);
  await expect(delayed).toContainText(`Daarna: ${termEnd(after)}, 6 weken na ontvangst (Awb 9:11 lid 1), verdaagd met 4 weken`);
  await checkPage(page, 'clocks-consent');

  // Asking the complainant for information starts a waiting period; it is listed with its end.
  await apiCall(page, 'post', `/cases/${created.id}/transitions`, {
    transition: 'requestInformation',
    inputs: { informationRequested: 'De datum van het telefoongesprek.' },
  });
  const waiting = (
    await apiCall<{ pendingTimers: { key: string; firesAt: string }[] }>(page, 'get', `/cases/${created.id}`)
  ).pendingTimers.find((x) => x.key === 'informationWait')!;
  await page.reload();
  const periods = terms.getByRole('definition').filter({ has: page.locator(`time[datetime="${waiting.firesAt}"]`) });
  await expect(terms.getByRole('heading', { name: 'Wachttermijnen' })).toBeVisible();
  await expect(terms.getByRole('term').filter({ hasText: 'Wachten op informatie van de klant' })).toBeVisible();
  await expect(periods).toHaveText(/^tot \d+ \w+\.? \d{4}/);
  await checkPage(page, 'clocks-waiting');
});
