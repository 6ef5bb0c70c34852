import type { channels } from '@clantrader/core';
import { and, count, eq, gt, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '../database';
import {
  channelFollows,
  channelPeeks,
  channelPostImages,
  channelPostReactions,
  channelPosts,
  channelPostViews,
  channelReadMarkers,
  channelSubscriptions,
  clanMembers,
  clans,
  users,
} from '../schema/index';
import { feedFilter, selectPosts, withImages } from './channel-posts';
import { channelListQueries } from './channel-lists';
import { channelSubscriberQueries } from './channel-subscribers';

/**
 * The ChannelStore port on PostgreSQL (any driver). Toggles are idempotent inserts (on
 * conflict do nothing) and deletes; the image and peek limits are checked under a row lock
 * (the post row, the user row) in one transaction, so concurrent requests cannot pass them.
 */
export function createChannelStore(db: Database): channels.ChannelStore {
  return {
    ...channelListQueries(db),
    ...channelSubscriberQueries(db),
    async findChannel(clanId) {
      const rows = await db
        .select({ clanId: clans.id, name: clans.name })
        .from(clans)
        .where(and(eq(clans.id, clanId), isNull(clans.disbandedAt)))
        .limit(1);
      return rows[0] ?? null;
    },
    async findMembership(userId) {
      const rows = await db
        .select({ clanId: clanMembers.clanId, role: clanMembers.role })
        .from(clanMembers)
        .where(eq(clanMembers.userId, userId))
        .limit(1);
      return rows[0] ?? null;
    },
    async userExists(userId) {
      const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
      return rows.length > 0;
    },

    async insertPost(post) {
      const { images: _images, ...row } = post;
      await db.insert(channelPosts).values(row);
    },
    async findPost(id) {
      const rows = await db.select().from(channelPosts).where(eq(channelPosts.id, id)).limit(1);
      return (await withImages(db, rows))[0] ?? null;
    },
    updatePost: (id, patch) =>
      db.transaction(async (tx) => {
        const { imageIds, ...fields } = patch;
        const rows = await tx.update(channelPosts).set(fields).where(eq(channelPosts.id, id)).returning();
        if (rows.length === 0) return null;
        if (imageIds) {
          const keep = imageIds.length > 0 ? notInArray(channelPostImages.id, imageIds) : undefined;
          await tx.delete(channelPostImages).where(and(eq(channelPostImages.postId, id), keep));
          for (const [position, imageId] of imageIds.entries()) {
            await tx.update(channelPostImages).set({ position }).where(eq(channelPostImages.id, imageId));
          }
        }
        return (await withImages(tx, rows))[0] ?? null;
      }),
    async deletePost(id) {
      const gone = await db.delete(channelPosts).where(eq(channelPosts.id, id)).returning({ id: channelPosts.id });
      return gone.length > 0;
    },
    addImage: (image, max) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from ${channelPosts} where ${channelPosts.id} = ${image.postId} for update`);
        const [row] = await tx
          .select({ n: count() })
          .from(channelPostImages)
          .where(eq(channelPostImages.postId, image.postId));
        const n = row?.n ?? 0;
        if (n >= max) return false;
        await tx.insert(channelPostImages).values({ ...image, position: n });
        return true;
      }),
    async findImage(id) {
      const rows = await db.select().from(channelPostImages).where(eq(channelPostImages.id, id)).limit(1);
      return rows[0] ?? null;
    },

    listPosts: (q) => selectPosts(db, { where: eq(channelPosts.clanId, q.clanId), cursor: q.cursor, limit: q.limit }),
    listFeed: (q) => selectPosts(db, { where: feedFilter(q.userId, q.extraIds), cursor: q.cursor, limit: q.limit }),

    async setReaction(r) {
      if (r.on) {
        await db
          .insert(channelPostReactions)
          .values({ postId: r.postId, userId: r.userId, emoji: r.emoji, createdAt: r.at })
          .onConflictDoNothing();
      } else {
        await db
          .delete(channelPostReactions)
          .where(
            and(
              eq(channelPostReactions.postId, r.postId),
              eq(channelPostReactions.userId, r.userId),
              eq(channelPostReactions.emoji, r.emoji),
            ),
          );
      }
    },
    recordView: (postId, viewerKey, at) =>
      db.transaction(async (tx) => {
        const added = await tx
          .insert(channelPostViews)
          .values({ postId, viewerKey, viewedAt: at })
          .onConflictDoNothing()
          .returning({ id: channelPostViews.id });
        const counted = added.length > 0;
        const rows = counted
          ? await tx
              .update(channelPosts)
              .set({ viewCount: sql`${channelPosts.viewCount} + 1` })
              .where(eq(channelPosts.id, postId))
              .returning({ views: channelPosts.viewCount })
          : await tx.select({ views: channelPosts.viewCount }).from(channelPosts).where(eq(channelPosts.id, postId));
        return { counted, views: rows[0]?.views ?? 0 };
      }),

    async setFollow(f) {
      if (f.on) {
        await db
          .insert(channelFollows)
          .values({ clanId: f.clanId, userId: f.userId, createdAt: f.at })
          .onConflictDoNothing();
      } else {
        await db
          .delete(channelFollows)
          .where(and(eq(channelFollows.clanId, f.clanId), eq(channelFollows.userId, f.userId)));
      }
    },

    async upsertSubscription(s) {
      await db
        .insert(channelSubscriptions)
        .values(s)
        .onConflictDoUpdate({
          target: [channelSubscriptions.clanId, channelSubscriptions.userId],
          set: { source: s.source, grantedBy: s.grantedBy, createdAt: s.createdAt, expiresAt: s.expiresAt },
        });
    },
    async findSubscription(clanId, userId) {
      const rows = await db
        .select()
        .from(channelSubscriptions)
        .where(and(eq(channelSubscriptions.clanId, clanId), eq(channelSubscriptions.userId, userId)))
        .limit(1);
      const row = rows[0];
      if (!row) return null;
      const { id: _id, ...subscription } = row;
      return subscription;
    },
    async deleteSubscription(clanId, userId) {
      const gone = await db
        .delete(channelSubscriptions)
        .where(and(eq(channelSubscriptions.clanId, clanId), eq(channelSubscriptions.userId, userId)))
        .returning({ id: channelSubscriptions.id });
      return gone.length > 0;
    },
    async isSubscriber(clanId, userId, now) {
      const rows = await db
        .select({ id: channelSubscriptions.id })
        .from(channelSubscriptions)
        .where(
          and(
            eq(channelSubscriptions.clanId, clanId),
            eq(channelSubscriptions.userId, userId),
            or(isNull(channelSubscriptions.expiresAt), gt(channelSubscriptions.expiresAt, now ?? sql`now()`)),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    recordPeek: (p) =>
      db.transaction(async (tx) => {
        // The user row is the lock: concurrent peeks of one user run one after another.
        await tx.execute(sql`select 1 from ${users} where ${users.id} = ${p.userId} for update`);
        const today = await tx
          .select({ postId: channelPeeks.postId })
          .from(channelPeeks)
          .where(and(eq(channelPeeks.userId, p.userId), eq(channelPeeks.day, p.day)));
        if (today.some((r) => r.postId === p.postId)) return { status: 'repeat' as const, used: today.length };
        if (today.length >= p.limit) return { status: 'exhausted' as const, used: today.length };
        await tx.insert(channelPeeks).values({ userId: p.userId, postId: p.postId, day: p.day, peekedAt: p.at });
        return { status: 'new' as const, used: today.length + 1 };
      }),
    async peekedPostIds(userId, day) {
      const rows = await db
        .select({ postId: channelPeeks.postId })
        .from(channelPeeks)
        .where(and(eq(channelPeeks.userId, userId), eq(channelPeeks.day, day)));
      return new Set(rows.map((r) => r.postId));
    },
    async markRead(clanId, userId, at) {
      await db
        .insert(channelReadMarkers)
        .values({ clanId, userId, readAt: at })
        .onConflictDoUpdate({
          target: [channelReadMarkers.clanId, channelReadMarkers.userId],
          set: { readAt: sql`greatest(${channelReadMarkers.readAt}, excluded.read_at)` },
        });
    },
    async followedClanIds(userId, clanIds) {
      if (clanIds.length === 0) return new Set();
      const rows = await db
        .select({ clanId: channelFollows.clanId })
        .from(channelFollows)
        .where(and(eq(channelFollows.userId, userId), inArray(channelFollows.clanId, clanIds)));
      return new Set(rows.map((r) => r.clanId));
    },
  };
}
