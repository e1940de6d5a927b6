import { expect, type Page } from '@playwright/test';
import { focused } from './app.ts';

/** What a caller or visitor tells the agent, as the intake screen asks it. */
export type Contact = {
  /** The intake screen's channel (option value); the screen starts on phone. */
  channel?: 'phone' | 'counter' | 'letter';
  subject: string;
  body: string;
  name: string;
  email?: string;
  phone?: string;
  street?: string;
  postcode?: string;
  city?: string;
  /** Not on the agent's own name: the name of the team whose queue it goes to (seed 004: a team task). */
  team?: string;
};

/** The intake screen from the main menu, an empty form. */
export async function openIntake(page: Page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contact registreren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact registreren' })).toBeFocused();
}

/**
 * Fills the open intake screen and registers the contact; the screen then offers to link it or make
 * a case. `beforeSubmit` runs on the filled form (e.g. checkPage while the team choice shows).
 */
export async function registerContact(page: Page, contact: Contact, beforeSubmit?: () => Promise<void>) {
  if (contact.channel) await page.getByLabel('Kanaal').selectOption(contact.channel);
  await page.getByLabel(/^Onderwerp/).fill(contact.subject);
  await page.getByLabel('Wat vertelt de klant?').fill(contact.body);
  await page.getByLabel('Naam', { exact: true }).fill(contact.name);
  const optional = [
    ['Telefoonnummer', contact.phone],
    ['E-mailadres', contact.email],
    ['Straat en huisnummer', contact.street],
    ['Postcode', contact.postcode],
    ['Plaats', contact.city],
  ] as const;
  for (const [label, value] of optional) if (value) await page.getByLabel(label, { exact: true }).fill(value);
  if (contact.team) {
    await page.getByLabel('Op mijn naam').uncheck();
    await page.getByLabel('Voor welk team?').selectOption({ label: contact.team });
  }
  await beforeSubmit?.();
  await page.getByRole('button', { name: 'Contact registreren' }).click();
  await expect(focused(page)).toContainText('Contact geregistreerd');
}

/**
 * "Nieuwe melding maken" on the intake screen, after the contact is registered: the case type's own
 * fields are filled by their label (as the process definition names them), and the case page opens.
 */
export async function createCase(page: Page, fields: Record<string, string> = {}) {
  const form = page.getByRole('form', { name: 'Nieuwe melding' });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: 'Nieuwe melding maken' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^Melding [A-Z]+-\d{4}-\d{6}: /);
  const reference = (await heading.textContent())!.match(/[A-Z]+-\d{4}-\d{6}/)![0];
  await expect(page.getByText(`Melding ${reference} is gemaakt.`)).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  return { id, reference, url: page.url() };
}
