import type { Cache, Clock } from '@clantrader/core';

/**
 * An in-process LRU cache with per-entry TTL. Right for the on-prem server (one process,
 * so an invalidation is seen by every later read) and as a per-isolate cache on the edge.
 * Values are stored as given: callers store plain data and must not mutate it.
 */
export function createMemoryCache(opts: { clock: Clock; maxEntries?: number }): Cache {
  const maxEntries = opts.maxEntries ?? 10_000;
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  return {
    async get<T>(key: string) {
      const hit = entries.get(key);
      if (!hit) return undefined;
      entries.delete(key);
      if (hit.expiresAt <= opts.clock.now().getTime()) return undefined;
      entries.set(key, hit); // most recently used goes last
      return hit.value as T;
    },
    async set<T>(key: string, value: T, ttlSeconds: number) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: opts.clock.now().getTime() + ttlSeconds * 1000 });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    async delete(key: string) {
      entries.delete(key);
    },
  };
}
