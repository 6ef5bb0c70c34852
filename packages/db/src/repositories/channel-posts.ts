import type { channels } from '@clantrader/core';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { channelFollows, channelPostImages, channelPosts, clans } from '../schema/index';

type PostRow = typeof channelPosts.$inferSelect;

/** Posts matching `where` in live channels, newest first, with their images attached. */
export async function selectPosts(
  db: Executor,
  q: { where: SQL | undefined; cursor?: string | undefined; limit: number },
): Promise<channels.PostRecord[]> {
  const rows = await db
    .select({ post: channelPosts })
    .from(channelPosts)
    .innerJoin(clans, and(eq(clans.id, channelPosts.clanId), isNull(clans.disbandedAt)))
    .where(and(q.where, q.cursor ? lt(channelPosts.id, q.cursor) : undefined))
    .orderBy(desc(channelPosts.id))
    .limit(q.limit);
  return withImages(
    db,
    rows.map((r) => r.post),
  );
}

/** Feed filter: posts of channels the user follows, or with one of `extraIds`. */
export function feedFilter(userId: string, extraIds: string[]): SQL | undefined {
  const followed = sql`${channelPosts.clanId} in (select ${channelFollows.clanId} from ${channelFollows} where ${channelFollows.userId} = ${userId})`;
  return extraIds.length > 0 ? or(followed, inArray(channelPosts.id, extraIds)) : followed;
}

export async function withImages(db: Executor, rows: PostRow[]): Promise<channels.PostRecord[]> {
  if (rows.length === 0) return [];
  const images = await db
    .select()
    .from(channelPostImages)
    .where(
      inArray(
        channelPostImages.postId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(channelPostImages.position));
  return rows.map((r) => ({ ...r, images: images.filter((i) => i.postId === r.id) }));
}
