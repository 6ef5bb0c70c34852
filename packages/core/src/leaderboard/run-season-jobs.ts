import type { Clock } from '../shared/ports';
import type { SeasonId } from '../seasons/model';
import type { SeasonStore } from '../seasons/ports';
import { rollOverSeason } from '../seasons/roll-over-season';
import { seasonFor } from '../seasons/season-calendar';
import { notify, type NotificationDeps } from '../notifications/notify';
import { seasonEndNotifications } from '../notifications/season-notifications';
import { standingsNotifications } from '../notifications/standings-notifications';
import { recomputeBoard } from './compute-leaderboard';
import type { LeaderboardDeps } from './model';

/** `notifications` absent = the job notifies nobody (benches, tools). */
export type SeasonJobDeps = LeaderboardDeps & { clock: Clock; seasons: SeasonStore; notifications?: NotificationDeps };

/**
 * The background job of competition (cron on the edge, scheduler on-prem; hourly is
 * enough): rolls ended seasons over (freeze, archive, open the current one) and then
 * recomputes the current season's live board, which also takes the day's snapshot for
 * movement arrows. Then it notifies: final places, awards and the new season for each
 * archived season, and big moves on today's board (docs/api.md, Notifications). Every
 * part is idempotent (notifications by their dedupe keys), so retries and overlaps are
 * harmless.
 */
export async function runSeasonJobs(
  deps: SeasonJobDeps,
): Promise<{ archived: SeasonId[]; opened: SeasonId | null; traders: number; eligible: number; notified: number }> {
  const rolled = await rollOverSeason({
    clock: deps.clock,
    store: deps.seasons,
    ...(deps.rules ? { rules: deps.rules } : {}),
  });
  const now = deps.clock.now();
  const seasonId = seasonFor(now).id;
  const { changes, day, ...board } = await recomputeBoard(deps, { seasonId, now });
  let notified = 0;
  if (deps.notifications) {
    for (const archivedId of rolled.archived) {
      const archive = await deps.seasons.findArchive(archivedId);
      if (archive) notified += await notify(deps.notifications, seasonEndNotifications(archive, { seasonId }));
    }
    notified += await notify(deps.notifications, standingsNotifications(changes, { seasonId, day }));
  }
  return { ...rolled, ...board, notified };
}
