import type { channels } from '@clantrader/core';
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { channelSubscriptions, profiles } from '../schema/index';

type SubscriberQueries = Pick<channels.ChannelStore, 'findUserByHandle' | 'listSubscribers'>;

/**
 * Who subscribes, for the leaders' Subscribers page, and handle lookups for grants. Handles
 * compare in the "C" collation so keyset paging (`after`) and the order agree byte for byte
 * on every server, whatever its default collation.
 */
export function channelSubscriberQueries(db: Database): SubscriberQueries {
  const handleC = sql`${profiles.handle} collate "C"`;
  return {
    async findUserByHandle(handle) {
      const rows = await db
        .select({ userId: profiles.userId, handle: profiles.handle, displayName: profiles.displayName })
        .from(profiles)
        .where(eq(profiles.handle, handle))
        .limit(1);
      return rows[0] ?? null;
    },
    async listSubscribers({ clanId, now, after, limit }) {
      return db
        .select({
          userId: channelSubscriptions.userId,
          handle: profiles.handle,
          displayName: profiles.displayName,
          source: channelSubscriptions.source,
          since: channelSubscriptions.createdAt,
          expiresAt: channelSubscriptions.expiresAt,
        })
        .from(channelSubscriptions)
        .innerJoin(profiles, eq(profiles.userId, channelSubscriptions.userId))
        .where(
          and(
            eq(channelSubscriptions.clanId, clanId),
            or(isNull(channelSubscriptions.expiresAt), gt(channelSubscriptions.expiresAt, now)),
            after === undefined ? undefined : sql`${handleC} > ${after} collate "C"`,
          ),
        )
        .orderBy(asc(handleC))
        .limit(limit);
    },
  };
}
