import type { ExpressionBuilder } from 'kysely';
import type { OidcIdentity } from '../auth/oidc.ts';
import { grantsFromClaims, type OidcGrants, type OidcMapping } from '../config/oidcMapping.ts';
import type { DB } from '../db/schema.ts';
import { changedFields, recordAdminChange, type Snapshot } from './adminChanges.ts';
import { type CommandContext, runCommand, type Services, type SystemActor } from './context.ts';
import { accountSnapshot } from './staffAccounts.ts';

/**
 * Staff accounts kept by the organisation's OpenID provider (organisation JSON `oidc`). The provider
 * is the source of truth: at every login its groups set the account's roles and teams, its name and
 * address the account's. A first login with a mapped group makes the account; a login whose groups
 * give no role is refused and leaves no active account (one that existed is deactivated, marked as
 * withdrawn by the provider so a regained group lets the person in again). An account an
 * administrator deactivated stays shut whatever the groups say. Every change is in administration's
 * change record (admin_change), by the provider.
 */
export type ProviderLogin =
  | { userId: string; outcome: 'created' | 'updated' | 'unchanged' }
  | { refused: 'noAccount' | 'noRole'; outcome: 'withdrawn' | 'refused' };

/** The change record's actor: the login itself, on the provider's word. */
export const PROVIDER_ACTOR: SystemActor = { kind: 'system', name: 'Identiteitsprovider (bij inloggen)' };

const COLUMNS = ['id', 'email', 'active', 'oidc_subject', 'provider_withdrawn_at'] as const;
const sameEmail = (address: string) => (eb: ExpressionBuilder<DB, 'staff_user'>) =>
  eb(eb.fn('lower', ['email']), '=', eb.fn('lower', [eb.val(address)]));

export async function accountFromProvider(services: Services, who: OidcIdentity, mapping: OidcMapping): Promise<ProviderLogin> {
  const grants = grantsFromClaims(mapping, who.claims);
  // An address the provider says it has not verified could be anyone's: it neither links nor makes an account.
  const email = who.email?.trim() && who.emailVerified !== false ? who.email.trim() : undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runCommand(services, PROVIDER_ACTOR, (ctx) => provision(ctx, who, email, grants));
    } catch (err) {
      // A simultaneous first login (another tab or instance) made or linked the row a moment ago: look again.
      if (attempt < 3 && (err as { code?: unknown }).code === '23505') continue;
      throw err;
    }
  }
}

async function provision(ctx: CommandContext, who: OidcIdentity, email: string | undefined, grants: OidcGrants): Promise<ProviderLogin> {
  const { tx } = ctx;
  let row = await tx.selectFrom('staff_user').select(COLUMNS).where('oidc_subject', '=', who.sub).forUpdate().executeTakeFirst();
  if (!row && email) {
    // First login of a provider account: an account made in Klachtflow with its address is linked (once).
    row = await tx.selectFrom('staff_user').select(COLUMNS).where(sameEmail(email)).forUpdate().executeTakeFirst();
    if (row?.oidc_subject) return { refused: 'noAccount', outcome: 'refused' }; // the address is another provider account's
  }
  // Deactivated by an administrator (not by the provider's groups): no group reopens it.
  if (row && !row.active && !row.provider_withdrawn_at) return { refused: 'noAccount', outcome: 'refused' };

  if (grants.roles.length === 0) {
    if (!row?.oidc_subject || !row.active) return { refused: 'noRole', outcome: 'refused' }; // nothing made, nothing linked
    const before = await accountSnapshot(ctx, row.id);
    await tx
      .updateTable('staff_user')
      .set({ active: false, roles: [], managed_by_provider: true, provider_withdrawn_at: ctx.now })
      .where('id', '=', row.id)
      .execute();
    await setTeams(ctx, row.id, []);
    await tx.deleteFrom('session').where('user_id', '=', row.id).execute();
    await record(ctx, row.id, 'userDeactivated', before);
    return { refused: 'noRole', outcome: 'withdrawn' };
  }

  if (!row) {
    if (!email) return { refused: 'noAccount', outcome: 'refused' }; // an account needs an address (notifications)
    const made = await tx
      .insertInto('staff_user')
      .values({ email, name: who.name ?? email, roles: grants.roles, oidc_subject: who.sub, managed_by_provider: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setTeams(ctx, made.id, grants.teams);
    await record(ctx, made.id, 'userCreated', null);
    return { userId: made.id, outcome: 'created' };
  }

  const before = await accountSnapshot(ctx, row.id);
  // The provider's address, unless another account holds it (then the old one stays).
  const newAddress =
    email &&
    email.toLowerCase() !== row.email.toLowerCase() &&
    !(await tx.selectFrom('staff_user').select('id').where(sameEmail(email)).executeTakeFirst());
  await tx
    .updateTable('staff_user')
    .set({
      oidc_subject: who.sub,
      roles: grants.roles,
      active: true,
      managed_by_provider: true,
      provider_withdrawn_at: null,
      ...(who.name ? { name: who.name } : {}),
      ...(newAddress ? { email } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  await setTeams(ctx, row.id, grants.teams);
  const changed = await record(ctx, row.id, before.active ? 'userChanged' : 'userReactivated', before);
  return { userId: row.id, outcome: changed ? 'updated' : 'unchanged' };
}

/** What the change record keeps of an account: words as they are now (team names, not ids). */
/** Records what the login changed (nothing when nothing did); says whether anything did. */
async function record(ctx: CommandContext, userId: string, action: string, before: Snapshot | null): Promise<boolean> {
  const after = await accountSnapshot(ctx, userId);
  const diff = before ? changedFields(before, after) : { before: null, after };
  if (!diff) return false;
  await recordAdminChange(ctx, { subject: 'user', subjectId: userId, action, before: diff.before, after: diff.after });
  return true;
}

/** Membership follows the mapping exactly: teams the groups no longer give are left. */
async function setTeams(ctx: CommandContext, userId: string, keys: string[]) {
  const teams = keys.length ? await ctx.tx.selectFrom('team').select('id').where('key', 'in', keys).execute() : [];
  const ids = teams.map((t) => t.id);
  let leave = ctx.tx.deleteFrom('team_member').where('user_id', '=', userId);
  if (ids.length) leave = leave.where('team_id', 'not in', ids);
  await leave.execute();
  if (ids.length) {
    await ctx.tx
      .insertInto('team_member')
      .values(ids.map((team_id) => ({ team_id, user_id: userId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
