import type { Services } from '../commands/context.ts';

/** Teams with the ids of their members, by name: what the screens offer as choices. */
export async function teamsWithMembers(services: Services) {
  const teams = await services.db
    .selectFrom('team')
    .leftJoin('team_member', 'team_member.team_id', 'team.id')
    .select(['team.id', 'team.key', 'team.name', (eb) => eb.fn.agg<(string | null)[]>('array_agg', ['team_member.user_id']).as('members')])
    .groupBy(['team.id', 'team.key', 'team.name'])
    .orderBy('team.name')
    .execute();
  return teams.map((t) => ({ id: t.id, key: t.key, name: t.name, memberIds: (t.members ?? []).filter((m): m is string => !!m) }));
}

/** Active colleagues by name, at most `limit`. */
export function activeStaff(services: Services, limit: number) {
  return services.db
    .selectFrom('staff_user')
    .select(['id', 'name', 'roles'])
    .where('active', '=', true)
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** An active colleague with their teams (the demo login), or undefined. */
export async function activeStaffMember(services: Services, userId: string) {
  const user = await services.db
    .selectFrom('staff_user')
    .select(['id', 'name', 'email', 'roles'])
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return undefined;
  const teams = await services.db.selectFrom('team_member').select('team_id').where('user_id', '=', user.id).execute();
  return { ...user, teamIds: teams.map((t) => t.team_id) };
}
