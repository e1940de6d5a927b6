import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../../commands/context.ts';
import { sweepTimers } from '../../../jobs/timerSweeper.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../../test/harness.ts';

/**
 * The tracking page tells the complainant what really happened: no times to choose once the wait for
 * a booking ran out (and a plain answer to a late choice), a hearing that never took place is not
 * "Klaar", and a closed case was handled, in the past tense.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: StaffActor;
let h: Record<string, string> = {};
before(async () => {
  t = await createTestApp();
  coordinator = await buildStaff(t.services, {
    roles: ['firstLineAgent', 'coordinator', 'backOffice'],
    teams: ['kcc', 'coordinators', 'backOffice'],
    name: 'Kees Coördinator',
  });
});
after(() => t.close());

const DAY = 86_400_000;
const text = (body: string) => (body.match(/<main[\s\S]*<\/main>/)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const stepState = (body: string, label: string) =>
  text(body).match(new RegExp(`${label} (Klaar|Hier zijn we nu|Komt nog|Overgeslagen|Niet doorgegaan)`))?.[1];

async function complaint() {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/complaints',
    payload: {
      kind: 'complaint',
      subject: 'Niemand belt terug',
      description: 'Ik heb drie keer gebeld en niemand belt terug.',
      contactPreference: 'email',
      name: 'Evi Jangha',
      email: `evi${Math.random().toString(16).slice(2, 8)}@example.org`,
      privacyAccepted: true,
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const { reference, trackingUrl } = res.json();
  const c = await t.services.db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  return { id: c.id, token: (trackingUrl as string).split('/volgen/')[1]! };
}
async function step(id: string, transition: string, inputs: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/transitions`, headers: h, payload: { transition, inputs } });
  assert.equal(res.statusCode, 200, `${transition}: ${res.body}`);
}
async function judged() {
  const c = await complaint();
  h = await loginHeaders(t.services, coordinator); // the fake clock may have run past an earlier session
  await step(c.id, 'forwardToCoordinator');
  await step(c.id, 'acknowledge');
  await step(c.id, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
  await step(c.id, 'forwardForJudgment');
  await step(c.id, 'judge', { judgment: 'partlyFounded', judgmentReasons: 'De medewerker had moeten terugbellen.' });
  return c;
}
const page = (token: string) => t.app.inject({ method: 'GET', url: `/volgen/${token}` });
const choose = (token: string, slotId: string) =>
  t.app.inject({
    method: 'POST',
    url: `/volgen/${token}/gesprek`,
    payload: `slotId=${slotId}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

describe('tracking page states', () => {
  test('after the hearing wait ran out: no times offered, what happens now in plain words, a late choice gets a clear Dutch answer', async () => {
    const c = await judged();
    const startsAt = new Date(t.clock.now().getTime() + 30 * DAY);
    const invite = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/hearing-invitation`,
      headers: h,
      payload: {
        slots: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(), location: 'Kamer 2' }],
      },
    });
    assert.equal(invite.statusCode, 200, invite.body);
    const slot = await t.services.db.selectFrom('hearing_slot').select('id').where('case_id', '=', c.id).executeTakeFirstOrThrow();
    assert.match(text((await page(c.token)).body), /Kies een tijd voor uw gesprek/);

    t.clock.advance(15 * DAY); // the 14-day wait is over; the sweeper has not run yet
    for (const when of ['before the sweep', 'after the sweep']) {
      const shown = text((await page(c.token)).body);
      assert.doesNotMatch(shown, /Kies een tijd|Deze tijd kiezen|Welke tijd past u/, when);
      assert.match(shown, /Kiezen kan nu niet meer/, when);
      assert.match(shown, /We behandelen uw klacht verder zonder gesprek/, when);

      const late = await choose(c.token, slot.id);
      assert.equal(late.statusCode, 409, when);
      assert.match(text(late.body), /U kunt geen tijd meer kiezen\. De tijd om een gesprek te plannen is voorbij\./, when);
      assert.doesNotMatch(late.body, /Er kan nu geen tijd|Internal|Server Error/, when);
      const api = await t.app.inject({
        method: 'POST',
        url: `/api/v1/portal/cases/${c.token}/hearing-booking`,
        payload: { slotId: slot.id },
      });
      assert.equal(api.statusCode, 409, when);
      assert.match(api.json().detail, /^U kunt geen tijd meer kiezen/, when);
      const booked = await t.services.db.selectFrom('hearing_slot').select('booked_at').where('id', '=', slot.id).executeTakeFirstOrThrow();
      assert.equal(booked.booked_at, null, `${when}: nothing was booked`);
      if (when === 'before the sweep') while ((await sweepTimers(t.services)) > 0);
    }
    assert.equal(stepState((await page(c.token)).body, 'Gesprek'), 'Niet doorgegaan');
  });

  test('a waived hearing is "Overgeslagen", never "Klaar"', async () => {
    const c = await judged();
    await step(c.id, 'skipHearing', { hearingSkipReason: 'complainantDeclined' });
    const body = (await page(c.token)).body;
    assert.equal(stepState(body, 'Gesprek'), 'Overgeslagen');
    assert.equal(stepState(body, 'In behandeling'), 'Klaar');
  });

  test('on a closed case the handler "heeft uw klacht behandeld", in the past tense', async () => {
    const c = await complaint();
    h = await loginHeaders(t.services, coordinator);
    await step(c.id, 'forwardToCoordinator');
    await step(c.id, 'acknowledge');
    assert.match(text((await page(c.token)).body), /Kees Coördinator behandelt uw klacht\./);
    await step(c.id, 'cancel', {
      cancelReason: 'withdrawn',
      note: 'De klager trekt de klacht in.',
    });
    const shown = text((await page(c.token)).body);
    assert.match(shown, /Kees Coördinator heeft uw klacht behandeld\./);
    assert.doesNotMatch(shown, /behandelt uw klacht|We kiezen snel een medewerker/);
  });
});
