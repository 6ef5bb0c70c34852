import { apiJson, type ApiEvent } from './api';
import { SeasonCurrentSchema, type SeasonCurrent } from '$lib/leaderboard/schemas';

/** The top bar must never hold a page up: a slow API gives "Season —" instead. */
const SEASON_TIMEOUT_MS = 2500;

/** GET /seasons/current for the top bar; null (shown as "Season —") when it cannot be read. */
export async function loadCurrentSeason(event: ApiEvent): Promise<SeasonCurrent | null> {
  try {
    return await apiJson(event, '/seasons/current', SeasonCurrentSchema, {
      signal: AbortSignal.timeout(SEASON_TIMEOUT_MS),
    });
  } catch (e) {
    console.error('[web] current season unavailable', e instanceof Error ? e.message : e);
    return null;
  }
}
