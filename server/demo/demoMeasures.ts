import { sql } from 'kysely';
import type { Actor, CommandContext, Services, StaffActor } from '../commands/context.ts';
import { markMeasureCarriedOut } from '../commands/measureCarriedOut.ts';
import { checkMeasure } from '../commands/measureCheck.ts';
import { recordMeasure } from '../commands/measureRecorder.ts';

const DAY = 86_400_000;

/**
 * A few improvement measures so the Verbetermaatregelen page is not empty in the demo: one open, one
 * overdue, one carried out and waiting for the check, one checked once as not effective and now open
 * again, and one from the system review checked as effective. Made by the same commands as the screens.
 */
export async function seedDemoMeasures(services: Services, quality: StaffActor, owners: StaffActor[]) {
  const seedNow = services.clock.now().getTime();
  const run = <T>(who: Actor, daysAgo: number, fn: (ctx: CommandContext) => Promise<T>) =>
    services.db.transaction().execute((tx) => fn({ actor: who, tx, now: new Date(seedNow - daysAgo * DAY), services }));
  const day = (daysFromNow: number) => services.calendar.toDate(new Date(seedNow + daysFromNow * DAY));
  // Complaints with a ground where the walks recorded one; else the oldest cases (a measure's check then counts by the chosen ground).
  const cases = await services.db
    .selectFrom('cases')
    .select(['id', sql<string | null>`facts->>'ground'`.as('ground')])
    .orderBy(sql`facts ? 'ground'`, 'desc')
    .orderBy('received_at')
    .limit(6)
    .execute();
  const ground = cases.find((c) => c.ground)?.ground ?? firstGround(services);
  // Two complaints each; an organisation whose demo has too few cases gets measures from the system review.
  const linked = (i: number, source: 'complaint' | 'analysis') => {
    const caseIds = cases.slice(i, i + 2).map((c) => c.id);
    return caseIds.length ? { source, caseIds } : { source: 'systemReview' as const, caseIds };
  };
  const owner = (i: number) => owners[i % owners.length]!;

  await run(quality, 20, (ctx) =>
    recordMeasure(ctx, {
      description: 'Terugbelafspraken vastleggen in de gedeelde agenda, zodat een collega kan terugbellen als de behandelaar afwezig is.',
      ownerId: owner(0).id,
      dueDate: day(21),
      ...linked(0, 'complaint'),
      ground,
    }),
  );
  await run(quality, 40, (ctx) =>
    recordMeasure(ctx, {
      description: 'Standaardbrief over de wachttijd herschrijven in eenvoudige taal.',
      ownerId: owner(1).id,
      dueDate: day(-4),
      ...linked(2, 'complaint'),
      ground,
    }),
  );
  const toCheck = await run(quality, 45, (ctx) =>
    recordMeasure(ctx, {
      description: 'Nieuwe medewerkers krijgen een training over bejegening aan de telefoon.',
      ownerId: owner(0).id,
      dueDate: day(-10),
      finding: 'Halfjaaranalyse: veel klachten over bejegening aan de telefoon',
      ...linked(4, 'analysis'),
      ground,
    }),
  );
  await run(owner(0), 12, (ctx) =>
    markMeasureCarriedOut(ctx, toCheck.id, { carriedOutOn: day(-12), note: 'Training gegeven op het teamoverleg.' }),
  );
  const loop = await run(quality, 50, (ctx) =>
    recordMeasure(ctx, {
      description: 'Klachtbevestiging binnen twee werkdagen versturen.',
      ownerId: owner(1).id,
      dueDate: day(-30),
      ...linked(1, 'complaint'),
      ground,
    }),
  );
  await run(owner(1), 31, (ctx) => markMeasureCarriedOut(ctx, loop.id, { carriedOutOn: day(-31) }));
  await run(quality, 8, (ctx) =>
    checkMeasure(ctx, loop.id, {
      method: 'Steekproef van tien klachten uit de laatste maand.',
      conclusion: 'Vier bevestigingen gingen later dan twee werkdagen weg.',
      effective: false,
      newDueDate: day(25),
    }),
  );
  const review = await run(quality, 55, (ctx) =>
    recordMeasure(ctx, {
      description: 'De klachtenmethodiek wordt elk half jaar besproken in het managementoverleg.',
      ownerId: owner(1).id,
      dueDate: day(-20),
      source: 'systemReview',
      caseIds: [],
      ground,
    }),
  );
  await run(owner(1), 25, (ctx) => markMeasureCarriedOut(ctx, review.id, { carriedOutOn: day(-25) }));
  await run(quality, 3, (ctx) =>
    checkMeasure(ctx, review.id, {
      method: 'Agenda en verslagen van het managementoverleg bekeken.',
      conclusion: 'Staat vast op de agenda; besproken in het laatste overleg.',
      effective: true,
    }),
  );
}

/** A ground the organisation's processes offer, for a measure whose complaints have none yet. */
function firstGround(services: Services): string | null {
  for (const def of services.processes.all())
    for (const input of [...def.caseType.fields, ...def.transitions.flatMap((t) => t.inputs)])
      if ('fact' in input && input.fact === 'ground' && 'options' in input && input.options?.length) return input.options[0]!.value;
  return null;
}
