import { ranking } from '@clantrader/core';
import { redirect } from '@sveltejs/kit';
import { ApiError, apiJson } from '$lib/server/api';
import { apiQuery, boardSearch, readBoardQuery } from '$lib/leaderboard/query';
import {
  HighlightsSchema,
  LeaderboardPageSchema,
  type Highlights,
  type LeaderboardPage,
} from '$lib/leaderboard/schemas';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

/** The week's highlights; the board still shows when they are unavailable. */
async function loadHighlights(event: Parameters<PageServerLoad>[0], season: string | undefined) {
  try {
    const search = season ? `?season=${encodeURIComponent(season)}` : '';
    return await apiJson(event, `/leaderboard/highlights${search}`, HighlightsSchema);
  } catch (e) {
    console.error('[web] leaderboard highlights unavailable', e);
    return null;
  }
}

/**
 * The trader leaderboard and the week's highlights. Sort, filters and page all live in
 * the URL, so the page works without JavaScript (GET form, plain links). An unreachable
 * API shows a notice, not a 500.
 */
export const load: PageServerLoad = async (event) => {
  const query = readBoardQuery(event.url);
  // One URL per view: a symbol typed in lower case (forms without JS) becomes "EURUSD".
  const rawInstrument = event.url.searchParams.get('instrument');
  if (rawInstrument !== null && rawInstrument !== query.instrument) {
    redirect(303, `${event.url.pathname}${boardSearch(query, { cursor: query.cursor })}`);
  }
  const { minTrades, minTradingDays } = ranking.DEFAULT_RANKING_RULES;
  let board: LeaderboardPage | null = null;
  const highlights: Promise<Highlights | null> = loadHighlights(event, query.season ?? undefined);
  try {
    board = await apiJson(event, `/leaderboard/traders?${apiQuery(query, PAGE_SIZE)}`, LeaderboardPageSchema);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
    }
    console.error('[web] leaderboard unavailable', e);
  }
  return { query, board, highlights: await highlights, rules: { minTrades, minTradingDays } };
};
