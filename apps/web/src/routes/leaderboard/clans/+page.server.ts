import { ranking } from '@clantrader/core';
import { apiJson } from '$lib/server/api';
import { ClanBoardSchema, type ClanBoard } from '$lib/leaderboard/schemas';
import type { PageServerLoad } from './$types';

/** The clan board of the current season. An unreachable API shows a notice, not a 500. */
export const load: PageServerLoad = async (event) => {
  let board: ClanBoard | null = null;
  try {
    board = await apiJson(event, '/leaderboard/clans', ClanBoardSchema);
  } catch (e) {
    console.error('[web] clan leaderboard unavailable', e);
  }
  const { clanTopK, clanShrinkage } = ranking.DEFAULT_RANKING_RULES;
  return { board, rules: { clanTopK, clanShrinkage } };
};
