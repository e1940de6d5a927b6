import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { groundCountsAround, listMeasures, measureDetail, measuresOfCase } from '../queries/measures.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { registerCase } from './caseRegistrar.ts';
import type { StaffActor } from './context.ts';
import { markMeasureCarriedOut } from './measureCarriedOut.ts';
import { checkMeasure } from './measureCheck.ts';
import { type MeasureInput, recordMeasure } from './measureRecorder.ts';

let env: TestEnv;
let quality: StaffActor, owner: StaffActor, teammate: StaffActor, outsider: StaffActor, stranger: StaffActor;

before(async () => {
  env = await createTestServices();
  quality = await buildStaff(env.services, { roles: ['qualityOfficer'], teams: ['coordinators'] });
  owner = await buildStaff(env.services, { roles: ['teamLead'], teams: ['backOffice'] });
  teammate = await buildStaff(env.services, { roles: ['backOffice'], teams: ['backOffice'] });
  outsider = await buildStaff(env.services, { roles: ['department'], teams: ['kcc'] });
  stranger = await buildStaff(env.services, { roles: ['department'], teams: ['kcc'] });
});
after(() => env.close());

/** A complaint received on a day, with a ground (the standard fact), as intake and judging leave it. */
async function complaint(receivedAt: string, ground: string | null, assignee?: StaffActor) {
  const c = await asActor(env.services, quality, (ctx) =>
    registerCase(ctx, {
      subject: 'Wachttijd',
      description: 'x',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Ria' },
      data: {},
      receivedAt: new Date(receivedAt),
    }),
  );
  await env.services.db
    .updateTable('cases')
    .set({
      facts: JSON.stringify(ground ? { ground } : {}),
      ...(assignee ? { assignee_user_id: assignee.id, assignee_team_id: null } : {}),
    })
    .where('id', '=', c.id)
    .execute();
  return c;
}

const notices = (userId: string) =>
  env.services.db
    .selectFrom('notification')
    .select(['kind', 'message', 'measure_id'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();

describe('improvement measures (seed 002 steps 3–7)', () => {
  test('the loop: recorded with the team informed, carried out, not effective → back to the owner with a new due date, then effective; every step a history row', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const c1 = await complaint('2026-02-10T10:00:00Z', 'communication');
    const c2 = await complaint('2026-02-20T10:00:00Z', 'communication');
    const m = await asActor(env.services, quality, (ctx) =>
      recordMeasure(ctx, {
        description: 'Terugbelafspraken in de agenda zetten',
        ownerId: owner.id,
        dueDate: '2026-04-01',
        source: 'complaint',
        caseIds: [c1.id, c2.id],
      }),
    );
    assert.equal(m.ground, 'communication', 'the ground most of its complaints have');
    assert.equal(m.status, 'open');
    const teamNotice = (await notices(teammate.id)).filter((n) => n.kind === 'measureNotice');
    assert.equal(teamNotice.length, 1, 'the owner’s team is informed');
    assert.equal(teamNotice[0]!.measure_id, m.id);
    assert.match(teamNotice[0]!.message, /Terugbelafspraken in de agenda zetten/);
    assert.equal((await notices(owner.id)).length, 1, 'the owner is told it is theirs');
    assert.equal((await notices(outsider.id)).length, 0);

    // The owner carries it out; only the owner or a manager may.
    await assert.rejects(
      asActor(env.services, teammate, (ctx) => markMeasureCarriedOut(ctx, m.id, { carriedOutOn: '2026-03-02' })),
      /eigenaar/,
    );
    env.clock.set('2026-03-20T09:00:00Z');
    await assert.rejects(
      asActor(env.services, owner, (ctx) => markMeasureCarriedOut(ctx, m.id, { carriedOutOn: '2026-03-21' })),
      (e: { invalidParams: { name: string }[] }) => e.invalidParams[0]!.name === 'carriedOutOn',
    );
    await asActor(env.services, owner, (ctx) =>
      markMeasureCarriedOut(ctx, m.id, { carriedOutOn: '2026-03-19', note: 'Besproken in het teamoverleg' }),
    );
    assert.equal((await notices(teammate.id)).filter((n) => /is ingevoerd/.test(n.message)).length, 1, 'the team hears it is in place');

    // Not effective: a new due date is required and must lie ahead.
    env.clock.set('2026-06-15T09:00:00Z');
    await assert.rejects(
      asActor(env.services, quality, (ctx) =>
        checkMeasure(ctx, m.id, { method: 'Steekproef', conclusion: 'Nog klachten', effective: false }),
      ),
      (e: { invalidParams: { name: string }[] }) => e.invalidParams[0]!.name === 'newDueDate',
    );
    await asActor(env.services, quality, (ctx) =>
      checkMeasure(ctx, m.id, {
        method: 'Steekproef van tien terugbelverzoeken',
        conclusion: 'Drie keer niet teruggebeld.',
        effective: false,
        newDueDate: '2026-07-15',
      }),
    );
    let d = await measureDetail(env.services, quality, m.id);
    assert.equal(d.measure.status, 'open', 'back to the owner');
    assert.equal(d.measure.due_date, '2026-07-15');
    assert.equal(d.measure.carried_out_on, null);
    const back = d.events.find((e) => e.type === 'checkedNotEffective')!;
    assert.deepEqual(
      { ...back.data },
      {
        method: 'Steekproef van tien terugbelverzoeken',
        conclusion: 'Drie keer niet teruggebeld.',
        previousDueDate: '2026-04-01',
        newDueDate: '2026-07-15',
      },
    );
    assert.match(
      (await notices(owner.id)).at(-1)!.message,
      /werkt nog niet: Drie keer niet teruggebeld\. Nieuwe datum: woensdag 15 juli 2026/,
    );

    // Round two: carried out again, effective; it is closed and no longer open.
    env.clock.set('2026-07-01T09:00:00Z');
    await asActor(env.services, owner, (ctx) => markMeasureCarriedOut(ctx, m.id, { carriedOutOn: '2026-06-30' }));
    env.clock.set('2026-07-02T09:00:00Z');
    await asActor(env.services, quality, (ctx) =>
      checkMeasure(ctx, m.id, { method: 'Steekproef herhaald', conclusion: 'Iedereen teruggebeld.', effective: true }),
    );
    await assert.rejects(
      asActor(env.services, quality, (ctx) => checkMeasure(ctx, m.id, { method: 'x', conclusion: 'y', effective: true })),
      /al als effectief/,
    );
    d = await measureDetail(env.services, quality, m.id);
    assert.equal(d.measure.status, 'effective');
    assert.deepEqual(
      d.events.map((e) => e.type),
      ['recorded', 'carriedOut', 'checkedNotEffective', 'carriedOut', 'checkedEffective'],
    );
    // The complaints' timelines say what was done about them.
    const tl = await env.services.db.selectFrom('timeline_event').select('type').where('case_id', '=', c1.id).orderBy('id').execute();
    assert.deepEqual(
      tl.map((e) => e.type).filter((t) => t.startsWith('measure')),
      ['measureLinked', 'measureChecked', 'measureChecked'],
    );
    const perCase = await measuresOfCase(env.services, quality, c2.id);
    assert.deepEqual(
      perCase.map((x) => x.id),
      [m.id],
    );
    const checked = await listMeasures(env.services, quality, { view: 'checked', limit: 25 });
    assert.ok(checked.rows.some((r) => r.id === m.id));
  });

  test('bad input names the field: no description, a past due date, a complaint measure without complaints, an unknown owner', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const base = { description: 'x', ownerId: owner.id, dueDate: '2026-04-01', source: 'systemReview', caseIds: [] } as MeasureInput;
    const field = async (input: Partial<MeasureInput>) => {
      try {
        await asActor(env.services, quality, (ctx) => recordMeasure(ctx, { ...base, ...input }));
        return 'accepted';
      } catch (e) {
        return (e as { invalidParams: { name: string }[] }).invalidParams[0]!.name;
      }
    };
    assert.equal(await field({ description: '  ' }), 'description');
    assert.equal(await field({ dueDate: '2026-03-01' }), 'dueDate');
    assert.equal(await field({ source: 'complaint' }), 'caseIds');
    assert.equal(await field({ ownerId: '00000000-0000-0000-0000-000000000001' }), 'ownerId');
    // A measure from a system review needs no complaint (seed 002 step 7).
    assert.equal(await field({ description: 'Klachtenmethodiek jaarlijks evalueren' }), 'accepted');
  });

  test('overviews: open, overdue, checked, in due-date order with keyset pages', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const ids: string[] = [];
    for (const due of ['2026-03-10', '2026-03-11', '2026-03-12']) {
      const m = await asActor(env.services, quality, (ctx) =>
        recordMeasure(ctx, {
          description: `Maatregel ${due}`,
          ownerId: owner.id,
          dueDate: due,
          source: 'analysis',
          caseIds: [],
          finding: 'Bevinding 2',
        }),
      );
      ids.push(m.id);
    }
    env.clock.set('2026-03-12T09:00:00Z');
    const overdue = await listMeasures(env.services, quality, { view: 'overdue', limit: 25 });
    assert.deepEqual(
      overdue.rows.filter((r) => ids.includes(r.id)).map((r) => r.due_date),
      ['2026-03-10', '2026-03-11'],
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMeasures(env.services, quality, { view: 'open', limit: 2, cursor });
      assert.ok(page.rows.length <= 2);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length, 'no row twice');
    for (const id of ids) assert.ok(seen.includes(id));
    const mine = await listMeasures(env.services, owner, { view: 'open', mine: true, limit: 100 });
    assert.ok(mine.rows.every((r) => r.owner_id === owner.id));
  });

  test('scope: a colleague who reads only their own cases sees the measures of those and the ones they own, nothing else', async () => {
    env.clock.set('2026-03-02T09:00:00Z');
    const theirs = await complaint('2026-02-11T10:00:00Z', 'conduct', outsider);
    const other = await complaint('2026-02-12T10:00:00Z', 'conduct');
    const onTheirs = await asActor(env.services, quality, (ctx) =>
      recordMeasure(ctx, {
        description: 'Bejegening trainen',
        ownerId: owner.id,
        dueDate: '2026-05-01',
        source: 'complaint',
        caseIds: [theirs.id, other.id],
      }),
    );
    const elsewhere = await asActor(env.services, quality, (ctx) =>
      recordMeasure(ctx, { description: 'Elders', ownerId: owner.id, dueDate: '2026-05-01', source: 'complaint', caseIds: [other.id] }),
    );
    const owned = await asActor(env.services, quality, (ctx) =>
      recordMeasure(ctx, { description: 'Van mij', ownerId: stranger.id, dueDate: '2026-05-01', source: 'systemReview', caseIds: [] }),
    );
    const visible = (await listMeasures(env.services, outsider, { view: 'all', limit: 100 })).rows.map((r) => r.id);
    assert.ok(visible.includes(onTheirs.id));
    assert.ok(!visible.includes(elsewhere.id));
    assert.ok(!visible.includes(owned.id));
    await assert.rejects(measureDetail(env.services, outsider, elsewhere.id), /bestaat niet/);
    const d = await measureDetail(env.services, outsider, onTheirs.id);
    assert.deepEqual(
      d.cases.map((c) => c.id),
      [theirs.id],
    );
    assert.equal(d.hiddenCaseCount, 1, 'the other complaint is counted, not shown');
    await assert.rejects(measuresOfCase(env.services, outsider, other.id), /bestaat niet/);
    assert.deepEqual(
      (await listMeasures(env.services, stranger, { view: 'all', limit: 100 })).rows.map((r) => r.id),
      [owned.id],
      'the owner sees their own',
    );
    // Linking a complaint one may not work on is refused as if it did not exist.
    await assert.rejects(
      asActor(env.services, owner, (ctx) =>
        recordMeasure(ctx, { description: 'x', ownerId: owner.id, dueDate: '2026-05-01', source: 'complaint', caseIds: [other.id] }),
      ),
      (e: { invalidParams: { name: string }[] }) => e.invalidParams[0]!.name === 'caseIds',
    );
  });

  test('before and after: complaints of the ground per month, three months before it was recorded and three after it was carried out', async () => {
    env.clock.set('2027-06-10T09:00:00Z');
    // Planted: the ground 'waiting' in the months around a measure recorded in January 2027 and carried out in February.
    const planted: [string, number][] = [
      ['2026-09-30T21:59:00Z', 1], // 23:59 on 30 September in Amsterdam: before the window
      ['2026-09-30T22:01:00Z', 2], // 00:01 on 1 October in Amsterdam
      ['2026-11-30T22:30:00Z', 3], // 23:30 on 30 November in Amsterdam (winter time)
      ['2026-12-31T22:30:00Z', 4], // 23:30 on 31 December in Amsterdam
      ['2027-01-10T10:00:00Z', 1], // the month it was recorded: in neither window
      ['2027-02-20T10:00:00Z', 5], // the month it was carried out: in neither window
      ['2027-03-03T10:00:00Z', 1],
      ['2027-05-31T21:59:00Z', 2], // 23:59 on 31 May in Amsterdam (summer time)
      ['2027-05-31T22:01:00Z', 1], // 1 June in Amsterdam: after the window
    ];
    for (const [at, n] of planted) for (let i = 0; i < n; i++) await complaint(at, 'waiting');
    await complaint('2026-11-10T10:00:00Z', 'otherGround');
    await complaint('2026-11-10T10:00:00Z', null);
    const measure = { ground: 'waiting', created_at: new Date('2027-01-15T10:00:00Z'), carried_out_on: '2027-02-26' };
    env.clock.set('2027-01-20T09:00:00Z');
    const atRecording = await groundCountsAround(env.services, quality, measure);
    assert.deepEqual(atRecording!.before, [
      { month: '2026-10', count: 2, complete: true },
      { month: '2026-11', count: 3, complete: true },
      { month: '2026-12', count: 4, complete: true },
    ]);
    assert.deepEqual(
      atRecording!.after!.map((m) => m.complete),
      [false, false, false],
      'months still to come are not complete',
    );
    env.clock.set('2027-05-10T09:00:00Z');
    const later = await groundCountsAround(env.services, quality, measure);
    assert.deepEqual(
      later!.before.map((m) => [m.month, m.count, m.complete]),
      [
        ['2026-10', 2, true],
        ['2026-11', 3, true],
        ['2026-12', 4, true],
      ],
    );
    assert.deepEqual(
      later!.after!.map((m) => [m.month, m.count, m.complete]),
      [
        ['2027-03', 1, true],
        ['2027-04', 0, true],
        ['2027-05', 2, false],
      ],
    );
    // Not carried out yet: no after window; no ground: no counts.
    assert.equal(
      (await groundCountsAround(env.services, quality, {
        ground: 'waiting',
        created_at: new Date('2027-01-15T10:00:00Z'),
        carried_out_on: null,
      }))!.after,
      null,
    );
    assert.equal(
      await groundCountsAround(env.services, quality, { ground: null, created_at: env.clock.now(), carried_out_on: null }),
      null,
    );
    // Counted within what the viewer may read: a colleague with only their own cases counts none of these.
    const scoped = await groundCountsAround(env.services, outsider, {
      ground: 'waiting',
      created_at: new Date('2027-01-15T10:00:00Z'),
      carried_out_on: null,
    });
    assert.deepEqual(
      scoped!.before.map((m) => m.count),
      [0, 0, 0],
    );
  });
});
