import { PAGE_CACHE_SECONDS } from './get-leaderboard-page';
import type { HighlightsView, LeaderboardDeps } from './model';

/**
 * The weekly highlights stored by the last recompute of the season's board: one indexed
 * read, cached like the pages. Null before the first recompute of the season.
 */
export async function getWeeklyHighlights(
  deps: LeaderboardDeps,
  input: { seasonId: string },
): Promise<HighlightsView | null> {
  const key = `leaderboard:highlights:${input.seasonId}`;
  const hit = deps.cache ? await deps.cache.get<{ view: HighlightsView | null }>(key) : undefined;
  if (hit) return hit.view;
  const view = await deps.store.readHighlights(input.seasonId);
  await deps.cache?.set(key, { view }, PAGE_CACHE_SECONDS);
  return view;
}
