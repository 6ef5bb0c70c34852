import type { channels } from '@clantrader/core';
import { and, count, desc, eq, gt, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../database';
import {
  channelFollows,
  channelPostReactions,
  channelPosts,
  channelReadMarkers,
  channelSubscriptions,
  clans,
} from '../schema/index';

type ListQueries = Pick<
  channels.ChannelStore,
  | 'listTrendingCandidates'
  | 'channelNames'
  | 'reactionSummaries'
  | 'counts'
  | 'activeSubscriptionClanIds'
  | 'listFollowedChannels'
>;

/** The read-side aggregates of the ChannelStore: counts, summaries, candidates, sidebar. */
export function channelListQueries(db: Database): ListQueries {
  const reactionCount = sql<number>`(select count(*)::int from ${channelPostReactions} r where r.post_id = ${channelPosts.id})`;
  return {
    async listTrendingCandidates(since, limit) {
      const rows = await db
        .select({
          postId: channelPosts.id,
          createdAt: channelPosts.createdAt,
          reactions: reactionCount,
          views: channelPosts.viewCount,
        })
        .from(channelPosts)
        .innerJoin(clans, and(eq(clans.id, channelPosts.clanId), isNull(clans.disbandedAt)))
        .where(gte(channelPosts.createdAt, since))
        .orderBy(desc(sql`3 * ${reactionCount} + ${channelPosts.viewCount}`), desc(channelPosts.id))
        .limit(limit);
      return rows.map((r) => ({ ...r, reactions: Number(r.reactions) }));
    },
    async channelNames(clanIds) {
      if (clanIds.length === 0) return new Map();
      const rows = await db.select({ id: clans.id, name: clans.name }).from(clans).where(inArray(clans.id, clanIds));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async reactionSummaries(postIds, viewerId) {
      const out = new Map<string, channels.ReactionSummary>(postIds.map((id) => [id, { counts: {}, mine: [] }]));
      if (postIds.length === 0) return out;
      const mine = viewerId ? sql<boolean>`bool_or(${channelPostReactions.userId} = ${viewerId})` : sql<boolean>`false`;
      const rows = await db
        .select({ postId: channelPostReactions.postId, emoji: channelPostReactions.emoji, n: count(), mine })
        .from(channelPostReactions)
        .where(inArray(channelPostReactions.postId, postIds))
        .groupBy(channelPostReactions.postId, channelPostReactions.emoji)
        .orderBy(channelPostReactions.emoji);
      for (const r of rows) {
        const s = out.get(r.postId);
        const emoji = r.emoji as channels.ReactionEmoji;
        if (!s) continue;
        s.counts[emoji] = Number(r.n);
        if (r.mine) s.mine.push(emoji);
      }
      return out;
    },
    async counts(clanId, now) {
      const [followers] = await db.select({ n: count() }).from(channelFollows).where(eq(channelFollows.clanId, clanId));
      const [subscribers] = await db
        .select({ n: count() })
        .from(channelSubscriptions)
        .where(and(eq(channelSubscriptions.clanId, clanId), activeAt(now)));
      return { followers: Number(followers?.n ?? 0), subscribers: Number(subscribers?.n ?? 0) };
    },
    async activeSubscriptionClanIds(userId, now) {
      const rows = await db
        .select({ clanId: channelSubscriptions.clanId })
        .from(channelSubscriptions)
        .where(and(eq(channelSubscriptions.userId, userId), activeAt(now)));
      return new Set(rows.map((r) => r.clanId));
    },
    async listFollowedChannels(userId, q) {
      const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = await db
        .select({
          clanId: channelFollows.clanId,
          name: clans.name,
          unread: sql<number>`(select count(*)::int from ${channelPosts} p where p.clan_id = ${channelFollows.clanId} and p.created_at > coalesce(${channelReadMarkers.readAt}, '-infinity'::timestamptz))`,
          lastPostAt: sql<
            string | null
          >`(select max(p.created_at) from ${channelPosts} p where p.clan_id = ${channelFollows.clanId})`,
        })
        .from(channelFollows)
        .innerJoin(clans, and(eq(clans.id, channelFollows.clanId), isNull(clans.disbandedAt)))
        .leftJoin(
          channelReadMarkers,
          and(eq(channelReadMarkers.clanId, channelFollows.clanId), eq(channelReadMarkers.userId, userId)),
        )
        .where(and(eq(channelFollows.userId, userId), pattern ? sql`${clans.name} ilike ${pattern}` : undefined))
        .orderBy(sql`lower(${clans.name})`);
      return rows.map((r) => ({
        clanId: r.clanId,
        name: r.name,
        unread: Number(r.unread),
        lastPostAt: r.lastPostAt === null ? null : new Date(r.lastPostAt),
      }));
    },
  };
}

function activeAt(now: Date) {
  return or(isNull(channelSubscriptions.expiresAt), gt(channelSubscriptions.expiresAt, now));
}
