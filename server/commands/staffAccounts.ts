import { sql } from 'kysely';
import { conflict, forbidden, invalid, notFound } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { type AdminContext, changedFields, recordAdminChange, type Snapshot } from './adminChanges.ts';
import { actorId, type CommandContext } from './context.ts';

/**
 * Administration of staff accounts (issue 13 point 1): create, change (name, e-mail, roles, teams,
 * unit, job title, phone), deactivate and reactivate. There is no password: people log in through
 * the organisation's OpenID provider, linked by e-mail address at their first login.
 *
 * An administrator does not change their own roles or teams, nor deactivate themselves: rights are
 * given by someone else (four eyes), and the last administrator cannot lock everyone out.
 */
export type StaffAccountInput = {
  name: string;
  email: string;
  roles: Role[];
  teamIds: string[];
  orgUnitId: string | null;
  jobTitle?: string | null;
  phone?: string | null;
};

/** The account as the change record keeps it: words, not ids (administration and the OIDC login both record it so). */
export async function accountSnapshot(ctx: Pick<AdminContext, 'tx'>, userId: string): Promise<Snapshot> {
  const u = await ctx.tx
    .selectFrom('staff_user as u')
    .leftJoin('org_unit as ou', 'ou.id', 'u.org_unit_id')
    .select(['u.name', 'u.email', 'u.roles', 'u.job_title', 'u.phone', 'u.active', 'ou.name as org_unit'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const teams = await ctx.tx
    .selectFrom('team_member as tm')
    .innerJoin('team as t', 't.id', 'tm.team_id')
    .select('t.name')
    .where('tm.user_id', '=', userId)
    .orderBy('t.name')
    .execute();
  return {
    name: u.name,
    email: u.email,
    roles: [...u.roles].sort(),
    teams: teams.map((t) => t.name),
    orgUnit: u.org_unit,
    jobTitle: u.job_title,
    phone: u.phone,
    active: u.active,
  };
}

async function checkTeams(ctx: AdminContext, teamIds: string[]) {
  const unique = [...new Set(teamIds)];
  if (!unique.length) return unique;
  const found = await ctx.tx.selectFrom('team').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw invalid('teamIds', 'Een gekozen team bestaat niet.');
  return unique;
}

async function checkOrgUnit(ctx: AdminContext, orgUnitId: string | null | undefined) {
  if (!orgUnitId) return;
  const unit = await ctx.tx.selectFrom('org_unit').select('id').where('id', '=', orgUnitId).executeTakeFirst();
  if (!unit) throw invalid('orgUnitId', 'Deze afdeling bestaat niet.');
}

const DUPLICATE_EMAIL = 'Er is al een medewerker met dit e-mailadres.';
/** The unique index on lower(email) decides, also when two administrators save at the same moment. */
async function uniqueEmail<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw invalid('email', DUPLICATE_EMAIL, 'duplicate');
    throw err;
  }
}

/** Team memberships to exactly `teamIds`; each team's own record says who joined or left. */
async function setTeams(ctx: AdminContext, userId: string, userName: string, teamIds: string[]) {
  const current = (await ctx.tx.selectFrom('team_member').select('team_id').where('user_id', '=', userId).execute()).map((r) => r.team_id);
  const added = teamIds.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !teamIds.includes(id));
  if (added.length)
    await ctx.tx
      .insertInto('team_member')
      .values(added.map((team_id) => ({ team_id, user_id: userId })))
      .execute();
  if (removed.length) await ctx.tx.deleteFrom('team_member').where('user_id', '=', userId).where('team_id', 'in', removed).execute();
  for (const teamId of added)
    await recordAdminChange(ctx, { subject: 'team', subjectId: teamId, action: 'memberAdded', after: { member: userName } });
  for (const teamId of removed)
    await recordAdminChange(ctx, { subject: 'team', subjectId: teamId, action: 'memberRemoved', before: { member: userName } });
}

export async function createStaffAccount(ctx: AdminContext, input: StaffAccountInput): Promise<string> {
  const teamIds = await checkTeams(ctx, input.teamIds);
  await checkOrgUnit(ctx, input.orgUnitId);
  const row = await uniqueEmail(() =>
    ctx.tx
      .insertInto('staff_user')
      .values({
        name: input.name,
        email: input.email,
        roles: [...new Set(input.roles)],
        org_unit_id: input.orgUnitId,
        job_title: input.jobTitle ?? null,
        phone: input.phone ?? null,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  await setTeams(ctx, row.id, input.name, teamIds);
  await recordAdminChange(ctx, { subject: 'user', subjectId: row.id, action: 'userCreated', after: await accountSnapshot(ctx, row.id) });
  return row.id;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export async function changeStaffAccount(ctx: AdminContext, userId: string, patch: Partial<StaffAccountInput>) {
  const current = await ctx.tx
    .selectFrom('staff_user')
    .select(['id', 'name', 'roles', 'managed_by_provider'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw notFound('Deze medewerker');
  const teamIds = patch.teamIds ? await checkTeams(ctx, patch.teamIds) : undefined;
  const roles = patch.roles ? [...new Set(patch.roles)] : undefined;
  const currentTeams = (await ctx.tx.selectFrom('team_member').select('team_id').where('user_id', '=', userId).execute()).map(
    (r) => r.team_id,
  );
  const rightsChange = (roles && !sameSet(roles, current.roles)) || (teamIds && !sameSet(teamIds, currentTeams));
  if (rightsChange && userId === actorId(ctx.actor)) throw forbidden('Uw eigen rollen en teams wijzigt een andere beheerder.');
  // The provider's groups set them again at the next login (031): a change here would not last.
  if (rightsChange && current.managed_by_provider)
    throw conflict(`De rollen en teams van ${current.name} komen uit de groepen bij de identiteitsprovider. Wijzig ze daar.`);
  if (patch.orgUnitId !== undefined) await checkOrgUnit(ctx, patch.orgUnitId);
  const before = await accountSnapshot(ctx, userId);
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.email !== undefined ? { email: patch.email } : {}),
    ...(roles ? { roles } : {}),
    ...(patch.orgUnitId !== undefined ? { org_unit_id: patch.orgUnitId } : {}),
    ...(patch.jobTitle !== undefined ? { job_title: patch.jobTitle } : {}),
    ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
  };
  if (Object.keys(set).length) await uniqueEmail(() => ctx.tx.updateTable('staff_user').set(set).where('id', '=', userId).execute());
  if (teamIds) await setTeams(ctx, userId, patch.name ?? current.name, teamIds);
  const diff = changedFields(before, await accountSnapshot(ctx, userId));
  if (diff) await recordAdminChange(ctx, { subject: 'user', subjectId: userId, action: 'userChanged', ...diff });
}

/**
 * Deactivated: no login (every login path asks for an active account), every session ended now, no
 * longer offered or accepted for assignment. What they handled stays as it is. Returns the ended
 * sessions' ids, so the caller can drop them from its session cache too.
 */
export async function deactivateStaffAccount(ctx: AdminContext, userId: string): Promise<string[]> {
  if (userId === actorId(ctx.actor)) throw forbidden('U kunt uw eigen account niet deactiveren; dat doet een andere beheerder.');
  const updated = await ctx.tx
    .updateTable('staff_user')
    .set({ active: false })
    .where('id', '=', userId)
    .where('active', '=', true)
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    const exists = await ctx.tx.selectFrom('staff_user').select('id').where('id', '=', userId).executeTakeFirst();
    if (!exists) throw notFound('Deze medewerker');
    throw conflict('Deze medewerker is al gedeactiveerd.');
  }
  const sessions = await ctx.tx.deleteFrom('session').where('user_id', '=', userId).returning('id').execute();
  await recordAdminChange(ctx, {
    subject: 'user',
    subjectId: userId,
    action: 'userDeactivated',
    before: { active: true },
    after: { active: false },
  });
  return sessions.map((s) => s.id);
}

export async function reactivateStaffAccount(ctx: AdminContext, userId: string) {
  const updated = await ctx.tx
    .updateTable('staff_user')
    .set({ active: true })
    .where('id', '=', userId)
    .where('active', '=', false)
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    const exists = await ctx.tx.selectFrom('staff_user').select('id').where('id', '=', userId).executeTakeFirst();
    if (!exists) throw notFound('Deze medewerker');
    throw conflict('Deze medewerker is al actief.');
  }
  await recordAdminChange(ctx, {
    subject: 'user',
    subjectId: userId,
    action: 'userReactivated',
    before: { active: false },
    after: { active: true },
  });
}

/** Active administrators, by name: the command line's first-start check. */
export function activeAdministrators(ctx: Pick<CommandContext, 'tx'>) {
  return ctx.tx
    .selectFrom('staff_user')
    .select(['id', 'name', 'email'])
    .where('active', '=', true)
    .where(sql<boolean>`'administrator' = any(roles)`)
    .orderBy('name')
    .execute();
}
