import { DEFAULT_RANKING_RULES, type RankingRules } from '../ranking/model';
import type { Clock } from '../shared/ports';
import { computeSeasonStandings } from './compute-season-standings';
import type { SeasonId } from './model';
import type { SeasonStore } from './ports';
import { seasonFor } from './season-calendar';

export type RollOverDeps = {
  clock: Clock;
  store: SeasonStore;
  /** Parse with `RankingRulesSchema` where configuration enters; defaults otherwise. */
  rules?: RankingRules;
};

/** What this run changed; both empty/null when another run had already done the work. */
export type RollOverResult = { archived: SeasonId[]; opened: SeasonId | null };

/**
 * Background job (cron on the edge, scheduler on-prem; any frequency, e.g. hourly):
 * freezes every ended season, computes its standings and awards from the frozen data,
 * archives them, and opens the season that contains "now".
 * Idempotent and safe to run concurrently: the store's conditional writes let only one
 * caller freeze, archive or open; a run that loses a race computes the same archive
 * (pure function of frozen data) and its write is refused. A run that crashed after
 * freezing is finished by the next run, which finds the season frozen but unarchived.
 * @throws DomainError `validation.failed` when the store returns a trader twice.
 */
export async function rollOverSeason(deps: RollOverDeps): Promise<RollOverResult> {
  const now = deps.clock.now();
  const rules = deps.rules ?? DEFAULT_RANKING_RULES;
  const archived: SeasonId[] = [];
  for (const season of await deps.store.listEndedUnarchived(now)) {
    await deps.store.freezeSeasonIfOpen(season.id, now);
    const [entrants, clans] = await Promise.all([deps.store.listEntrants(season.id), deps.store.listClans(season.id)]);
    const archive = computeSeasonStandings(season, { entrants, clans }, rules);
    if (await deps.store.archiveSeasonIfFrozen(archive, now)) archived.push(season.id);
  }
  const current = seasonFor(now);
  const opened = await deps.store.openSeasonIfAbsent(current, now);
  return { archived, opened: opened ? current.id : null };
}
