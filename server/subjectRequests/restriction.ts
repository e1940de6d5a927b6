import { AppError, conflict, notFound } from '../domain/errors.ts';
import type { Kysely, Transaction } from 'kysely';
import type { CommandContext } from '../commands/context.ts';
import type { DB } from '../db/schema.ts';
import { closeRequest, openRequest } from './subjectRequests.ts';
import { recordRequestEvent } from './requestEvents.ts';

/**
 * AVG art. 18: a restricted person's data is kept and may be read, but not processed further. A
 * case is restricted while anyone it is about (complainant, representative, a colleague complained
 * about) has a restriction in force.
 */
export async function restrictionOfCase(db: Kysely<DB> | Transaction<DB>, caseId: string) {
  const row = await db
    .selectFrom('processing_restriction as pr')
    .select('pr.placed_at')
    .where('pr.lifted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('pr.person_id', 'in', eb.selectFrom('cases').select('complainant_id').where('id', '=', caseId)),
        eb('pr.person_id', 'in', eb.selectFrom('cases').select('representative_id').where('id', '=', caseId)),
        eb('pr.staff_user_id', 'in', eb.selectFrom('complained_person').select('user_id').where('case_id', '=', caseId)),
      ]),
    )
    .orderBy('pr.placed_at')
    .executeTakeFirst();
  return row ? { since: row.placed_at } : null;
}

/**
 * Refuses a person's (or another system's) change to a restricted case with a 409 that says why. Our own
 * steps (a timer, the portal) are not refused: they would retry for ever; a restriction is lifted
 * or the case waits.
 */
export async function assertNotRestricted(ctx: CommandContext, caseId: string) {
  if (ctx.actor.kind === 'system') return;
  if (!(await restrictionOfCase(ctx.tx, caseId))) return;
  throw new AppError(
    'conflict',
    'De verwerking van gegevens in deze melding is beperkt op verzoek van een betrokkene (AVG art. 18). U kunt de melding inzien, maar niet wijzigen.',
    [],
    { processingRestricted: true },
  );
}

/** Grants a restriction request: from now on the person's cases are read-only. */
export async function placeRestriction(ctx: CommandContext, requestId: string) {
  const r = await openRequest(ctx, requestId, 'restriction');
  const placed = await ctx.tx
    .insertInto('processing_restriction')
    .values({
      person_id: r.person_id,
      staff_user_id: r.staff_user_id,
      request_id: r.id,
      placed_at: ctx.now,
      placed_by_name: ctx.actor.name,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!placed) throw conflict('Voor deze persoon geldt al een beperking van de verwerking.');
  await recordRequestEvent(ctx, r.id, 'restricted');
  await closeRequest(ctx, r.id, 'granted', 'De verwerking is beperkt: de meldingen van deze persoon kunnen alleen worden ingezien.');
}

/** Ends the restriction (art. 18(3): the person is told before it is lifted); recorded on its request. */
export async function liftRestriction(ctx: CommandContext, requestId: string) {
  const lifted = await ctx.tx
    .updateTable('processing_restriction')
    .set({ lifted_at: ctx.now, lifted_by_name: ctx.actor.name })
    .where('request_id', '=', requestId)
    .where('lifted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!lifted) throw notFound('Deze beperking');
  await recordRequestEvent(ctx, requestId, 'restrictionLifted');
}
