import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { surveyTokenHash } from '../commands/surveyAnswer.ts';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * Seed 000 business rule 5, the staff side, over HTTP: the figures over planted survey answers
 * (averages, distribution, response rate per handler, team and ground), the surveys behind a
 * figure, the case page's panel, scope and permission, and the review task of an unhappy answer.
 */
describe('survey results over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  const who: Record<string, StaffActor> = {};
  const cases: Record<string, { id: string; reference: string }> = {};
  const teamId: Record<string, string> = {};
  const teamName: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-02T09:00:00Z');
    who.manager = await buildStaff(t.services, { roles: ['serviceManager'] });
    who.lead = await buildStaff(t.services, { roles: ['teamLead'], teams: ['backOffice'] });
    who.dept = await buildStaff(t.services, { roles: ['department'], teams: ['department'] });
    who.agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
    who.anna = await buildStaff(t.services, { roles: ['backOffice'], teams: ['backOffice'], name: 'Anna Behandelaar' });
    who.bram = await buildStaff(t.services, { roles: ['department'], teams: ['department'], name: 'Bram Vakafdeling' });
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
    for (const team of await t.services.db.selectFrom('team').select(['id', 'key', 'name']).execute()) {
      teamId[team.key] = team.id;
      teamName[team.key] = team.name;
    }
    // Planted: five closed complaints with their handler, team and ground, and their surveys.
    const plant: [string, string | null, string, string | null, string, string | null, number | null, string | null][] = [
      // name, handler, team, ground, sent, answered, score, comment
      ['c1', who.anna!.id, 'backOffice', 'communication', '2026-02-10T10:00:00Z', '2026-02-15T10:00:00Z', 2, 'Het duurde te lang.'],
      ['c2', who.anna!.id, 'backOffice', 'communication', '2026-02-11T10:00:00Z', '2026-02-12T10:00:00Z', 4, null],
      ['c3', who.bram!.id, 'department', 'conduct', '2026-02-12T10:00:00Z', null, null, null],
      ['c4', null, 'department', null, '2026-02-13T10:00:00Z', '2026-02-14T10:00:00Z', 5, 'Prima geholpen.'],
      // Sent before the period (31 January in Amsterdam): counted nowhere.
      ['c5', who.anna!.id, 'backOffice', 'communication', '2026-01-31T22:30:00Z', '2026-02-02T10:00:00Z', 1, 'Slecht.'],
    ];
    for (const [name, handler, team, ground, sent, answered, score, comment] of plant) {
      cases[name] = await createCase(name);
      const c = await t.services.db
        .updateTable('cases')
        .set({
          assignee_user_id: handler,
          assignee_team_id: teamId[team]!,
          facts: JSON.stringify(ground ? { ground } : {}),
          closed_at: new Date(sent),
        })
        .where('id', '=', cases[name]!.id)
        .returning('complainant_id')
        .executeTakeFirstOrThrow();
      // Their intake work is done: only the assignment decides who may read them.
      await t.services.db.updateTable('activity').set({ status: 'done' }).where('case_id', '=', cases[name]!.id).execute();
      await t.services.db
        .updateTable('activity')
        .set({ assignee_team_id: teamId.kcc!, assignee_user_id: null })
        .where('case_id', '=', cases[name]!.id)
        .execute();
      await t.services.db
        .insertInto('survey')
        .values({
          case_id: cases[name]!.id,
          person_id: c.complainant_id,
          token_hash: surveyTokenHash(randomBytes(32).toString('base64url')),
          sent_at: new Date(sent),
          answered_at: answered ? new Date(answered) : null,
          score,
          comment,
        })
        .execute();
    }
  });
  after(() => t.close());

  const createCase = async (subject: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.agent,
      payload: { subject, description: 'Over de afhandeling.', channel: 'phone', complainant: { name: `Klager ${subject}` } },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; reference: string };
  };
  const get = async (url: string, as: string, expect = 200) => {
    const res = await t.app.inject({ method: 'GET', url, headers: h[as] });
    assert.equal(res.statusCode, expect, `${url}: ${res.body}`);
    return { body: res.json(), type: String(res.headers['content-type']) };
  };
  const FEB = 'from=2026-02-01&to=2026-02-28';
  type Figures = {
    key: string | null;
    label: string | null;
    sent: number;
    answered: number;
    responseRate: number | null;
    average: number | null;
  };
  const byKey = (groups: Figures[]) =>
    Object.fromEntries(
      groups.map((g) => [
        g.key ?? 'none',
        { label: g.label as { nl: string } | null, sent: g.sent, answered: g.answered, average: g.average },
      ]),
    );

  test('the figures of a period: average and distribution, response rate per handler, team and ground', async () => {
    const handler = (await get(`/api/v1/survey-results?${FEB}&groupBy=handler`, 'manager')).body;
    assert.deepEqual(handler.period, { from: '2026-02-01', to: '2026-02-28' });
    assert.deepEqual(handler.totals.distribution, [0, 1, 0, 1, 1]);
    assert.equal(handler.totals.sent, 4);
    assert.equal(handler.totals.answered, 3);
    assert.equal(handler.totals.responseRate, 0.75);
    assert.equal(handler.totals.average, 3.67);
    assert.deepEqual(byKey(handler.groups), {
      [who.anna!.id]: { label: { nl: 'Anna Behandelaar', en: 'Anna Behandelaar' }, sent: 2, answered: 2, average: 3 },
      [who.bram!.id]: { label: { nl: 'Bram Vakafdeling', en: 'Bram Vakafdeling' }, sent: 1, answered: 0, average: null },
      none: { label: null, sent: 1, answered: 1, average: 5 },
    });

    const team = (await get(`/api/v1/survey-results?${FEB}&groupBy=team`, 'manager')).body;
    assert.deepEqual(byKey(team.groups), {
      [teamId.backOffice!]: { label: { nl: teamName.backOffice!, en: teamName.backOffice! }, sent: 2, answered: 2, average: 3 },
      [teamId.department!]: { label: { nl: teamName.department!, en: teamName.department! }, sent: 2, answered: 1, average: 5 },
    });
    assert.equal(team.groups.find((g: Figures) => g.key === teamId.department)?.responseRate, 0.5);

    const ground = (await get(`/api/v1/survey-results?${FEB}&groupBy=ground`, 'manager')).body;
    const g = byKey(ground.groups);
    assert.deepEqual(
      { communication: g.communication?.sent, conduct: g.conduct?.sent, none: g.none?.sent },
      { communication: 2, conduct: 1, none: 1 },
    );
    assert.equal(g.communication?.average, 3);
    assert.ok(g.communication?.label && g.communication.label.nl !== 'communication', 'the ground in the words of the process');
  });

  test('each figure drills down to its surveys; comments newest first, a page at a time, without names', async () => {
    const anna = (await get(`/api/v1/survey-results/surveys?${FEB}&groupBy=handler&key=${who.anna!.id}`, 'manager')).body;
    assert.deepEqual(
      anna.items.map((i: { reference: string }) => i.reference),
      [cases.c2!.reference, cases.c1!.reference],
    );
    const noGround = (await get(`/api/v1/survey-results/surveys?${FEB}&groupBy=ground&key=none`, 'manager')).body;
    assert.deepEqual(
      noGround.items.map((i: { caseId: string }) => i.caseId),
      [cases.c4!.id],
    );
    const unanswered = (await get(`/api/v1/survey-results/surveys?${FEB}&groupBy=team&key=${teamId.department}&answered=false`, 'manager'))
      .body;
    assert.deepEqual(
      unanswered.items.map((i: { caseId: string }) => i.caseId),
      [cases.c3!.id],
    );

    const first = (await get(`/api/v1/survey-results/surveys?${FEB}&withComment=true&limit=1`, 'manager')).body;
    assert.deepEqual(
      first.items.map((i: { comment: string }) => i.comment),
      ['Het duurde te lang.'],
    );
    assert.ok(first.nextCursor);
    const second = (await get(`/api/v1/survey-results/surveys?${FEB}&withComment=true&limit=1&cursor=${first.nextCursor}`, 'manager')).body;
    assert.deepEqual(
      second.items.map((i: { comment: string }) => i.comment),
      ['Prima geholpen.'],
    );
    assert.equal(second.nextCursor, null);
    assert.ok(!JSON.stringify([first, second]).includes('Klager'), 'no complainant names');
  });

  test('scope: a team lead counts their team only; a department has no overview but reads its own case', async () => {
    const lead = (await get(`/api/v1/survey-results?${FEB}&groupBy=team`, 'lead')).body;
    assert.equal(lead.totals.sent, 2);
    assert.deepEqual(
      lead.groups.map((g: Figures) => g.key),
      [teamId.backOffice],
    );
    const leadList = (await get(`/api/v1/survey-results/surveys?${FEB}&groupBy=team&key=${teamId.department}`, 'lead')).body;
    assert.deepEqual(leadList.items, []);

    const refused = await get(`/api/v1/survey-results?${FEB}`, 'dept', 403);
    assert.match(refused.type, /application\/problem\+json/);
    await get(`/api/v1/survey-results/surveys?${FEB}`, 'dept', 403);

    const own = (await get(`/api/v1/cases/${cases.c3!.id}/survey`, 'dept')).body;
    assert.deepEqual(own, { sent: true, sentAt: '2026-02-12T10:00:00.000Z', answeredAt: null, score: null, comment: null });
    await get(`/api/v1/cases/${cases.c1!.id}/survey`, 'dept', 404);
    const panel = (await get(`/api/v1/cases/${cases.c1!.id}/survey`, 'manager')).body;
    assert.deepEqual(panel, {
      sent: true,
      sentAt: '2026-02-10T10:00:00.000Z',
      answeredAt: '2026-02-15T10:00:00.000Z',
      score: 2,
      comment: 'Het duurde te lang.',
    });
    const none = await createCase('zonder enquête');
    assert.equal((await get(`/api/v1/cases/${none.id}/survey`, 'manager')).body.sent, false);
  });

  test('bad input is a 400 naming the parameter', async () => {
    for (const [query, name] of [
      ['from=2026-02-30', 'from'],
      ['from=0000-01-01', 'from'],
      ['from=2026-03-01&to=2026-02-01', 'to'],
      ['groupBy=person', 'groupBy'],
    ] as const) {
      const res = await get(`/api/v1/survey-results?${query}`, 'manager', 400);
      assert.match(res.type, /application\/problem\+json/);
      assert.ok(
        res.body.invalidParams.some((p: { name: string }) => p.name.endsWith(name)),
        `${query}: ${JSON.stringify(res.body.invalidParams)}`,
      );
    }
    for (const [query, name] of [
      ['groupBy=handler&key=anna', 'key'],
      ['key=communication', 'groupBy'],
      ['cursor=nonsense', 'cursor'],
    ] as const) {
      const res = await get(`/api/v1/survey-results/surveys?${query}`, 'manager', 400);
      assert.ok(
        res.body.invalidParams.some((p: { name: string }) => p.name.endsWith(name)),
        `${query}: ${JSON.stringify(res.body.invalidParams)}`,
      );
    }
  });

  test('an unhappy answer asks for a second look only when configured, as a task for the configured team', async () => {
    const answer = async (name: string, score: number) => {
      const c = await createCase(name);
      const token = randomBytes(32).toString('base64url');
      const row = await t.services.db.selectFrom('cases').select('complainant_id').where('id', '=', c.id).executeTakeFirstOrThrow();
      await t.services.db
        .insertInto('survey')
        .values({
          case_id: c.id,
          person_id: row.complainant_id,
          token_hash: surveyTokenHash(token),
          sent_at: new Date('2026-03-01T10:00:00Z'),
        })
        .execute();
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/portal/surveys/${token}`, payload: { score, comment: 'Niet goed.' } });
      assert.equal(res.statusCode, 200, res.body);
      const tasks = await t.services.db
        .selectFrom('activity')
        .select(['assignee_team_id', 'subject', 'due_at'])
        .where('case_id', '=', c.id)
        .where('task_key', '=', 'surveyReview')
        .execute();
      const events = await t.services.db
        .selectFrom('timeline_event')
        .select('type')
        .where('case_id', '=', c.id)
        .where('type', 'in', ['surveyReviewRequested', 'taskCreated'])
        .execute();
      return { tasks, events: events.map((e) => e.type).sort() };
    };
    // Off by default: even the unhappiest answer is only stored.
    assert.equal(t.services.org.survey.reviewWhenScoreAtMost, null);
    assert.deepEqual(await answer('standaard uit', 1), { tasks: [], events: [] });

    const saved = t.services.org.survey;
    t.services.org.survey = { reviewWhenScoreAtMost: 2, reviewTeam: 'coordinators', reviewWithinWorkingDays: 5 };
    try {
      assert.deepEqual(await answer('tevreden genoeg', 3), { tasks: [], events: [] });
      const unhappy = await answer('ontevreden', 2);
      assert.equal(unhappy.tasks.length, 1);
      assert.equal(unhappy.tasks[0]!.assignee_team_id, teamId.coordinators);
      // Due five working days after the answer, counted on the organisation's calendar.
      const { calendar } = t.services;
      const due = calendar.addWorkingDays(calendar.toDate(t.clock.now()), 5);
      assert.equal(unhappy.tasks[0]!.due_at?.toISOString(), `${due}T12:00:00.000Z`);
      assert.deepEqual(unhappy.events, ['surveyReviewRequested', 'taskCreated']);
    } finally {
      t.services.org.survey = saved;
    }
  });
});
