import { sql } from 'kysely';
import type { MeasureSource } from '../db/measureSchema.ts';
import { invalid } from '../domain/errors.ts';
import { caseScope } from '../queries/scope.ts';
import { actorId, type CommandContext } from './context.ts';
import { longDate } from './caseMessages.ts';
import { ownerTeamMembers, recordMeasureEvent, recordOnCases, reminderDay, shortDescription, today } from './measureHistory.ts';
import { notifyStaff } from './staffNotifications.ts';

export type MeasureInput = {
  description: string;
  ownerId: string;
  dueDate: string;
  source: MeasureSource;
  caseIds: string[];
  finding?: string | null;
  /** The ground whose complaints the check counts; absent, the one most of the linked cases have. */
  ground?: string | null;
};

/**
 * Seed 002 step 4: a measure to prevent recurrence, with its owner and the date it must be in place,
 * linked to the complaints it answers (or decided in a system review or an analysis, step 7). The
 * owner's team is informed in the app; the owner is told when someone else recorded it for them.
 */
export async function recordMeasure(ctx: CommandContext, input: MeasureInput) {
  const description = input.description.trim();
  if (!description) throw invalid('description', 'Beschrijf de maatregel.');
  if (input.dueDate < today(ctx)) throw invalid('dueDate', 'De datum waarop de maatregel klaar moet zijn, ligt in het verleden.');
  const caseIds = [...new Set(input.caseIds)];
  if (input.source === 'complaint' && !caseIds.length) throw invalid('caseIds', 'Kies minstens één klacht waar de maatregel bij hoort.');
  const owner = await ctx.tx
    .selectFrom('staff_user')
    .select(['id', 'name'])
    .where('id', '=', input.ownerId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!owner) throw invalid('ownerId', 'Kies een eigenaar uit de lijst met medewerkers.');
  const cases = caseIds.length
    ? await ctx.tx
        .selectFrom('cases')
        .select(['id', 'reference', sql<string | null>`facts->>'ground'`.as('ground')])
        .where('id', 'in', caseIds)
        .where(caseScope(ctx.actor))
        .execute()
    : [];
  if (cases.length !== caseIds.length) throw invalid('caseIds', 'Een van de gekozen klachten bestaat niet of u heeft er geen toegang toe.');
  const ground = input.ground?.trim() || mostCommon(cases.map((c) => c.ground));

  const measure = await ctx.tx
    .insertInto('improvement_measure')
    .values({
      description,
      owner_id: owner.id,
      due_date: input.dueDate,
      source: input.source,
      finding: input.finding?.trim() || null,
      ground,
      remind_from: reminderDay(ctx, input.dueDate),
      created_at: ctx.now,
      created_by: actorId(ctx.actor),
      created_by_name: ctx.actor.name,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (cases.length)
    await ctx.tx
      .insertInto('improvement_measure_case')
      .values(cases.map((c) => ({ measure_id: measure.id, case_id: c.id })))
      .execute();
  await recordMeasureEvent(ctx, measure.id, 'recorded', {
    ownerName: owner.name,
    dueDate: input.dueDate,
    source: input.source,
    caseReferences: cases.map((c) => c.reference),
  });
  await recordOnCases(ctx, measure.id, 'measureLinked', { description: shortDescription(description), ownerName: owner.name });

  const what = shortDescription(description);
  const due = longDate(input.dueDate);
  const team = await ownerTeamMembers(ctx, owner.id);
  await notifyStaff(ctx, team, {
    kind: 'measureNotice',
    caseId: null,
    measureId: measure.id,
    message: `${owner.name} voert een verbetermaatregel in: "${what}" (klaar op ${due}).`,
    key: `${measure.id}:recorded`,
  });
  if (actorId(ctx.actor) !== owner.id)
    await notifyStaff(ctx, [owner.id], {
      kind: 'measureNotice',
      caseId: null,
      measureId: measure.id,
      message: `U bent eigenaar van de verbetermaatregel "${what}". Zorg dat die uiterlijk ${due} is ingevoerd.`,
      key: `${measure.id}:owner`,
    });
  return measure;
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}
