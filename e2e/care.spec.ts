import { expect, test, type Page } from '@playwright/test';
import { checkPage, loginAs, otherUser } from './support/app.ts';

/**
 * Seed 002, the care organisation (run with playwright.care.config.ts: a server with
 * config/examples/care-organisation.json). The team lead hands a formal complaint to the quality
 * officer and keeps a read view that says where it went; the klachtenfunctionaris follows it, adds
 * advice as a note, takes no steps and sees that the health details are hidden from them.
 */
const HEALTH = 'Diabetes type 2, insuline om acht uur';

async function api(page: Page, path: string, data: object) {
  const session = await (await page.request.get('/api/v1/session')).json();
  const res = await page.request.post(`/api/v1${path}`, { headers: { 'X-CSRF-Token': session.csrfToken }, data });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}
const steps = (page: Page) => page.getByRole('region', { name: 'Processtappen' });

test('a team lead hands a formal complaint on and keeps a read view; the complaints officer advises without seeing health details', async ({
  page,
  browser,
  baseURL,
}) => {
  await loginAs(page, 'Jeroen Mulder');
  const c = await api(page, '/cases', {
    subject: 'Medicatie te laat gegeven',
    description: 'Mijn vader kreeg zijn medicijnen twee uur te laat.',
    channel: 'counter',
    complainant: { name: 'Dochter van dhr. Bos', email: 'bos@example.org' },
    data: { location: 'Team Noord', healthDetails: HEALTH },
  });
  await page.goto(`/meldingen/${c.id}`);
  await expect(page.getByText(HEALTH)).toBeVisible();

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
