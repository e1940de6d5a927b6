import type { Page } from '@playwright/test';
import { checkPage, focused, loginAs } from './support/app.ts';
import { expect, test } from './support/datedTest.ts';

/**
 * The regime of a case where its process allows more than one (seed 000: the ministry has some
 * complaints advised on by a committee, Awb afd. 9.1.3). The coordinator opens a demo case, reads
 * its regime where the clocks are, gives it the committee regime and sees the handling term become
 * 10 weeks instead of 6; then records that the decision departs from the committee's advice, which
 * needs a reason (Awb 9:16), refused at its field without one.
 */
type Clock = { key: string; state: string; adjustedEnd: string; rule: { nl: string }; previous?: unknown[] };
type Detail = { id: string; regime: string; closedAt: string | null; abilities: { changeRegime: boolean }; clocks: Clock[] };

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`/api/v1${url}`);
  expect(res.ok(), `GET ${url}: ${await res.text()}`).toBe(true);
  return res.json();
}
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
const handlingOf = (c: Detail) => c.clocks.find((k) => k.key === 'handling');

/** An open demo case under Awb chapter 9 whose handling term runs and whose regime this user may change. */
async function demoCaseToSwitch(page: Page) {
  const list = await apiGet<{ items: { id: string }[] }>(page, '/cases?open=true&limit=100');
  for (const { id } of list.items) {
    const c = await apiGet<Detail>(page, `/cases/${id}`);
    const handling = handlingOf(c);
    // A case another journey extended (consent, extension) has an earlier term: not the plain 6 weeks.
    const plain = handling && handling.state !== 'stopped' && /^6 weken na ontvangst/.test(handling.rule.nl) && !handling.previous?.length;
    if (c.regime === 'awb' && c.abilities.changeRegime && plain) return c;
  }
  throw new Error('no open demo case under Awb chapter 9 whose regime the coordinator may change');
}

test('the coordinator gives a demo case the advisory committee regime: 10 weeks instead of 6', { tag: '@dates' }, async ({ page }) => {
  await loginAs(page, 'Kees Bakker');
  const before = await demoCaseToSwitch(page);
  expect(handlingOf(before)!.rule.nl).toMatch(/^6 weken na ontvangst/);

  await page.goto(`/meldingen/${before.id}`);
  const terms = page.getByRole('region', { name: 'Termijnen' });
  await expect(terms.getByText('Deze klacht valt onder: Awb hoofdstuk 9', { exact: true })).toBeVisible();
  const statutory = terms.getByRole('definition').filter({ hasText: 'Regel: 6 weken na ontvangst' });
  await expect(statutory).toContainText(`uiterlijk ${longDate(handlingOf(before)!.adjustedEnd)}`);
  await terms.getByRole('button', { name: 'Klachtregeling wijzigen' }).click();
  const choice = terms.getByRole('group', { name: 'Klachtregeling van deze melding' });
  await expect(choice.getByRole('radio', { name: 'Awb hoofdstuk 9', exact: true })).toBeChecked();
  await checkPage(page, 'regime-awb');

  await choice.getByRole('radio', { name: 'Awb hoofdstuk 9 met klachtadviescommissie' }).check();
  await terms.getByRole('button', { name: 'Klachtregeling wijzigen' }).click();
  await expect(focused(page)).toHaveText(
    'De klacht valt nu onder Awb hoofdstuk 9 met klachtadviescommissie. De termijnen zijn opnieuw berekend.',
  );
  const after = await apiGet<Detail>(page, `/cases/${before.id}`);
  expect(after.regime).toBe('awbCommittee');
  const handling = handlingOf(after)!;
  expect(handling.adjustedEnd > handlingOf(before)!.adjustedEnd).toBe(true);
  await expect(terms.getByText('Deze klacht valt onder: Awb hoofdstuk 9 met klachtadviescommissie', { exact: true })).toBeVisible();
  const committee = terms
    .getByRole('definition')
    .filter({ hasText: 'Regel: 10 weken na ontvangst, klachtadviesprocedure (Awb 9:11 lid 1, afd. 9.1.3)' });
  await expect(committee).toContainText(`uiterlijk ${longDate(handling.adjustedEnd)}`);
  await expect(terms.getByText('Regel: 6 weken na ontvangst')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Gegevens van de melding' })).toContainText(longDate(handling.adjustedEnd));
  await checkPage(page, 'regime-committee');

  // Awb 9:16: departing from the committee's advice needs a reason, refused at its field without one.
  const advice = page.getByRole('region', { name: 'Advies van de commissie' });
  await expect(advice.getByText('Het advies staat nog niet bij de documenten.', { exact: false })).toBeVisible();
  await advice.getByRole('button', { name: 'Besluit over het advies vastleggen' }).click();
  await advice.getByRole('group', { name: 'Volgt het besluit het advies van de commissie?' }).getByRole('radio', { name: 'Nee' }).check();
  const reason = advice.getByLabel('Waarom wijkt het besluit af van het advies?');
  await advice.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toBeFocused();
  await expect(advice.getByText(/^Schrijf waarom het besluit afwijkt van het advies van de klachtadviescommissie\./)).toBeVisible();
  await checkPage(page, 'regime-advice-refused');
  await reason.fill('Het advies ging uit van de regels van vorig jaar.');
  await advice.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(
    advice.getByText('Vastgelegd: het besluit wijkt af van het advies. Reden: Het advies ging uit van de regels van vorig jaar.'),
  ).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Tijdlijn' });
  await expect(timeline.getByText('Klachtregeling gewijzigd')).toBeVisible();
  await expect(timeline.getByText('Klachtregeling: Awb hoofdstuk 9 → Awb hoofdstuk 9 met klachtadviescommissie')).toBeVisible();
  await checkPage(page, 'regime-advice');
});
