import { AppError, invalid, notFound } from '../domain/errors.ts';
import { caseScope } from '../queries/scope.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * Awb 9:7: the complaint is handled by someone not involved in the conduct complained about. The
 * people complained about are recorded on the case, and no work on that case is assigned to them.
 */
export async function addComplainedPerson(ctx: CommandContext, caseId: string, input: { userId?: string; name?: string; jobTitle?: string }) {
  const c = await ctx.tx.selectFrom('cases').select(['id', 'assignee_user_id']).where('id', '=', caseId).where(caseScope(ctx.actor)).executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  let name = input.name?.trim();
  if (input.userId) {
    const user = await ctx.tx.selectFrom('staff_user').select(['id', 'name']).where('id', '=', input.userId).executeTakeFirst();
    if (!user) throw invalid('userId', 'Deze medewerker bestaat niet.');
    name ??= user.name;
    if (c.assignee_user_id === user.id) {
      throw new AppError('conflict', `${user.name} behandelt deze melding zelf. Wijs de melding eerst toe aan iemand anders (Awb 9:7).`);
    }
  }
  if (!name) throw invalid('name', 'Geef de naam van de persoon over wie geklaagd wordt.');
  const row = await ctx.tx
    .insertInto('complained_person')
    .values({ case_id: caseId, user_id: input.userId ?? null, name, job_title: input.jobTitle ?? null, created_at: ctx.now })
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).where('user_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', 'Deze medewerker staat al als beklaagde op de melding.');
  await recordEvent(ctx, { type: 'complainedPersonAdded', caseId, after: { name, userId: input.userId ?? null } });
  return row.id;
}

/** Refuses giving work on a case to someone it is about. */
export async function assertNotComplainedAbout(ctx: Pick<CommandContext, 'tx'>, caseId: string | null, userId: string | null, field = 'userId') {
  if (!caseId || !userId) return;
  const hit = await ctx.tx.selectFrom('complained_person').select('name').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
  if (hit) throw invalid(field, `${hit.name} is beklaagde in deze melding en mag die niet behandelen (Awb 9:7).`, 'complainedAbout');
}
