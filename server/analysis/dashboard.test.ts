import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { StaffActor } from '../commands/context.ts';
import { NO_VALUE } from '../presenters/staff/dashboard.ts';
import { buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { dashboardFigures } from './dashboard.ts';
import { saveContactVolumes } from './volumes.ts';
import { type Planted, plantCases, plantPerson } from './plantCases.ts';

/**
 * The dashboard's figures over cases whose every date is known, so each figure is stated by hand:
 * the year 2025 in quarters. Two cases sit on a day boundary (23:30 UTC is the next day in
 * Amsterdam). "Today" is the fake clock's day, never the machine's.
 */
let env: TestEnv;
let manager: StaffActor;
let today: string;
let ids: Map<string, string>;
const at = (day: string) => `${day}T10:00:00Z`;

before(async () => {
  env = await createTestServices();
  today = env.services.calendar.toDate(env.clock.now());
  manager = await buildStaff(env.services, { roles: ['serviceManager'] });
  const db = env.services.db;
  const [p1, p2, p3] = [await plantPerson(db, 'Een'), await plantPerson(db, 'Twee'), await plantPerson(db, 'Drie')];
  const cases: Planted[] = [
    { ref: 'A1', received: at('2024-11-10'), closed: at('2024-12-20'), complainantId: p1 },
    { ref: 'A2', received: at('2024-12-01'), closed: at('2025-02-10'), complainantId: p2 },
    { ref: 'A3', received: '2024-12-31T23:30:00Z', complainantId: p3 },
    { ref: 'A4', received: at('2024-10-01'), complainantId: p3 },
    {
      ref: 'B1',
      received: at('2025-01-10'),
      closed: at('2025-01-20'),
      complainantId: p1,
      facts: { ground: 'conduct', kind: 'complaint', handledOnTime: true },
      handlingDeadline: '2025-02-21',
      normDeadline: '2025-01-17',
    },
    {
      ref: 'B2',
      received: at('2025-02-01'),
      closed: at('2025-03-15'),
      complainantId: p1,
      facts: { ground: 'conduct', kind: 'complaint', handledOnTime: false },
      clockFacts: { extension: { noticeSentAt: at('2025-02-20'), weeks: 2 } },
      handlingDeadline: '2025-03-01',
    },
    { ref: 'B3', received: at('2025-04-05'), closed: at('2025-04-08'), complainantId: p2, facts: { ground: 'communication' } },
    { ref: 'B4', received: at('2025-07-01'), closed: at('2026-01-15'), complainantId: p3 },
    { ref: 'B5', received: at('2025-10-10'), closed: '2025-12-31T23:30:00Z', complainantId: p3, channel: 'email' },
    {
      ref: 'B6',
      received: at('2025-11-11'),
      complainantId: p3,
      facts: {
        externalBody: 'ombudsman',
        externalOutcome: 'gegrond',
        externalRecommendation: 'Bied excuses aan',
        recommendationResponseDue: '2026-04-01',
      },
    },
    {
      ref: 'B7',
      received: at('2025-06-06'),
      closed: at('2025-06-26'),
      complainantId: p3,
      facts: { extended: true },
      clockFacts: { consentDelay: { consentAt: at('2025-06-10'), newEnd: '2025-06-30' } },
      handlingDeadline: '2025-07-01',
      normDeadline: '2025-06-30',
    },
    { ref: 'C1', received: at('2026-01-05'), complainantId: p1 },
  ];
  ids = await plantCases(db, cases);
  await saveContactVolumes(
    env.services,
    manager,
    ['2025-01', '2025-02', '2025-03', '2025-04'].map((month) => ({ month, kind: 'contacts' as const, volume: 1000 })),
  );
});
after(() => env.close());

const year2025 = () => dashboardFigures(env.services, manager, { from: '2025-01-01', to: '2026-01-01', granularity: 'quarter' }, today);

test('received and closed per quarter, and the period reconciles: open at start + received − closed = open at end', async () => {
  const d = await year2025();
  assert.deepEqual(
    d.buckets.map((b) => b.key),
    ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
  );
  // A3 came in at 23:30 UTC on 31 December: 1 January in Amsterdam, so in the period.
  assert.deepEqual(
    d.received.perBucket.map((c) => c.value),
    [3, 2, 1, 2],
  );
  assert.equal(d.received.total.value, 8);
  // B5 closed at 23:30 UTC on 31 December: 1 January in Amsterdam, so not in the period.
  assert.deepEqual(
    d.closed.perBucket.map((c) => c.value),
    [3, 2, 0, 0],
  );
  assert.equal(d.closed.total.value, 5);
  assert.equal(d.reconciliation.openAtStart.value, 2); // A2, A4
  assert.equal(d.reconciliation.openAtEnd.value, 5); // A3, A4, B4, B5, B6
  assert.equal(d.reconciliation.balances, true);
  assert.deepEqual(d.reconciliation.openAtStart.drillDown, { openOn: '2025-01-01' });
  assert.deepEqual(d.received.perBucket[1]!.drillDown, { receivedFrom: '2025-04-01', receivedBefore: '2025-07-01' });
});

test('breakdowns count each fact value per quarter, cases without one as "not filled in" (last)', async () => {
  const d = await year2025();
  const ground = d.breakdowns.find((b) => b.dimension === 'ground')!;
  assert.deepEqual(
    ground.values.map((v) => [v.value, v.received.value, v.closed.value]),
    [
      ['conduct', 2, 2],
      ['communication', 1, 1],
      [NO_VALUE, 5, 2],
    ],
  );
  assert.deepEqual(
    ground.values[0]!.receivedPerBucket.map((c) => c.value),
    [2, 0, 0, 0],
  );
  assert.deepEqual(ground.values[0]!.received.drillDown, { receivedFrom: '2025-01-01', receivedBefore: '2026-01-01', ground: 'conduct' });
  const channel = d.breakdowns.find((b) => b.dimension === 'channel')!;
  assert.deepEqual(
    channel.values.map((v) => [v.value, v.received.value]),
    [
      ['phone', 7],
      ['email', 1],
    ],
  );
  assert.equal(channel.values[1]!.label.nl, 'E-mail');
  for (const b of d.breakdowns) {
    assert.equal(
      b.values.reduce((s, v) => s + v.received.value, 0),
      8,
      b.dimension,
    );
  }
});

test('lead time (median, 90th percentile), on time against each norm only where the case had it, extensions', async () => {
  const d = await year2025();
  // Closed in 2025: 3, 10, 20, 42 and 71 days.
  assert.equal(d.leadTime.closed, 5);
  assert.equal(d.leadTime.medianDays, 20);
  assert.equal(d.leadTime.p90Days, 59.4);
  assert.deepEqual(
    d.leadTime.perBucket.map((b) => b.medianDays),
    [42, 11.5, null, null],
  );
  assert.equal(d.onTime.term.counted.value, 3); // B1, B2, B7
  assert.equal(d.onTime.term.onTime.value, 2);
  assert.equal(d.onTime.term.late.value, 1);
  assert.equal(d.onTime.term.share, 0.667);
  assert.equal(d.onTime.norm.counted.value, 2); // B1 late, B7 on time
  assert.equal(d.onTime.norm.onTime.value, 1);
  assert.deepEqual(d.onTime.norm.late.drillDown, { closedFrom: '2025-01-01', closedBefore: '2026-01-01', late: 'norm' });
  assert.equal(d.extensions.extended.value, 2); // B2 (extension), B7 (fact)
  assert.equal(d.extensions.consentDelay.value, 1);
});

test('returning complainants, external follow-up with its recommendation, complaint rate where a volume is entered', async () => {
  const d = await year2025();
  assert.deepEqual(
    { c: d.returningComplainants.inPeriod.complainants, n: d.returningComplainants.inPeriod.cases.value },
    { c: 2, n: 8 - 1 },
  );
  // Een (B1, B2) and Drie (A3, B4–B7): two or more in 2025; Twee only B3. Earlier (2024): Een (A1), Twee (A2), Drie (A4).
  assert.equal(d.returningComplainants.withEarlier.complainants, 3);
  assert.equal(d.returningComplainants.withEarlier.cases.value, 8);
  assert.equal(d.external.total.value, 1);
  assert.deepEqual(
    d.external.byBody.map((b) => [b.body, b.cases.value, b.outcomes]),
    [['ombudsman', 1, [{ outcome: 'gegrond', count: 1 }]]],
  );
  assert.deepEqual(d.external.recommendations, [
    {
      caseId: ids.get('B6'),
      reference: 'B6',
      body: 'ombudsman',
      recommendation: 'Bied excuses aan',
      responseDue: '2026-04-01',
      overdue: false,
    },
  ]);
  assert.deepEqual(
    d.complaintRate.perBucket.map((r) => r.perThousand),
    [1, null, null, null],
  );
  assert.equal(d.complaintRate.perBucket[0]!.volume, 3000);
  assert.equal(d.complaintRate.total.volume, null);
  assert.deepEqual(d.measures, { open: 0, overdue: 0, checked: 0 });
  assert.ok(d.definitions.received?.nl.startsWith('Ontvangen: meldingen met datum ontvangst in de periode'));
});

test('filters narrow every figure: a ground, an external body', async () => {
  const conduct = await dashboardFigures(
    env.services,
    manager,
    { from: '2025-01-01', to: '2026-01-01', granularity: 'year', ground: 'conduct' },
    today,
  );
  assert.equal(conduct.received.total.value, 2);
  assert.equal(conduct.closed.total.value, 2);
  assert.deepEqual(conduct.filter, { ground: 'conduct' });
  assert.deepEqual(conduct.received.total.drillDown, { ground: 'conduct', receivedFrom: '2025-01-01', receivedBefore: '2026-01-01' });
  const none = await dashboardFigures(
    env.services,
    manager,
    { from: '2025-01-01', to: '2026-01-01', granularity: 'year', ground: NO_VALUE },
    today,
  );
  assert.equal(none.received.total.value, 5);
  const external = await dashboardFigures(
    env.services,
    manager,
    { from: '2025-01-01', to: '2026-01-01', granularity: 'year', externalBody: 'any' },
    today,
  );
  assert.equal(external.received.total.value, 1);
});

test('the trigger keeps case_figure in step with the case: facts, closing, deadlines', async () => {
  const db = env.services.db;
  const id = ids.get('B3')!;
  await db
    .updateTable('cases')
    .set({ facts: sql`facts || '{"ground": "conduct", "judgment": "founded"}'::jsonb`, norm_deadline: '2025-04-07' })
    .where('id', '=', id)
    .execute();
  let row = await db.selectFrom('case_figure').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.ground, 'conduct');
  assert.equal(row.judgment, 'founded');
  assert.equal(row.norm_on_time, false);
  assert.equal(row.lead_days, 3);
  await db.updateTable('cases').set({ closed_at: null }).where('id', '=', id).execute();
  row = await db.selectFrom('case_figure').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.closed_on, null);
  assert.equal(row.norm_on_time, null);
  assert.equal(row.lead_days, null);
  const d = await year2025();
  assert.equal(d.closed.total.value, 4);
  assert.equal(d.reconciliation.openAtEnd.value, 6);
  assert.equal(d.reconciliation.balances, true);
  // Put back for the other tests' numbers (node:test runs them in order).
  await db
    .updateTable('cases')
    .set({ closed_at: at('2025-04-08'), facts: '{"ground": "communication"}', norm_deadline: null })
    .where('id', '=', id)
    .execute();
});

test('rising themes: a planted ground and subject word are found among seeded noise, and the noise is not', async () => {
  const db = env.services.db;
  const person = await plantPerson(db, 'Ruis');
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const words = ['afval', 'container', 'straat', 'lantaarn', 'stoep', 'boom', 'loket', 'formulier', 'factuur', 'betaling'];
  const grounds = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const planted: Planted[] = [];
  for (const year of [2022, 2023]) {
    for (let i = 0; i < 300; i++) {
      const rising = rnd() < (year === 2023 ? 0.15 : 0.01);
      const day = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      planted.push({
        ref: `T${year}-${i}`,
        received: at(day),
        closed: at(day),
        complainantId: person,
        subject: `${pick(words)} ${pick(words)}${rising ? ' parkeervergunning' : ''}`,
        facts: { ground: rnd() < (year === 2023 ? 0.15 : 0.02) ? 'parking' : pick(grounds) },
      });
    }
  }
  await plantCases(db, planted);
  const stem = await sql<{ lexeme: string }>`select lexeme from unnest(to_tsvector('dutch', 'parkeervergunning'))`.execute(db);
  const d = await dashboardFigures(env.services, manager, { from: '2023-01-01', to: '2024-01-01', granularity: 'year' }, today);
  assert.deepEqual(d.risingThemes.previous, { from: '2022-01-01', to: '2023-01-01' });
  assert.deepEqual(
    d.risingThemes.grounds.map((t) => t.key),
    ['parking'],
  );
  assert.deepEqual(
    d.risingThemes.terms.map((t) => t.key),
    [stem.rows[0]!.lexeme],
  );
  const term = d.risingThemes.terms[0]!;
  assert.ok(term.current >= 5 && term.p < 0.05 && term.currentShare > term.previousShare);
  assert.deepEqual(term.drillDown, { receivedFrom: '2023-01-01', receivedBefore: '2024-01-01', term: stem.rows[0]!.lexeme });
  // The same words without the planted rise: nothing rises.
  const flat = await dashboardFigures(env.services, manager, { from: '2022-07-01', to: '2022-10-01', granularity: 'month' }, today);
  assert.deepEqual(flat.risingThemes.terms, []);
  assert.deepEqual(flat.risingThemes.grounds, []);
});

test('term_month (rising terms for whole months) always equals the terms of the cases themselves', async () => {
  const db = env.services.db;
  const compare = async () => {
    const kept = await sql<{ month: number; process_key: string; term: string; cases: number }>`
      select month, process_key, ground, term, cases from term_month where cases <> 0 order by 1, 2, 3, 4`.execute(db);
    const live = await sql<{ month: number; process_key: string; term: string; cases: number }>`
      select received_month as month, process_key, coalesce(ground, '') as ground, t as term, count(*)::int as cases
      from case_figure, unnest(terms) t group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(db);
    assert.deepEqual(kept.rows, live.rows);
    return live.rows.length;
  };
  assert.ok((await compare()) > 10);
  const id = ids.get('B4')!;
  await db
    .updateTable('cases')
    .set({ subject: 'Parkeervergunning kwijt', received_at: at('2025-08-09') })
    .where('id', '=', id)
    .execute();
  await compare();
  await db.updateTable('cases').set({ facts: '{"ground": "conduct"}' }).where('id', '=', id).execute();
  await compare();
  await db.deleteFrom('case_figure').where('case_id', '=', ids.get('C1')!).execute();
  await compare();
  // A period that is not whole months reads the cases' own terms: the same rising terms as whole months would.
  const live = await dashboardFigures(env.services, manager, { from: '2023-01-02', to: '2024-01-01', granularity: 'year' }, today);
  assert.equal(live.risingThemes.terms.length, 1);
  // Within one ground: whole months read term_month's rows of that ground, other periods the cases; they agree.
  const parking = { from: '2023-01-01', to: '2024-01-01', granularity: 'year' as const, ground: 'parking' };
  const kept = await dashboardFigures(env.services, manager, parking, today);
  const cases = await dashboardFigures(env.services, manager, { ...parking, from: '2023-01-02' }, today);
  assert.ok(kept.risingThemes.terms.every((t) => t.current >= 5));
  const counts = (d: typeof kept) => d.risingThemes.terms.map((t) => [t.key, t.previous]);
  assert.deepEqual(counts(kept), counts(cases));
});
