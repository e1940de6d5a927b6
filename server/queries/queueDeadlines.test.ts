import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { registerActivity } from '../commands/activityRegistrar.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import type { StaffActor } from '../commands/context.ts';
import { warnDeadlines } from '../jobs/deadlineWarner.ts';
import { asActor, buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { caseListPage } from './cases.ts';
import { workQueuePage, type QueueFilter } from './workQueue.ts';

/**
 * Deadlines in the queues (017_queue_deadlines): the municipal tax cooperation (seed 001) promises an
 * answer within 7 days (its service norm) besides the statutory 6 weeks. Both are stored on the case,
 * a queue row carries its case's earliest one, the queue sorts by it with keyset pages, the start
 * page's deadline list and the warner treat the norm like the statutory term.
 */
const orgFile = path.resolve(import.meta.dirname, '../../config/examples/municipal-tax-cooperation.json');
let env: Awaited<ReturnType<typeof createTestApp>>;
let agent: StaffActor, lead: StaffActor;

before(async () => {
  env = await createTestApp({ orgFile });
  agent = await buildStaff(env.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  lead = await buildStaff(env.services, { roles: ['teamLead'], teams: ['complaintsTeam'] });
});
after(() => env.close());

/** A case received on `received`, handed to the complaints team (which gives that team a task). */
async function handedOver(subject: string, received: string) {
  const c = await asActor(env.services, agent, (ctx) =>
    registerCase(ctx, {
      subject,
      description: 'De aanslag klopt niet.',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Henk' },
      receivedAt: new Date(`${received}T09:00:00+01:00`),
      data: {},
    }),
  );
  await asActor(env.services, agent, (ctx) =>
    transitionCase(ctx, { caseId: c.id, transition: 'handOverToTeam', inputs: { note: 'Graag terugbellen.' } }),
  );
  return c;
}

async function allPages(actor: StaffActor, f: QueueFilter) {
  const rows: Awaited<ReturnType<typeof workQueuePage>>['rows'] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await workQueuePage(env.services, actor, { ...f, cursor });
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('the queue never ended');
}

describe('deadlines in the queues', () => {
  test('the queue sorts by the earliest deadline (the service norm here), page by page, rows without one last', async () => {
    env.clock.set('2026-03-09T09:00:00+01:00');
    // Registered in another order than received: the sort follows the deadline, not the registration.
    const late = await handedOver('Later ontvangen', '2026-03-06');
    const early = await handedOver('Eerst ontvangen', '2026-03-02');
    const middle = await handedOver('Daartussen', '2026-03-04');
    const loose = await asActor(env.services, lead, (ctx) =>
      registerActivity(ctx, {
        channel: 'phone',
        subject: 'Terugbellen zonder melding',
        body: 'Even terugbellen.',
        contact: {},
        assignTo: 'self',
      }),
    );
    const stored = await env.services.db
      .selectFrom('cases')
      .select(['handling_deadline', 'norm_deadline', 'first_deadline'])
      .where('id', '=', early.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.norm_deadline, '2026-03-09', '7 days after 2 March');
    assert.equal(stored.handling_deadline, '2026-04-13', '6 weeks after 2 March');
    assert.equal(stored.first_deadline, '2026-03-09');

    const rows = await allPages(lead, { queue: 'all', sort: 'deadline', limit: 1 });
    const order = rows.map((r) => r.id);
    assert.equal(new Set(order).size, order.length, 'each row once');
    const caseOrder = rows.filter((r) => r.case_id).map((r) => r.case_id);
    assert.deepEqual(
      caseOrder.filter((id) => [early.id, middle.id, late.id].includes(id!)),
      [early.id, middle.id, late.id],
    );
    assert.equal(rows.at(-1)?.id, loose, 'an activity without a case has no deadline: last');
    const first = rows.find((r) => r.case_id === early.id)!;
    assert.equal(first.norm_deadline, '2026-03-09');
    assert.equal(first.handling_deadline, '2026-04-13');
  });

  test('over HTTP the queue shows both terms and flags the norm like the statutory term', async () => {
    env.clock.set('2026-03-09T09:00:00+01:00');
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/activities?queue=all&sort=deadline&limit=100',
      headers: await loginHeaders(env.services, lead),
    });
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as {
      subject: string;
      caseDeadline: string | null;
      normDeadline: string | null;
      normState: string | null;
    }[];
    const task = items.find((i) => i.normDeadline === '2026-03-09')!;
    assert.equal(task.caseDeadline, '2026-04-13');
    assert.equal(task.normState, 'nearlyDue', 'the last day of the norm: nearly due');
    const bad = await env.app.inject({
      method: 'GET',
      url: '/api/v1/activities?sort=deadline&cursor=nonsense',
      headers: await loginHeaders(env.services, lead),
    });
    assert.equal(bad.statusCode, 400);
  });

  test('the start page lists a case whose service norm is near, though its statutory term is far', async () => {
    env.clock.set('2026-03-09T09:00:00+01:00');
    const c = await handedOver('Norm bijna verlopen', '2026-03-05');
    await env.services.db.updateTable('cases').set({ assignee_user_id: lead.id }).where('id', '=', c.id).execute();
    const page = await caseListPage(env.services, lead, { deadline: 'due', assigneeUserId: lead.id, today: '2026-03-10', limit: 10 });
    assert.deepEqual(
      page.rows.map((r) => r.id),
      [c.id],
    );
  });

  test('the warner warns for the service norm once, in its own words, besides the statutory term', async () => {
    env.clock.set('2026-03-20T09:00:00+01:00');
    const c = await handedOver('Waarschuwing servicenorm', '2026-03-20');
    await env.services.db.updateTable('cases').set({ assignee_user_id: lead.id }).where('id', '=', c.id).execute();
    const mine = () =>
      env.services.db.selectFrom('notification').select('message').where('user_id', '=', lead.id).where('case_id', '=', c.id).execute();
    await warnDeadlines(env.services);
    assert.deepEqual(await mine(), [], 'not before the warning day');
    env.clock.set('2026-03-25T09:00:00+01:00');
    await warnDeadlines(env.services);
    await warnDeadlines(env.services);
    const messages = (await mine()).map((n) => n.message);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, /volgens de servicenorm uiterlijk vrijdag 27 maart 2026 beantwoord/);
    const events = await env.services.db
      .selectFrom('timeline_event')
      .select('data')
      .where('case_id', '=', c.id)
      .where('type', '=', 'deadlineWarningSent')
      .execute();
    assert.deepEqual(
      events.map((e) => (e.data as { term?: string }).term),
      ['serviceNorm'],
    );
  });

  test('closing a case takes the deadline off its queue rows', async () => {
    env.clock.set('2026-03-09T09:00:00+01:00');
    const c = await handedOver('Opgelost', '2026-03-09');
    await asActor(env.services, lead, (ctx) =>
      transitionCase(ctx, {
        caseId: c.id,
        transition: 'resolveInformally',
        inputs: { solution: 'Uitgelegd.', contactMethod: 'phone', complainantSatisfied: true, ground: 'communication' },
      }),
    );
    const rows = await env.services.db.selectFrom('activity').select('deadline').where('case_id', '=', c.id).execute();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.equal(r.deadline, null);
  });
});
