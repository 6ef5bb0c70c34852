import type { ChannelDeps } from './deps';
import { requireChannel } from './follows';
import { PUBLISHER_ROLES, type ClanRole, type Page, type PostView, type Viewer } from './model';
import { loadViewerContext, pageOf, presentPosts } from './viewer';

/** The head of a channel page, as one viewer sees it. */
export type ChannelSummary = {
  clanId: string;
  name: string;
  followers: number;
  subscribers: number;
  viewer: { following: boolean; subscribed: boolean; role: ClanRole | null; canPublish: boolean };
};

/**
 * Channel name, follower and subscriber counts and the viewer's relation to it.
 * @throws DomainError `channel.not_found`
 */
export async function getChannel(
  deps: ChannelDeps,
  input: { viewer: Viewer; clanId: string },
): Promise<ChannelSummary> {
  const channel = await requireChannel(deps, input.clanId);
  const ctx = await loadViewerContext(deps, input.viewer);
  const [counts, followed] = await Promise.all([
    deps.store.counts(channel.clanId, deps.clock.now()),
    ctx.userId ? deps.store.followedClanIds(ctx.userId, [channel.clanId]) : Promise.resolve(new Set<string>()),
  ]);
  const role = ctx.membership?.clanId === channel.clanId ? ctx.membership.role : null;
  return {
    clanId: channel.clanId,
    name: channel.name,
    followers: counts.followers,
    subscribers: counts.subscribers,
    viewer: {
      following: followed.has(channel.clanId),
      subscribed: ctx.subscribed.has(channel.clanId),
      role,
      canPublish: role !== null && PUBLISHER_ROLES.includes(role),
    },
  };
}

/**
 * A channel's posts, newest first, locked or open for this viewer.
 * @throws DomainError `channel.not_found`
 */
export async function listChannelPosts(
  deps: ChannelDeps,
  input: { viewer: Viewer; clanId: string; cursor?: string | undefined; limit: number },
): Promise<Page<PostView>> {
  await requireChannel(deps, input.clanId);
  const ctx = await loadViewerContext(deps, input.viewer);
  const rows = await deps.store.listPosts({
    clanId: input.clanId,
    limit: input.limit + 1,
    ...(input.cursor ? { cursor: input.cursor } : {}),
  });
  const page = pageOf(rows, input.limit);
  return { items: await presentPosts(deps, page.items, ctx), nextCursor: page.nextCursor };
}
