import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Services } from '../../commands/context.ts';

/**
 * A store for @fastify/rate-limit that counts in the database, so the portal's per-address limits
 * hold across every instance behind a load balancer (the library's own store counts per process).
 * One upsert per limited request: a fixed window per key that restarts once it has passed. Keys are
 * hashed: no client address is stored.
 */
type Result = { current: number; ttl: number };
type Callback = (err: Error | null, res?: Result) => void;

export function databaseRateLimitStore(services: Services) {
  async function hit(key: string, timeWindow: number, increment: boolean): Promise<Result> {
    const now = services.clock.now();
    const id = createHash('sha256').update(key).digest('base64url');
    const windowStart = new Date(now.getTime() - timeWindow);
    if (!increment) {
      const row = await services.db.selectFrom('rate_limit_hit').select(['hits', 'window_start']).where('key', '=', id).executeTakeFirst();
      if (!row || row.window_start <= windowStart) return { current: 0, ttl: timeWindow };
      return { current: row.hits, ttl: row.window_start.getTime() + timeWindow - now.getTime() };
    }
    const row = await services.db
      .insertInto('rate_limit_hit')
      .values({ key: id, window_start: now, hits: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          // A window that has passed starts again with this request.
          hits: sql`case when rate_limit_hit.window_start <= ${windowStart} then 1 else rate_limit_hit.hits + 1 end`,
          window_start: sql`case when rate_limit_hit.window_start <= ${windowStart} then ${now}::timestamptz else rate_limit_hit.window_start end`,
        }),
      )
      .returning(['hits', 'window_start'])
      .executeTakeFirstOrThrow();
    return { current: row.hits, ttl: Math.max(0, row.window_start.getTime() + timeWindow - now.getTime()) };
  }

  return class DatabaseRateLimitStore {
    private readonly prefix: string;
    // The plugin constructs the store with its options; a route's store is made by child().
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }
    incr(key: string, cb: Callback, timeWindow: number) {
      hit(this.prefix + key, timeWindow, true).then(
        (r) => cb(null, r),
        (err: Error) => cb(err),
      );
    }
    read(key: string, cb: Callback, timeWindow: number) {
      hit(this.prefix + key, timeWindow, false).then(
        (r) => cb(null, r),
        (err: Error) => cb(err),
      );
    }
    // Typed by the library as route options; at run time they carry the route as `routeInfo`.
    child(routeOptions: object) {
      const r = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new DatabaseRateLimitStore(undefined, `${String(r.method ?? '')} ${r.url ?? ''} `);
    }
  };
}

/** Housekeeping: counts whose window ended more than a day ago. */
export async function removeOldRateLimitHits(services: Services) {
  await services.db
    .deleteFrom('rate_limit_hit')
    .where('window_start', '<', new Date(services.clock.now().getTime() - 86_400_000))
    .execute();
}
