import type { Services } from '../commands/context.ts';
import type { Job } from './runner.ts';
import { removeOldRateLimitHits } from '../routes/plugins/rateLimitStore.ts';

/** Removes what has expired and is worth nothing: sessions, unfinished OIDC logins, old rate-limit counts. */
export async function sweepExpired(services: Services): Promise<number> {
  const now = services.clock.now();
  const sessions = await services.db.deleteFrom('session').where('expires_at', '<', now).executeTakeFirst();
  const logins = await services.db.deleteFrom('oidc_login').where('expires_at', '<', now).executeTakeFirst();
  await removeOldRateLimitHits(services);
  // Never "handled" for the runner: one pass per interval is plenty.
  void sessions;
  void logins;
  return 0;
}

export const housekeepingJob: Job = { name: 'housekeeping', intervalMs: 15 * 60_000, run: sweepExpired };
