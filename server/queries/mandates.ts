import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { toCivilDate } from '../domain/calendar/civilDate.ts';

/** A mandate with the names of both persons, as the intake and the case page show it. */
function mandateRows(db: Kysely<DB>) {
  return db
    .selectFrom('mandate as m')
    .innerJoin('person as rd', 'rd.id', 'm.represented_id')
    .innerJoin('person as rv', 'rv.id', 'm.representative_id')
    .selectAll('m')
    .select(['rd.name as represented_name', 'rv.name as representative_name']);
}
export type MandateView = NonNullable<Awaited<ReturnType<typeof mandateById>>>;

export function mandateById(db: Kysely<DB>, id: string) {
  return mandateRows(db).where('m.id', '=', id).executeTakeFirst();
}

/** Intake: the mandate between these two that is valid today, so staff do not ask for it again. */
export function validMandateBetween(db: Kysely<DB>, now: Date, representedId: string, representativeId: string) {
  const today = toCivilDate(now);
  return mandateRows(db)
    .where('m.represented_id', '=', representedId)
    .where('m.representative_id', '=', representativeId)
    .where('m.revoked_at', 'is', null)
    .where('m.valid_from', '<=', today)
    .where((eb) => eb.or([eb('m.valid_until', 'is', null), eb('m.valid_until', '>=', today)]))
    .orderBy('m.valid_from', 'asc')
    .executeTakeFirst();
}
