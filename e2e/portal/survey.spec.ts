import { expect, test } from '@playwright/test';
import { checkPage, staffAs } from './helpers.ts';

/**
 * The satisfaction survey: its link comes from the invitation mail (the demo mailbox shows what
 * was sent), one click sends a score, and a second answer gets a friendly message.
 */
test('fill in the satisfaction survey once', async ({ page, playwright, baseURL }) => {
  const staff = await staffAs(playwright, baseURL!, 'Kees Bakker');
  type Item = { id: string; template: string };
  let token: string | undefined;
  let cursor: string | null = null;
  do {
    const list = (await staff.get(`/api/v1/demo-mailbox?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as {
      items: Item[];
      nextCursor: string | null;
    };
    const invitation = list.items.find((m) => m.template === 'surveyInvitation');
    if (invitation) {
      const mail = (await staff.get(`/api/v1/demo-mailbox/${invitation.id}`)) as { text: string };
      token = /\/enquete\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    }
    cursor = list.nextCursor;
  } while (!token && cursor);
  await staff.dispose();
  expect(token, 'a survey invitation in the demo mailbox').toBeTruthy();

  await page.goto(`/enquete/${token}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoe vond u het?');
  const buttons = page.getByRole('button');
  await expect(buttons).toHaveText([
    /1\s+Heel ontevreden/,
    /2\s+Ontevreden/,
    /3\s+Niet goed, niet slecht/,
    /4\s+Tevreden/,
    /5\s+Heel tevreden/,
  ]);
  await checkPage(page, '17-enquete');

  await page.getByLabel(/Wilt u iets tegen ons zeggen/).fill('De medewerker luisterde goed naar mij.');
  await page.getByRole('button', { name: '4 Tevreden', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/enquete/${token}/bedankt$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dank u wel');
  await checkPage(page, '18-enquete-bedankt');

  // The link again, and a second answer by going back: friendly, and the first answer stays.
  await page.goto(`/enquete/${token}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('U heeft al geantwoord');
  await checkPage(page, '19-enquete-al-beantwoord');
  const again = await page.request.post(`/enquete/${token}`, { form: { score: '1' } });
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain('U heeft deze vragen al beantwoord');
});
