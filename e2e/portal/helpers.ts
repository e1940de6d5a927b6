import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { daysFromToday, runLabel } from '../support/pinnedClock.ts';

type Playwright = PlaywrightWorkerArgs['playwright'];

/**
 * Shared steps of the portal browser tests: an accessibility check plus a screenshot of every page
 * visited, the complaint form filled like a citizen would, and staff actions through the staff API
 * as demo users (the same calls the staff app makes).
 */
export const SHOTS = ['test-results/portal', runLabel()].filter(Boolean).join('/');

/** axe-core on WCAG 2.0/2.1 A and AA must find nothing; the screenshot is for a human look. */
export async function checkPage(page: Page, name: string, opts: { axe?: boolean } = {}) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  if (opts.axe === false) return;
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

let counter = 0;
export const uniqueEmail = (who = 'burger') => `${who}.${Date.now().toString(36)}${++counter}@example.org`;

export type ComplaintInput = {
  subject: string;
  email: string;
  name?: string;
  behalf?: { name: string; relation: string };
  file?: { name: string; mimeType: string; buffer: Buffer };
};

/** From the first question to "Klacht versturen", choosing options by their visible labels. */
export async function fillComplaint(page: Page, c: ComplaintInput) {
  await page.goto('/klacht');
  await page.getByLabel('Een klacht indienen').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw klacht' })).toBeVisible();
  await page.getByLabel('Waar gaat uw klacht over?').fill(c.subject);
  await page.getByLabel('Wat is er gebeurd?').fill('Ik heb drie keer gebeld. Niemand belt mij terug over mijn aanvraag.');
  const [y, m, d] = daysFromToday(-5).split('-').map(Number);
  await page.getByLabel(/Op welke dag was dit/).fill(`${d}-${m}-${y}`);
  if (c.file) await page.getByLabel(/Bestanden meesturen/).setInputFiles(c.file);
  await page.getByLabel('Uw naam').fill(c.name ?? 'Evi Jangha');
  if (c.behalf) {
    await page.getByLabel('Ja, ik help iemand anders').check();
    await page.getByLabel('Naam van deze persoon').fill(c.behalf.name);
    await page.getByLabel('Wat bent u van deze persoon?').fill(c.behalf.relation);
  } else {
    await page.getByLabel('Nee, de klacht gaat over mij').check();
  }
  await page.getByLabel('Per e-mail').check();
  await page.getByLabel('Uw e-mailadres').fill(c.email);
  await page.getByLabel('Ik heb gelezen wat u met mijn gegevens doet').check();
}

/** A complaint through the portal API (quicker set-up for tests about later steps). */
export async function submitByApi(request: APIRequestContext, subject: string) {
  const res = await request.post('/api/v1/portal/complaints', {
    data: {
      kind: 'complaint',
      subject,
      description: 'Ik wacht al weken op antwoord op mijn brief.',
      contactPreference: 'email',
      name: 'Youssef Mohamed',
      email: uniqueEmail('youssef'),
      privacyAccepted: true,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { reference: string; trackingUrl: string };
  return { reference: body.reference, path: new URL(body.trackingUrl).pathname, token: body.trackingUrl.split('/volgen/')[1]! };
}

export type Staff = {
  post(url: string, data: unknown): Promise<unknown>;
  get(url: string): Promise<unknown>;
  caseId(reference: string): Promise<string>;
  dispose(): Promise<void>;
};

/** Logs in as a demo user (DEMO=1 only) in a request context of its own; posts carry the CSRF token. */
export async function staffAs(playwright: Playwright, baseURL: string, name: string): Promise<Staff> {
  const ctx = await playwright.request.newContext({ baseURL });
  const options = (await (await ctx.get('/api/v1/login-options')).json()) as { demoUsers: { id: string; name: string }[] };
  const user = options.demoUsers.find((u) => u.name === name);
  if (!user) throw new Error(`no demo user ${name}`);
  const login = await ctx.post('/api/v1/dev-login', { data: { userId: user.id } });
  expect(login.status()).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const check = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(res.status(), `${res.url()}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
  const staff: Staff = {
    post: async (url, data) => check(await ctx.post(url, { data, headers: { 'X-CSRF-Token': csrf } })),
    get: async (url) => check(await ctx.get(url)),
    caseId: async (reference) => {
      const found = (await staff.post('/api/v1/case-searches', { q: reference })) as { items: { id: string; reference: string }[] };
      const item = found.items.find((i) => i.reference === reference);
      if (!item) throw new Error(`case ${reference} not found`);
      return item.id;
    },
    dispose: () => ctx.dispose(),
  };
  return staff;
}

export const transition = (staff: Staff, caseId: string, key: string, inputs: Record<string, unknown> = {}) =>
  staff.post(`/api/v1/cases/${caseId}/transitions`, { transition: key, inputs });
