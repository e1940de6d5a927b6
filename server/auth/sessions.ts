import { sql } from 'kysely';
import type { Services } from '../commands/context.ts';
import { toCivilDate } from '../domain/calendar/civilDate.ts';

/**
 * Session rows (the auth plugin's store): the id is the hash of the cookie's token, never the
 * token itself, so a copy of the table opens no session.
 */
export async function insertSession(services: Services, s: { id: string; userId: string; csrf: string; createdAt: Date; expiresAt: Date }) {
  await services.db
    .insertInto('session')
    .values({ id: s.id, user_id: s.userId, csrf_token: s.csrf, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

export async function deleteSession(services: Services, id: string) {
  await services.db.deleteFrom('session').where('id', '=', id).execute();
}

/** The unexpired session's active user with their roles and teams, or undefined. */
export function sessionUser(services: Services, id: string) {
  const today = toCivilDate(services.clock.now());
  // Whom they stand in for today (030 substitution): that work is theirs too (queries/standIn.ts).
  const standInFor = sql<string[]>`array(select absent_user_id from substitution
    where substitute_user_id = staff_user.id and starts_on <= ${today}::date and ends_on >= ${today}::date)`;
  return services.db
    .selectFrom('session')
    .innerJoin('staff_user', 'staff_user.id', 'session.user_id')
    .select(['staff_user.id', 'staff_user.name', 'staff_user.email', 'staff_user.roles', 'session.csrf_token', 'session.expires_at'])
    .select(sql<string[]>`array(select team_id from team_member where team_member.user_id = staff_user.id)`.as('team_ids'))
    .select(standInFor.as('stand_in_for'))
    .where('session.id', '=', id)
    .where('session.expires_at', '>', services.clock.now())
    .where('staff_user.active', '=', true)
    .executeTakeFirst();
}
