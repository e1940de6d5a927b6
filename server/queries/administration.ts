import { sql } from 'kysely';
import type { Services } from '../commands/context.ts';
import type { AdminSubject } from '../db/adminSchema.ts';
import { toCivilDate } from '../domain/calendar/civilDate.ts';

/**
 * The read side of administration (issue 13): users with their roles, teams and unit, teams and
 * units with who is in them, substitutions, and each one's change record. Only for those who hold
 * `user:manage` (the routes say so); an organisation has hundreds of staff, not millions, so lists
 * are whole and ordered by name.
 */
const teamsOf = (services: Services, userIds: string[]) =>
  userIds.length
    ? services.db
        .selectFrom('team_member as tm')
        .innerJoin('team as t', 't.id', 'tm.team_id')
        .select(['tm.user_id', 't.id', 't.name'])
        .where('tm.user_id', 'in', userIds)
        .orderBy('t.name')
        .execute()
    : Promise.resolve([]);

export async function listStaffAccounts(services: Services, f: { q?: string; status: 'active' | 'inactive' | 'all' }) {
  let q = services.db
    .selectFrom('staff_user as u')
    .leftJoin('org_unit as ou', 'ou.id', 'u.org_unit_id')
    .select(['u.id', 'u.name', 'u.email', 'u.roles', 'u.active', 'ou.id as org_unit_id', 'ou.name as org_unit_name'])
    .orderBy('u.name')
    .orderBy('u.id')
    .limit(2000);
  if (f.status !== 'all') q = q.where('u.active', '=', f.status === 'active');
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.email', 'ilike', like)]));
  }
  const users = await q.execute();
  const teams = await teamsOf(
    services,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ ...u, teams: teams.filter((t) => t.user_id === u.id).map((t) => ({ id: t.id, name: t.name })) }));
}

export async function staffAccount(services: Services, id: string) {
  const u = await services.db
    .selectFrom('staff_user as u')
    .leftJoin('org_unit as ou', 'ou.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.roles',
      'u.active',
      'u.job_title',
      'u.phone',
      'u.created_at',
      sql<boolean>`u.oidc_subject is not null`.as('linked'),
      'ou.id as org_unit_id',
      'ou.name as org_unit_name',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!u) return undefined;
  const [teams, substitutions, changes] = await Promise.all([
    teamsOf(services, [id]),
    substitutionsOf(services, id),
    changesOf(services, 'user', id),
  ]);
  return { ...u, teams: teams.map((t) => ({ id: t.id, name: t.name })), substitutions, changes };
}

/** Who stands in for this person (and for whom they stand in), from today on; past ones are in the change record. */
export function substitutionsOf(services: Services, userId: string) {
  const today = toCivilDate(services.clock.now());
  return services.db
    .selectFrom('substitution as s')
    .innerJoin('staff_user as a', 'a.id', 's.absent_user_id')
    .innerJoin('staff_user as b', 'b.id', 's.substitute_user_id')
    .select([
      's.id',
      's.starts_on',
      's.ends_on',
      'a.id as absent_id',
      'a.name as absent_name',
      'b.id as substitute_id',
      'b.name as substitute_name',
    ])
    .where((eb) => eb.or([eb('s.absent_user_id', '=', userId), eb('s.substitute_user_id', '=', userId)]))
    .where('s.ends_on', '>=', today)
    .orderBy('s.starts_on')
    .orderBy('s.id')
    .execute();
}

/** The change record of one user, team or unit, newest first. */
export function changesOf(services: Services, subject: AdminSubject, id: string, limit = 200) {
  return services.db
    .selectFrom('admin_change')
    .select(['id', 'occurred_at', 'actor_name', 'action', 'before', 'after'])
    .where('subject_type', '=', subject)
    .where('subject_id', '=', id)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function listTeams(services: Services) {
  return services.db
    .selectFrom('team as t')
    .leftJoin('org_unit as ou', 'ou.id', 't.org_unit_id')
    .select([
      't.id',
      't.key',
      't.name',
      't.origin',
      'ou.id as org_unit_id',
      'ou.name as org_unit_name',
      (eb) =>
        eb
          .selectFrom('team_member as tm')
          .innerJoin('staff_user as m', 'm.id', 'tm.user_id')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('tm.team_id', '=', 't.id')
          .where('m.active', '=', true)
          .as('members'),
    ])
    .orderBy('t.name')
    .execute();
}

export async function teamDetail(services: Services, id: string) {
  const team = (await listTeams(services)).find((t) => t.id === id);
  if (!team) return undefined;
  const [members, changes] = await Promise.all([
    services.db
      .selectFrom('team_member as tm')
      .innerJoin('staff_user as u', 'u.id', 'tm.user_id')
      .select(['u.id', 'u.name', 'u.roles', 'u.active'])
      .where('tm.team_id', '=', id)
      .orderBy('u.name')
      .execute(),
    changesOf(services, 'team', id),
  ]);
  return { ...team, memberList: members, changes };
}

export function listOrgUnits(services: Services) {
  return services.db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select([
      'u.id',
      'u.key',
      'u.name',
      'u.origin',
      'p.id as parent_id',
      'p.name as parent_name',
      (eb) =>
        eb
          .selectFrom('staff_user as m')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('m.org_unit_id', '=', 'u.id')
          .where('m.active', '=', true)
          .as('members'),
    ])
    .orderBy('u.name')
    .execute();
}

export async function orgUnitDetail(services: Services, id: string) {
  const unit = (await listOrgUnits(services)).find((u) => u.id === id);
  if (!unit) return undefined;
  const [members, teams, changes] = await Promise.all([
    services.db.selectFrom('staff_user').select(['id', 'name', 'roles', 'active']).where('org_unit_id', '=', id).orderBy('name').execute(),
    services.db.selectFrom('team').select(['id', 'name']).where('org_unit_id', '=', id).orderBy('name').execute(),
    changesOf(services, 'orgUnit', id),
  ]);
  return { ...unit, memberList: members, teams, changes };
}
