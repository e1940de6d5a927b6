import type { Services } from '../commands/context.ts';
import type { Job } from './runner.ts';
import { removeOldRateLimitHits } from '../routes/plugins/rateLimitStore.ts';

/** Removes what has expired and is worth nothing: sessions, unfinished OIDC logins, old rate-limit counts, delivered events after 30 days. */
export async function sweepExpired(services: Services): Promise<number> {
  const now = services.clock.now();
  const sessions = await services.db.deleteFrom('session').where('expires_at', '<', now).executeTakeFirst();
  const logins = await services.db.deleteFrom('oidc_login').where('expires_at', '<', now).executeTakeFirst();
  await removeOldRateLimitHits(services);
  // Delivered events after 30 days (the administrator's list is about now; failed ones stay until sent again).
  await services.db
    .deleteFrom('event_delivery')
    .where('status', '=', 'delivered')
    .where('delivered_at', '<', new Date(now.getTime() - 30 * 24 * 3600_000))
    .execute();
  // Never "handled" for the runner: one pass per interval is plenty.
  void sessions;
  void logins;
  return 0;
}

export const housekeepingJob: Job = { name: 'housekeeping', intervalMs: 15 * 60_000, run: sweepExpired };
