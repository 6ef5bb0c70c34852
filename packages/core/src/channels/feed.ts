import type { ChannelDeps } from './deps';
import type { FeedItem, Page } from './model';
import type { TrendingCandidate } from './ports';
import { loadViewerContext, pageOf, presentPosts } from './viewer';

const HOUR = 3_600_000;

/**
 * The trending rule (docs/channels.md): posts of the last 72 hours score
 * `(3 × reactions + views) × 0.5^(age in hours / 24)`: engagement counts, and halves for
 * every day of age. The top 20 with a positive score trend.
 */
export const TRENDING = {
  windowHours: 72,
  halfLifeHours: 24,
  reactionWeight: 3,
  viewWeight: 1,
  size: 20,
  candidateLimit: 500,
} as const;

export function trendingScore(c: TrendingCandidate, now: Date): number {
  const ageHours = Math.max(0, (now.getTime() - c.createdAt.getTime()) / HOUR);
  if (ageHours > TRENDING.windowHours) return 0;
  const engagement = TRENDING.reactionWeight * c.reactions + TRENDING.viewWeight * c.views;
  return engagement * 0.5 ** (ageHours / TRENDING.halfLifeHours);
}

/** The ids of the trending posts, best first (ties: newer first). */
export function pickTrending(candidates: TrendingCandidate[], now: Date): string[] {
  return candidates
    .map((c) => ({ id: c.postId, score: trendingScore(c, now), at: c.createdAt.getTime() }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || b.at - a.at)
    .slice(0, TRENDING.size)
    .map((s) => s.id);
}

/**
 * The home feed: posts of followed channels plus the trending ones, newest first, each
 * marked `followed` / `trending` and locked or open for this user. The trending set is
 * recomputed per page, so a post may enter or leave it between pages; followed posts page
 * exactly by cursor.
 */
export async function getHomeFeed(
  deps: ChannelDeps,
  input: { user: { id: string; timezone: string }; cursor?: string | undefined; limit: number },
): Promise<Page<FeedItem>> {
  const now = deps.clock.now();
  const candidates = await deps.store.listTrendingCandidates(
    new Date(now.getTime() - TRENDING.windowHours * HOUR),
    TRENDING.candidateLimit,
  );
  const trending = new Set(pickTrending(candidates, now));
  const ctx = await loadViewerContext(deps, { userId: input.user.id, timezone: input.user.timezone });
  const rows = await deps.store.listFeed({
    userId: input.user.id,
    extraIds: [...trending],
    limit: input.limit + 1,
    ...(input.cursor ? { cursor: input.cursor } : {}),
  });
  const page = pageOf(rows, input.limit);
  const clanIds = [...new Set(page.items.map((p) => p.clanId))];
  const [views, followed, names] = await Promise.all([
    presentPosts(deps, page.items, ctx),
    deps.store.followedClanIds(input.user.id, clanIds),
    deps.store.channelNames(clanIds),
  ]);
  const items = views.map((v) => ({
    ...v,
    channelName: names.get(v.clanId) ?? '',
    followed: followed.has(v.clanId),
    trending: trending.has(v.id),
  }));
  return { items, nextCursor: page.nextCursor };
}
