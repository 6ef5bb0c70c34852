import type { RankingRules } from '../ranking/model';
import { rankClans } from '../ranking/rank-clans';
import { PAGE_CACHE_SECONDS } from './get-leaderboard-page';
import type { ClanBoardEntry, ClanOnBoard, LeaderboardDeps, MemberOnBoard } from './model';

/** `rankClans` (docs/ranking.md) over clans and their members' trader-board rows, as board entries. */
export function clanBoardOf(
  clans: readonly ClanOnBoard[],
  members: readonly MemberOnBoard[],
  rules?: RankingRules,
): ClanBoardEntry[] {
  const byId = new Map(clans.map((c) => [c.clanId, c]));
  return rankClans(clans, members, rules).map((r) => {
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
}

/**
 * The season's clan board computed now from the current members' rows on the trader
 * board (for tools that want it live, e.g. the clan AI). Pages read the board stored at
 * recompute time instead (`readClanLeaderboard`).
 */
export async function getClanLeaderboard(
  deps: LeaderboardDeps,
  input: { seasonId: string },
): Promise<{ items: ClanBoardEntry[] }> {
  const { clans, members } = await deps.store.clanBoardInputs(input.seasonId);
  return { items: clanBoardOf(clans, members, deps.rules) };
}

/**
 * The season's clan board as stored by the last recompute: one indexed range read (the
 * edge has no cache), cached like the trader pages where the home has a cache.
 */
export async function readClanLeaderboard(
  deps: LeaderboardDeps,
  input: { seasonId: string },
): Promise<{ items: ClanBoardEntry[] }> {
  const key = `leaderboard:clans:${input.seasonId}`;
  const hit = deps.cache ? await deps.cache.get<{ items: ClanBoardEntry[] }>(key) : undefined;
  if (hit) return hit;
  const value = { items: await deps.store.readClanBoard(input.seasonId) };
  await deps.cache?.set(key, value, PAGE_CACHE_SECONDS);
  return value;
}
