import { DomainError } from '../shared/domain-error';
import type { ChannelDeps } from './deps';
import { localDayOf, type LocalDay } from './local-day';
import { CHANNEL_LIMITS, type ClanRole, type PostRecord, type PostView, type Viewer } from './model';

/**
 * What decides locks for one viewer, loaded once per request: their clan (a trader is in
 * at most one), the channels they subscribe to now, and the posts they peeked today.
 */
export type ViewerContext = {
  userId: string | null;
  membership: { clanId: string; role: ClanRole } | null;
  subscribed: Set<string>;
  peeked: Set<string>;
  today: LocalDay | null;
};

export async function loadViewerContext(deps: ChannelDeps, viewer: Viewer): Promise<ViewerContext> {
  if (viewer.userId === null) {
    return { userId: null, membership: null, subscribed: new Set(), peeked: new Set(), today: null };
  }
  const now = deps.clock.now();
  const today = localDayOf(deps.zones, viewer.timezone, now);
  const [membership, subscribed, peeked] = await Promise.all([
    deps.store.findMembership(viewer.userId),
    deps.store.activeSubscriptionClanIds(viewer.userId, now),
    deps.store.peekedPostIds(viewer.userId, today.day),
  ]);
  return { userId: viewer.userId, membership, subscribed, peeked, today };
}

/** Premium content is for the clan's members, its subscribers and the author; peeks aside. */
export function hasFullAccess(post: PostRecord, ctx: ViewerContext): boolean {
  if (!post.premium) return true;
  if (ctx.userId !== null && ctx.userId === post.authorId) return true;
  return ctx.membership?.clanId === post.clanId || ctx.subscribed.has(post.clanId);
}

export function canSee(post: PostRecord, ctx: ViewerContext): boolean {
  return hasFullAccess(post, ctx) || ctx.peeked.has(post.id);
}

/**
 * The first characters of a premium post's text, formatting dropped, cut on a code point
 * boundary so an emoji is never split.
 */
export function teaserOf(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= CHANNEL_LIMITS.teaserChars) return text;
  return `${chars.slice(0, CHANNEL_LIMITS.teaserChars).join('')}…`;
}

/** Posts as this viewer may see them, with reaction counts and the viewer's own reactions. */
export async function presentPosts(
  deps: Pick<ChannelDeps, 'store'>,
  posts: PostRecord[],
  ctx: ViewerContext,
): Promise<PostView[]> {
  if (posts.length === 0) return [];
  const summaries = await deps.store.reactionSummaries(
    posts.map((p) => p.id),
    ctx.userId,
  );
  return posts.map((post) => {
    const open = canSee(post, ctx);
    const base = {
      id: post.id,
      clanId: post.clanId,
      authorId: post.authorId,
      premium: post.premium,
      locked: !open,
      peeked: open && !hasFullAccess(post, ctx),
      reactions: summaries.get(post.id) ?? { counts: {}, mine: [] },
      views: post.viewCount,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
    };
    if (!open) return { ...base, text: teaserOf(post.text), entities: [], charts: [], images: [] };
    return {
      ...base,
      text: post.text,
      entities: post.entities,
      charts: post.charts,
      images: post.images.map(({ id, contentType, byteSize }) => ({ id, contentType, byteSize })),
    };
  });
}

/**
 * The post, if it exists in a live channel.
 * @throws DomainError `channel.post_not_found`
 */
export async function requirePost(deps: Pick<ChannelDeps, 'store'>, postId: string): Promise<PostRecord> {
  const post = await deps.store.findPost(postId);
  if (!post || !(await deps.store.findChannel(post.clanId))) {
    throw new DomainError('channel.post_not_found', 'No such post');
  }
  return post;
}

/** The page's cursor: the last item's id when more rows exist than were asked for. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}
