import type { BoardEntry, BoardQuery, LeaderboardDeps } from './model';

/** Pages change only when the board is recomputed (hourly), so a short TTL is invisible. */
export const PAGE_CACHE_SECONDS = 15;

/**
 * One page of a season board, read through `deps.cache` when the home has one: the top
 * pages are the hottest public read. `updatedAt` is ISO, so any cache can hold the value.
 */
export async function getLeaderboardPage(
  deps: LeaderboardDeps,
  query: BoardQuery,
): Promise<{ updatedAt: string | null; items: BoardEntry[] }> {
  const key = `leaderboard:${query.seasonId}:${query.sort}:${query.instrument ?? ''}:${query.style ?? ''}:${query.offset}:${query.limit}`;
  const hit = deps.cache ? await deps.cache.get<{ updatedAt: string | null; items: BoardEntry[] }>(key) : undefined;
  if (hit) return hit;
  const page = await deps.store.readPage(query);
  const value = { updatedAt: page.updatedAt?.toISOString() ?? null, items: page.items };
  await deps.cache?.set(key, value, PAGE_CACHE_SECONDS);
  return value;
}
