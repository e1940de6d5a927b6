import { sql } from 'kysely';
import { type AdminContext, recordAdminChange } from './adminChanges.ts';
import { activeAdministrators, createStaffAccount } from './staffAccounts.ts';

/**
 * The first start without SQL (issue 13 point 2): `npm run admin -- create-admin` makes the first
 * administrator of an empty installation. No password: they log in through the OpenID provider,
 * whose first login links the account by this e-mail address (auth/oidcLogins.ts), or with the
 * demo login. While an active administrator exists it refuses, unless forced: then it adds another,
 * or gives an existing account with this address the administrator role (and opens it again).
 */
export type FirstAdministratorResult =
  | { outcome: 'created'; userId: string }
  | { outcome: 'promoted'; userId: string; wasActive: boolean }
  | { outcome: 'alreadyAdministrator'; userId: string }
  | { outcome: 'refused'; administrators: { name: string; email: string }[] };

export async function createAdministrator(
  ctx: AdminContext,
  input: { name: string; email: string; force: boolean },
): Promise<FirstAdministratorResult> {
  // One at a time: two runs at once must not both find "no administrator yet".
  await sql`select pg_advisory_xact_lock(hashtext('klachtflow:create-admin'))`.execute(ctx.tx);
  const administrators = await activeAdministrators(ctx);
  if (administrators.length && !input.force) {
    return { outcome: 'refused', administrators: administrators.map((a) => ({ name: a.name, email: a.email })) };
  }
  const existing = await ctx.tx
    .selectFrom('staff_user')
    .select(['id', 'roles', 'active'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
    .executeTakeFirst();
  if (!existing) {
    const userId = await createStaffAccount(ctx, {
      name: input.name,
      email: input.email,
      roles: ['administrator'],
      teamIds: [],
      orgUnitId: null,
    });
    return { outcome: 'created', userId };
  }
  if (existing.active && existing.roles.includes('administrator')) return { outcome: 'alreadyAdministrator', userId: existing.id };
  const roles = [...new Set([...existing.roles, 'administrator'])].sort();
  await ctx.tx.updateTable('staff_user').set({ roles, active: true }).where('id', '=', existing.id).execute();
  await recordAdminChange(ctx, {
    subject: 'user',
    subjectId: existing.id,
    action: 'userChanged',
    before: { roles: [...existing.roles].sort(), active: existing.active },
    after: { roles, active: true },
  });
  return { outcome: 'promoted', userId: existing.id, wasActive: existing.active };
}
