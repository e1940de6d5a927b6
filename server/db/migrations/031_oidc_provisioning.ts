import { sql, type Kysely } from 'kysely';

/**
 * Issue 13 point 3: accounts made and kept by the organisation's OpenID provider. With a group
 * mapping configured (organisation JSON `oidc`), the provider's groups decide a staff member's roles
 * and teams at every login (`managed_by_provider`). When the groups stop giving a role the account
 * is deactivated and `provider_withdrawn_at` says the provider did it, so regaining a group lets the
 * person in again; an account an administrator deactivated (active = false, no such mark) stays shut.
 *
 * The trigger keeps the mark honest without other code knowing it: any change of `active` that does
 * not set the mark itself (an administrator's deactivation or reactivation) clears it, so a stale
 * mark can never reopen an account an administrator closed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table staff_user add column managed_by_provider boolean not null default false;
    alter table staff_user add column provider_withdrawn_at timestamptz;
    create function staff_user_withdrawn_mark() returns trigger language plpgsql as $$
    begin
      if new.active is distinct from old.active
         and new.provider_withdrawn_at is not distinct from old.provider_withdrawn_at then
        new.provider_withdrawn_at := null;
      end if;
      return new;
    end $$;
    create trigger staff_user_withdrawn_mark before update of active on staff_user
      for each row execute function staff_user_withdrawn_mark();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
