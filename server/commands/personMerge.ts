import { sql } from 'kysely';
import type { MovedByMerge } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { actorId, type CommandContext } from './context.ts';
import { moveMandates, moveMandatesBack } from './mandates.ts';
import { recordEvent } from './timeline.ts';

/**
 * Staff merge a duplicate person record into the one that stays (seed 000 rule 5 needs one record
 * per complainant: the survey quiet period is kept per person). Nothing merges by itself. The
 * duplicate's cases and surveys are re-pointed, the duplicate is marked merged (never deleted, so
 * history stays readable), and the merge keeps the moved row ids so undo restores exactly those.
 * The survivor's own details are not changed, which keeps undo exact. A moved case's version goes up:
 * its complainant changed, so a form opened before the merge is answered with a conflict.
 */
export async function mergePersons(ctx: CommandContext, input: { survivorId: string; duplicateId: string }) {
  if (input.survivorId === input.duplicateId) throw invalid('duplicateId', 'Kies een andere persoon dan de persoon die blijft.');
  const people = await lockPersons(ctx, [input.survivorId, input.duplicateId]);
  const survivor = people.get(input.survivorId);
  const duplicate = people.get(input.duplicateId);
  if (!survivor) throw invalid('survivorId', 'Deze persoon bestaat niet.');
  if (!duplicate) throw invalid('duplicateId', 'Deze persoon bestaat niet.');
  if (survivor.merged_into_id || duplicate.merged_into_id) throw conflict('Een van deze personen is intussen al samengevoegd.');
  if (survivor.kind !== duplicate.kind) throw invalid('duplicateId', 'Een persoon en een organisatie kunnen niet worden samengevoegd.');

  const to = input.survivorId;
  const from = input.duplicateId;
  // Each update finds its rows through an index on the person column (cases_complainant, cases_representative, survey_person).
  const complainantCases = await ctx.tx
    .updateTable('cases')
    .set({ complainant_id: to, updated_at: ctx.now, version: sql`version + 1` })
    .where('complainant_id', '=', from)
    .returning('id')
    .execute();
  const representativeCases = await ctx.tx
    .updateTable('cases')
    .set({ representative_id: to, updated_at: ctx.now, version: sql`version + 1` })
    .where('representative_id', '=', from)
    .returning('id')
    .execute();
  const surveys = await ctx.tx.updateTable('survey').set({ person_id: to }).where('person_id', '=', from).returning('id').execute();
  // Mandates (seed 003) follow the person, so a carer's machtiging is not asked again after a merge.
  const mandates = await moveMandates(ctx, from, to);
  await ctx.tx.updateTable('person').set({ merged_into_id: to }).where('id', '=', from).execute();
  const moved: MovedByMerge = {
    complainantCases: complainantCases.map((r) => r.id),
    representativeCases: representativeCases.map((r) => r.id),
    surveys: surveys.map((r) => r.id),
    ...mandates,
  };
  const merge = await ctx.tx
    .insertInto('person_merge')
    .values({
      survivor_id: to,
      duplicate_id: from,
      moved: JSON.stringify(moved),
      merged_at: ctx.now,
      merged_by: actorId(ctx.actor),
      merged_by_name: ctx.actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const caseId of affectedCases(moved)) {
    await recordEvent(ctx, {
      type: 'personMerged',
      caseId,
      // In data, not before/after: the timeline names the event; who and which records is the audit.
      data: { mergeId: merge.id, from: { id: from, name: duplicate.name }, into: { id: to, name: survivor.name } },
    });
  }
  return { id: merge.id, moved };
}

/** Undo one merge: exactly the rows it moved go back, the duplicate is a live record again. */
export async function undoPersonMerge(ctx: CommandContext, mergeId: string) {
  const merge = await ctx.tx.selectFrom('person_merge').selectAll().where('id', '=', mergeId).forUpdate().executeTakeFirst();
  if (!merge) throw notFound('Deze samenvoeging');
  if (merge.undone_at) throw conflict('Deze samenvoeging is al ongedaan gemaakt.');
  const people = await lockPersons(ctx, [merge.survivor_id, merge.duplicate_id]);
  const survivor = people.get(merge.survivor_id)!;
  const duplicate = people.get(merge.duplicate_id)!;
  // A later merge moved the survivor's rows on; undoing this one first would split them wrongly.
  if (survivor.merged_into_id) throw conflict('Deze persoon is daarna samengevoegd met een ander. Maak eerst die samenvoeging ongedaan.');
  const moved = merge.moved as MovedByMerge;
  const back = async (ids: string[], update: (ids: string[]) => Promise<unknown>) => (ids.length ? update(ids) : undefined);
  await back(moved.complainantCases, (ids) =>
    ctx.tx
      .updateTable('cases')
      .set({ complainant_id: merge.duplicate_id, updated_at: ctx.now, version: sql`version + 1` })
      .where('id', 'in', ids)
      .where('complainant_id', '=', merge.survivor_id)
      .execute(),
  );
  await back(moved.representativeCases, (ids) =>
    ctx.tx
      .updateTable('cases')
      .set({ representative_id: merge.duplicate_id, updated_at: ctx.now, version: sql`version + 1` })
      .where('id', 'in', ids)
      .where('representative_id', '=', merge.survivor_id)
      .execute(),
  );
  await back(moved.surveys, (ids) =>
    ctx.tx
      .updateTable('survey')
      .set({ person_id: merge.duplicate_id })
      .where('id', 'in', ids)
      .where('person_id', '=', merge.survivor_id)
      .execute(),
  );
  await moveMandatesBack(ctx, moved, merge.survivor_id, merge.duplicate_id);
  await ctx.tx.updateTable('person').set({ merged_into_id: null }).where('id', '=', merge.duplicate_id).execute();
  await ctx.tx
    .updateTable('person_merge')
    .set({ undone_at: ctx.now, undone_by: actorId(ctx.actor), undone_by_name: ctx.actor.name })
    .where('id', '=', merge.id)
    .execute();
  for (const caseId of affectedCases(moved)) {
    await recordEvent(ctx, {
      type: 'personMergeUndone',
      caseId,
      data: { mergeId: merge.id, from: { id: survivor.id, name: survivor.name }, into: { id: duplicate.id, name: duplicate.name } },
    });
  }
  return { id: merge.id };
}

/** Both rows locked in id order, so two coordinators merging the same pair cannot deadlock. */
async function lockPersons(ctx: CommandContext, ids: string[]) {
  const rows = await ctx.tx
    .selectFrom('person')
    .select(['id', 'kind', 'name', 'merged_into_id'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

const affectedCases = (m: MovedByMerge) => [...new Set([...m.complainantCases, ...m.representativeCases])];
