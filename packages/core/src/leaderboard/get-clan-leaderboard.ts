import { rankClans } from '../ranking/rank-clans';
import { PAGE_CACHE_SECONDS } from './get-leaderboard-page';
import type { ClanBoardEntry, LeaderboardDeps } from './model';

/**
 * The season's clan board: `rankClans` (docs/ranking.md) over the current members' rows on
 * the trader board, so a clan moves as soon as the trader board is recomputed. Cached like
 * the trader pages. Membership is the current one (leaving deletes the row).
 */
export async function getClanLeaderboard(
  deps: LeaderboardDeps,
  input: { seasonId: string },
): Promise<{ items: ClanBoardEntry[] }> {
  const key = `leaderboard:clans:${input.seasonId}`;
  const hit = deps.cache ? await deps.cache.get<{ items: ClanBoardEntry[] }>(key) : undefined;
  if (hit) return hit;
  const { clans, members } = await deps.store.clanBoardInputs(input.seasonId);
  const byId = new Map(clans.map((c) => [c.clanId, c]));
  const items = rankClans(clans, members, deps.rules).map((r) => {
    const clan = byId.get(r.clanId);
    return {
      position: r.position,
      clanId: r.clanId,
      name: clan?.name ?? '',
      slug: clan?.slug ?? '',
      score: r.score,
      members: clan?.memberIds.length ?? 0,
      eligibleMembers: r.eligibleMembers,
      bestMemberPosition: r.bestMemberPosition,
    };
  });
  const value = { items };
  await deps.cache?.set(key, value, PAGE_CACHE_SECONDS);
  return value;
}
