import type { Services } from '../commands/context.ts';
import type { OidcIdentity } from './oidc.ts';

/**
 * The rows behind an OpenID Connect login: the attempt (`oidc_login`: state, nonce, PKCE verifier,
 * where to return) kept between the redirect and the callback, and the staff account it ends in.
 */
export type OidcAttempt = { state: string; codeVerifier: string; nonce: string; returnTo: string };

/** Stores a new attempt for `ttlMs`; abandoned ones are cleared here, so the table stays small without a separate job. */
export async function saveOidcAttempt(services: Services, attempt: OidcAttempt, ttlMs: number) {
  const now = services.clock.now();
  await services.db.deleteFrom('oidc_login').where('expires_at', '<=', now).execute();
  await services.db
    .insertInto('oidc_login')
    .values({
      state: attempt.state,
      code_verifier: attempt.codeVerifier,
      nonce: attempt.nonce,
      return_to: attempt.returnTo,
      expires_at: new Date(now.getTime() + ttlMs),
    })
    .execute();
}

/**
 * Takes the unexpired attempt with this state, or undefined. Deleting and reading in one statement
 * makes the attempt single-use even when two instances receive the same callback.
 */
export function takeOidcAttempt(services: Services, state: string) {
  return services.db
    .deleteFrom('oidc_login')
    .where('state', '=', state)
    .where('expires_at', '>', services.clock.now())
    .returning(['state', 'code_verifier', 'nonce', 'return_to'])
    .executeTakeFirst();
}

/** The first login with a new provider account links it to the staff row with that e-mail address. */
export async function staffUserForOidc(services: Services, who: OidcIdentity): Promise<string | null> {
  const bySubject = () =>
    services.db.selectFrom('staff_user').select(['id', 'active']).where('oidc_subject', '=', who.sub).executeTakeFirst();
  const linked = await bySubject();
  // Once linked the subject decides; a deactivated account does not fall back to its e-mail.
  if (linked) return linked.active ? linked.id : null;
  // An address the provider says it has not verified could be anyone's: no linking on it.
  if (!who.email || who.emailVerified === false) return null;
  const row = await services.db
    .updateTable('staff_user')
    .set({ oidc_subject: who.sub })
    .where((eb) => eb(eb.fn('lower', ['email']), '=', eb.fn('lower', [eb.val(who.email!)])))
    .where('oidc_subject', 'is', null)
    .where('active', '=', true)
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  // A simultaneous first login (another tab or instance) may have linked the row a moment ago.
  const raced = await bySubject();
  return raced?.active ? raced.id : null;
}
