import type { Clock } from '../shared/ports';
import type { SeasonId } from '../seasons/model';
import type { SeasonStore } from '../seasons/ports';
import { rollOverSeason } from '../seasons/roll-over-season';
import { seasonFor } from '../seasons/season-calendar';
import { computeLeaderboard } from './compute-leaderboard';
import type { LeaderboardDeps } from './model';

export type SeasonJobDeps = LeaderboardDeps & { clock: Clock; seasons: SeasonStore };

/**
 * The background job of competition (cron on the edge, scheduler on-prem; hourly is
 * enough): rolls ended seasons over (freeze, archive, open the current one) and then
 * recomputes the current season's live board, which also takes the day's snapshot for
 * movement arrows. Both halves are idempotent, so retries and overlaps are harmless.
 */
export async function runSeasonJobs(
  deps: SeasonJobDeps,
): Promise<{ archived: SeasonId[]; opened: SeasonId | null; traders: number; eligible: number }> {
  const rolled = await rollOverSeason({
    clock: deps.clock,
    store: deps.seasons,
    ...(deps.rules ? { rules: deps.rules } : {}),
  });
  const now = deps.clock.now();
  const board = await computeLeaderboard(deps, { seasonId: seasonFor(now).id, now });
  return { ...rolled, ...board };
}
