import type { Clock, RateLimiter } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rateLimits } from '../schema/index';

export type RateLimiterOptions = {
  /** Where "now" comes from. Default: the database clock, which every process shares. */
  clock?: Clock;
};

/**
 * The RateLimiter port as a fixed window per key, counted by ONE atomic upsert so that
 * concurrent hits from several server processes (or Workers isolates) never lose a count.
 */
export function createRateLimiter(db: Database, opts: RateLimiterOptions = {}): RateLimiter {
  return {
    async hit(key, limit, windowSeconds) {
      const now = opts.clock ? sql`${opts.clock.now().toISOString()}::timestamptz` : sql`now()`;
      const windowEnd = sql`${rateLimits.windowStart} + make_interval(secs => ${windowSeconds}::float8)`;
      const expired = sql`${windowEnd} <= ${now}`;
      const rows = await db
        .insert(rateLimits)
        .values({ key, windowStart: now, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
            windowStart: sql`case when ${expired} then ${now} else ${rateLimits.windowStart} end`,
          },
        })
        .returning({
          count: rateLimits.count,
          retryAfter: sql<number>`ceil(extract(epoch from ${windowEnd} - ${now}))::int`,
        });
      const row = rows[0];
      if (!row) throw new Error('rate limit upsert returned no row');
      return { allowed: row.count <= limit, retryAfterSeconds: Math.max(1, Number(row.retryAfter)) };
    },
  };
}
