import type { Services, StaffActor } from '../../commands/context.ts';

/**
 * A two-second read cache of logged-in sessions, per server process. Every staff request needs its
 * session; at intake peaks that lookup was a third of the database work of registering a call. The
 * session stays a database row (any instance serves any session); this only means a logout or a
 * deactivated account elsewhere takes effect on this instance within TTL_MS. A logout on this
 * instance evicts at once. Never longer than the session itself.
 */
const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;
type Entry = { actor: StaffActor; csrf: string; expiresAt: Date; cachedAt: number };

const caches = new WeakMap<Services, Map<string, Entry>>();
const cacheOf = (services: Services) => {
  let c = caches.get(services);
  if (!c) {
    c = new Map();
    caches.set(services, c);
  }
  return c;
};

export function cachedSession(services: Services, sessionId: string): Entry | undefined {
  const cache = cacheOf(services);
  const hit = cache.get(sessionId);
  if (!hit) return undefined;
  if (performance.now() - hit.cachedAt > TTL_MS || services.clock.now() >= hit.expiresAt) {
    cache.delete(sessionId);
    return undefined;
  }
  return hit;
}

export function cacheSession(services: Services, sessionId: string, entry: Omit<Entry, 'cachedAt'>) {
  const cache = cacheOf(services);
  // A Map iterates in insertion order: the first key is the oldest.
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(sessionId, { ...entry, cachedAt: performance.now() });
}

export function evictSession(services: Services, sessionId: string) {
  cacheOf(services).delete(sessionId);
}
