import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { subscribeToReport } from '../commands/reportSubscriptions.ts';
import { openDatabase } from '../db/connect.ts';
import type { SubscriptionFrequency } from '../db/reportSubscriptionSchema.ts';
import { asActor, buildStaff, createTestApp, createTestServices, loginHeaders } from '../test/harness.ts';
import { claimDueSubscriptions, LEASE_MS, mailDueReports } from './reportMailer.ts';

/**
 * Scheduled report mail (issue 12 point 2): due subscriptions get one mail with the dashboard's
 * figures for the last complete period, computed as the subscriber (their scope), and a link to the
 * dashboard with the same filter; never a name, subject, description or reference. Planted: six
 * complaints with a complainant "Jansen", a handler with a name found nowhere else and a subject
 * with a word found nowhere else. Time is the fake clock's only.
 */
describe('report mailer', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const who: Record<string, StaffActor> = {};
  const teamId: Record<string, string> = {};
  const subs: Record<string, string> = {};
  const references: string[] = [];
  const DISTINCT_SUBJECT_WORD = 'Ooievaarsnestregeling';
  const HANDLER = 'Theodora Wolkenkrabber';

  const subscribe = async (
    as: StaffActor,
    frequency: SubscriptionFrequency,
    filter: Record<string, string> = {},
    language: 'nl' | 'en' = 'nl',
    report: 'dashboard' | 'periodic' = 'dashboard',
  ) => (await asActor(t.services, as, (ctx) => subscribeToReport({ ...ctx, actor: as }, { report, filter, frequency, language }))).id;
  const mailsTo = (u: StaffActor) =>
    t.services.db
      .selectFrom('outbox_message')
      .select(['subject', 'body_text', 'body_html', 'to_name', 'case_id', 'idempotency_key'])
      .where('template_key', '=', 'reportMail')
      .where('to_address', '=', u.email)
      .orderBy('created_at')
      .execute();
  /** The mails of one subscription (its idempotency keys), oldest first. */
  const mailsOf = (subscriptionId: string) =>
    t.services.db
      .selectFrom('outbox_message')
      .select(['subject', 'body_text', 'body_html'])
      .where('idempotency_key', 'like', `reportMail:${subscriptionId}:%`)
      .orderBy('idempotency_key')
      .execute();
  const subscription = (id: string) =>
    t.services.db.selectFrom('report_subscription').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-02T09:00:00Z');
    for (const team of await t.services.db.selectFrom('team').select(['id', 'key']).execute()) teamId[team.key] = team.id;
    who.agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
    who.handler = await buildStaff(t.services, { roles: ['backOffice'], teams: ['backOffice'], name: HANDLER });
    who.manager = await buildStaff(t.services, { roles: ['serviceManager'] });
    who.lead = await buildStaff(t.services, { roles: ['teamLead'], teams: ['backOffice'] });
    who.english = await buildStaff(t.services, { roles: ['qualityOfficer'] });
    who.demoted = await buildStaff(t.services, { roles: ['qualityOfficer'] });
    who.leaver = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
    who.analyst = await buildStaff(t.services, { roles: ['qualityOfficer'] });
    const agent = await loginHeaders(t.services, who.agent);
    // name, team, ground, received, closed
    const plant: [string, string, string, string, string | null][] = [
      [`Klacht over de ${DISTINCT_SUBJECT_WORD}`, 'backOffice', 'communication', '2026-03-03T10:00:00Z', '2026-03-10T10:00:00Z'],
      ['Wachttijd aan de balie', 'backOffice', 'communication', '2026-03-05T10:00:00Z', null],
      ['Onvriendelijk te woord gestaan', 'backOffice', 'conduct', '2026-03-20T10:00:00Z', '2026-03-25T10:00:00Z'],
      ['Verkeerd besluit', 'department', 'substance', '2026-03-11T10:00:00Z', null],
      ['Brief niet ontvangen', 'department', 'substance', '2026-03-30T10:00:00Z', null],
      // February: before the period, still open at its start and end.
      ['Telefoon niet opgenomen', 'backOffice', 'communication', '2026-02-10T10:00:00Z', null],
    ];
    for (const [subject, team, ground, received, closed] of plant) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent,
        payload: {
          subject,
          description: `Mevrouw Jansen schrijft over ${subject.toLowerCase()}.`,
          channel: 'phone',
          complainant: { name: 'Jansen', email: 'jansen@example.org' },
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const c = res.json() as { id: string; reference: string };
      references.push(c.reference);
      await t.services.db
        .updateTable('cases')
        .set({
          assignee_user_id: team === 'backOffice' ? who.handler.id : null,
          assignee_team_id: teamId[team]!,
          facts: JSON.stringify({ ground }),
          received_at: new Date(received),
          closed_at: closed ? new Date(closed) : null,
        })
        .where('id', '=', c.id)
        .execute();
      // The intake work is done: only the assignment decides who may read the case.
      await t.services.db
        .updateTable('activity')
        .set({ status: 'done', assignee_team_id: teamId[team]!, assignee_user_id: null })
        .where('case_id', '=', c.id)
        .execute();
    }
    // Subscribed in March: the first mail is due on 1 April and covers March.
    t.clock.set('2026-03-15T09:00:00Z');
    subs.manager = await subscribe(who.manager, 'monthly');
    subs.filtered = await subscribe(who.manager, 'monthly', {
      ground: 'communication',
      granularity: 'quarter',
      processKey: 'kcc-complaint',
    });
    subs.lead = await subscribe(who.lead, 'monthly');
    subs.english = await subscribe(who.english, 'monthly', {}, 'en');
    subs.demoted = await subscribe(who.demoted, 'monthly');
    subs.leaver = await subscribe(who.leaver, 'quarterly');
    subs.periodic = await subscribe(who.analyst, 'monthly', {}, 'nl', 'periodic');
  });
  after(() => t.close());

  test('a new subscription is due on the first day of the next period', async () => {
    assert.equal((await subscription(subs.manager!)).next_run_on, '2026-04-01');
    assert.equal((await subscription(subs.leaver!)).next_run_on, '2026-04-01');
  });

  test('not due: nothing is claimed and nothing mailed (23:00 on 31 March in Amsterdam)', async () => {
    t.clock.set('2026-03-31T21:00:00Z');
    assert.equal(await mailDueReports(t.services), 0);
    assert.deepEqual(await claimDueSubscriptions(t.services), []);
    for (const u of Object.values(who)) assert.deepEqual(await mailsTo(u), []);
  });

  test('switched off by the organisation (staffMail.reportMail): a due subscription waits, nothing is claimed or sent', async () => {
    t.clock.set('2026-03-31T22:30:00Z');
    t.services.org.staffMail.reportMail = false;
    try {
      assert.equal(await mailDueReports(t.services), 0);
      assert.equal((await subscription(subs.manager!)).claimed_until, null);
      for (const u of Object.values(who)) assert.deepEqual(await mailsTo(u), []);
    } finally {
      t.services.org.staffMail.reportMail = true;
    }
  });

  test('two workers at once on 1 April: one mail per subscription, never two; who lost the permission or left gets none and is paused', async () => {
    await t.services.db
      .updateTable('staff_user')
      .set({ roles: ['backOffice'] })
      .where('id', '=', who.demoted!.id)
      .execute();
    await t.services.db.updateTable('staff_user').set({ active: false }).where('id', '=', who.leaver!.id).execute();
    t.clock.set('2026-03-31T22:30:00Z'); // 00:30 on 1 April in Amsterdam
    // A second instance: on PostgreSQL a connection pool of its own to the same database (PGlite is one process's).
    const url = (t.database as { url?: string }).url;
    const ownPool = url ? await openDatabase({ databaseUrl: url }) : undefined;
    const other = await createTestServices({ database: ownPool ?? t.database });
    other.clock.set('2026-03-31T22:30:00Z');
    try {
      await Promise.all([mailDueReports(t.services), mailDueReports(other.services), mailDueReports(t.services)]);
      await Promise.all([mailDueReports(other.services), mailDueReports(t.services)]);
    } finally {
      await ownPool?.close();
    }

    assert.equal((await mailsTo(who.manager!)).length, 2, 'the manager has two subscriptions: two mails');
    assert.equal((await mailsTo(who.lead!)).length, 1);
    assert.equal((await mailsTo(who.english!)).length, 1);
    assert.equal((await mailsTo(who.analyst!)).length, 1);
    assert.deepEqual(await mailsTo(who.demoted!), [], 'no analysis:read any more: no mail');
    assert.deepEqual(await mailsTo(who.leaver!), [], 'deactivated: no mail');

    const sent = await subscription(subs.manager!);
    assert.equal(sent.next_run_on, '2026-05-01');
    assert.equal(sent.last_period_from, '2026-03-01');
    assert.equal(sent.last_sent_at?.toISOString(), '2026-03-31T22:30:00.000Z');
    assert.equal(sent.claimed_until, null);
    const demoted = await subscription(subs.demoted!);
    assert.deepEqual([demoted.paused_reason, demoted.next_run_on], ['noPermission', '2026-04-01']);
    assert.ok(demoted.paused_at);
    assert.equal((await subscription(subs.leaver!)).paused_reason, 'inactive');

    // Later that day nothing more: next_run_on moved on in the mail's own transaction.
    t.clock.set('2026-04-01T15:00:00Z');
    await mailDueReports(t.services);
    assert.equal((await mailsTo(who.manager!)).length, 2);
  });

  test("the mail holds March's figures and a link to the dashboard with the same filter, and no name, subject, description or reference", async () => {
    const [all] = await mailsTo(who.manager!).then((m) => m.filter((x) => x.idempotency_key.startsWith(`reportMail:${subs.manager}:`)));
    const [filtered] = await mailsOf(subs.filtered!);
    assert.ok(all && filtered);
    if (process.env.SHOW_MAIL)
      for (const m of [all, filtered, ...(await mailsTo(who.analyst!)), ...(await mailsTo(who.english!))])
        console.log(`${m.subject}\n\n${m.body_text}\n`);
    assert.equal(all.subject, 'Klachtenoverzicht maart 2026');
    assert.equal(all.case_id, null);
    assert.equal(all.to_name, null);
    assert.match(all.body_text, /^Beste collega,/);
    assert.match(all.body_text, /over maart 2026\. U krijgt het elke maand\./);
    assert.match(all.body_text, /^Binnengekomen: 5$/m);
    assert.match(all.body_text, /^Afgehandeld: 2$/m);
    assert.match(all.body_text, /^Nog open aan het eind van de periode: 4$/m);
    assert.match(all.body_text, /^Doorlooptijd van de afgehandelde klachten \(mediaan\): 6 dagen$/m);
    assert.match(all.body_text, /^Meest genoemde klachtgronden:\n- Communicatie: 2\n- Inhoud: 2\n- Bejegening: 1$/m);
    assert.match(all.body_text, /^Stijgende thema's \(vergeleken met de periode ervoor\):$/m);
    assert.match(all.body_text, /^http:\/\/klachtflow\.test\/analyse\?from=2026-03-01&to=2026-04-01&granularity=month$/m);
    assert.match(all.body_html, /<a href="http:\/\/klachtflow\.test\/analyse\?from=2026-03-01&amp;to=2026-04-01&amp;granularity=month">/);

    assert.match(filtered.body_text, /^Filter: Klachtmelding KCC; Grondslag: Communicatie$/m);
    assert.match(filtered.body_text, /^Binnengekomen: 2$/m);
    assert.match(filtered.body_text, /^Afgehandeld: 1$/m);
    assert.match(
      filtered.body_text,
      /analyse\?from=2026-03-01&to=2026-04-01&granularity=quarter&processKey=kcc-complaint&ground=communication$/m,
    );

    const forbidden = [
      'Jansen',
      'Theodora',
      'Wolkenkrabber',
      DISTINCT_SUBJECT_WORD,
      'Ooievaarsnest',
      'Wachttijd aan de balie',
      'Mevrouw',
      who.manager!.name,
      'BO klachten',
      'Vakafdeling Registers',
      ...references,
    ];
    const all3 = [who.manager!, who.lead!, who.english!, who.analyst!];
    for (const mail of (await Promise.all(all3.map(mailsTo))).flat()) {
      for (const part of [mail.subject, mail.body_text, mail.body_html]) {
        for (const word of forbidden) assert.ok(!part.toLowerCase().includes(word.toLowerCase()), `"${word}" in: ${part}`);
      }
    }
  });

  test("a team lead's mail counts only the cases they may read: their team's", async () => {
    const [mail] = await mailsTo(who.lead!);
    assert.ok(mail);
    assert.match(mail.body_text, /^Binnengekomen: 3$/m);
    assert.match(mail.body_text, /^Afgehandeld: 2$/m);
    assert.match(mail.body_text, /^Nog open aan het eind van de periode: 2$/m);
    assert.doesNotMatch(mail.body_text, /Inhoud/, "the other team's ground is not counted");
  });

  test("a periodic analysis: the dashboard's lines, then the analysis' own counts (extensions, surveys, external bodies, measures)", async () => {
    const [mail] = await mailsTo(who.analyst!);
    assert.ok(mail);
    assert.equal(mail.subject, 'Klachtenoverzicht maart 2026');
    assert.match(mail.body_text, /^Binnengekomen: 5$/m);
    assert.match(mail.body_text, /^Afgehandeld: 2$/m);
    assert.match(
      mail.body_text,
      /^Periodieke analyse:\nTermijn verlengd: 0\nTevredenheid: geen antwoorden \(0 enquêtes verstuurd\)\nNaar een externe instantie: 0\n/m,
    );
    assert.match(mail.body_text, /^Verbetermaatregelen in de periode: 0 \(nu open: 0, waarvan te laat: 0\)$/m);
    assert.match(mail.body_text, /^http:\/\/klachtflow\.test\/analyse\?from=2026-03-01&to=2026-04-01&granularity=month$/m);
  });

  test('in English for whom subscribed in English', async () => {
    const [mail] = await mailsTo(who.english!);
    assert.ok(mail);
    assert.equal(mail.subject, 'Complaints overview March 2026');
    assert.match(mail.body_text, /^Dear colleague,/);
    assert.match(mail.body_text, /^Received: 5$/m);
    assert.match(mail.body_text, /^Closed: 2$/m);
    assert.match(mail.body_text, /^- Communication: 2$/m);
    assert.match(mail.body_html, /<html lang="en">/);
  });

  test('a worker that crashed after claiming: the row waits for its lease, then one mail for last week', async () => {
    t.clock.set('2026-04-02T09:00:00Z');
    const weekly = await subscribe(who.lead!, 'weekly');
    assert.equal((await subscription(weekly)).next_run_on, '2026-04-06');
    t.clock.set('2026-04-06T05:00:00Z');
    const claimed = await claimDueSubscriptions(t.services);
    assert.deepEqual(
      claimed.map((c) => c.id),
      [weekly],
    );
    // The claiming worker dies here. Another finds the row leased.
    assert.equal(await mailDueReports(t.services), 0);
    assert.equal((await mailsTo(who.lead!)).length, 1);
    t.clock.advance(LEASE_MS + 1);
    await mailDueReports(t.services);
    await mailDueReports(t.services);
    const mails = await mailsTo(who.lead!);
    assert.equal(mails.length, 2);
    assert.equal(mails[1]!.subject, 'Klachtenoverzicht week 14 (30 maart 2026 t/m 5 april 2026)');
    assert.match(mails[1]!.body_text, /U krijgt het elke week\./);
    assert.match(mails[1]!.body_text, /analyse\?from=2026-03-30&to=2026-04-06&granularity=month$/m);
    assert.equal((await subscription(weekly)).next_run_on, '2026-04-13');
  });
});
