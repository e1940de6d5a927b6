import { toCivilDate } from '../domain/calendar/civilDate.ts';
import { invalid, notFound } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { permissionsFor } from '../policies/permissions.ts';
import { recordAdminChange } from './adminChanges.ts';
import type { CommandContext } from './context.ts';

/**
 * A substitute while someone is away (issue 13): from–to, both days included. On those days the
 * absent person's work shows in the substitute's queue (queries/standIn.ts); the case's named
 * handler and a letter's signer stay who they were unless the case is reassigned. Awb 9:7 holds for
 * the substitute too: work on a case about them (or about someone in a unit they manage) stays out.
 */
export async function addSubstitution(
  ctx: CommandContext,
  absentUserId: string,
  input: { substituteId: string; startsOn: string; endsOn: string },
): Promise<string> {
  const absent = await ctx.tx.selectFrom('staff_user').select(['id', 'name']).where('id', '=', absentUserId).executeTakeFirst();
  if (!absent) throw notFound('Deze medewerker');
  if (input.substituteId === absentUserId) throw invalid('substituteId', 'Iemand kan zichzelf niet vervangen. Kies een collega.');
  const substitute = await ctx.tx
    .selectFrom('staff_user')
    .select(['id', 'name', 'roles'])
    .where('id', '=', input.substituteId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!substitute) throw invalid('substituteId', 'Kies een actieve collega als vervanger.');
  // Work in a queue needs someone who works queues: a substitute who cannot open them would see nothing.
  if (!permissionsFor(substitute.roles as Role[]).has('activity:work'))
    throw invalid('substituteId', `${substitute.name} behandelt geen werk uit de werkvoorraad. Kies een collega die dat wel doet.`);
  if (input.endsOn < input.startsOn) throw invalid('endsOn', 'De laatste dag ligt vóór de eerste dag.');
  if (input.endsOn < toCivilDate(ctx.now)) throw invalid('endsOn', 'Deze periode is al voorbij.');
  const overlap = await ctx.tx
    .selectFrom('substitution as s')
    .innerJoin('staff_user as u', 'u.id', 's.substitute_user_id')
    .select(['u.name', 's.starts_on', 's.ends_on'])
    .where('s.absent_user_id', '=', absentUserId)
    .where('s.starts_on', '<=', input.endsOn)
    .where('s.ends_on', '>=', input.startsOn)
    .executeTakeFirst();
  if (overlap)
    throw invalid(
      'startsOn',
      `${absent.name} heeft in deze periode al een vervanger: ${overlap.name} (${overlap.starts_on} t/m ${overlap.ends_on}).`,
      'overlap',
    );
  const row = await ctx.tx
    .insertInto('substitution')
    .values({
      absent_user_id: absentUserId,
      substitute_user_id: substitute.id,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      created_at: ctx.now,
      created_by: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAdminChange(ctx, {
    subject: 'user',
    subjectId: absentUserId,
    action: 'substituteAdded',
    after: { substitute: substitute.name, startsOn: input.startsOn, endsOn: input.endsOn },
  });
  return row.id;
}

export async function removeSubstitution(ctx: CommandContext, id: string) {
  const row = await ctx.tx
    .deleteFrom('substitution')
    .where('id', '=', id)
    .returning(['absent_user_id', 'substitute_user_id', 'starts_on', 'ends_on'])
    .executeTakeFirst();
  if (!row) throw notFound('Deze vervanging');
  const substitute = await ctx.tx
    .selectFrom('staff_user')
    .select('name')
    .where('id', '=', row.substitute_user_id)
    .executeTakeFirstOrThrow();
  await recordAdminChange(ctx, {
    subject: 'user',
    subjectId: row.absent_user_id,
    action: 'substituteRemoved',
    before: { substitute: substitute.name, startsOn: row.starts_on, endsOn: row.ends_on },
  });
}
