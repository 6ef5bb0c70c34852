import { DEFAULT_RANKING_RULES, type RankingRules } from '../ranking/model';
import { pickAwards } from '../ranking/pick-awards';
import { rankClans } from '../ranking/rank-clans';
import { rankTraders } from '../ranking/rank-traders';
import type { Season, SeasonArchive, SeasonClan, SeasonEntrant } from './model';
import { seasonPerformance } from './season-performance';

export type SeasonData = { entrants: readonly SeasonEntrant[]; clans: readonly SeasonClan[] };

/**
 * Standings, clan standings and awards of a season from its data alone: a pure function,
 * so the live leaderboard, the archive and a second server all agree. Live boards may
 * ignore `awards`; the archive keeps them.
 * @throws DomainError `validation.failed` when a trader appears twice.
 */
export function computeSeasonStandings(
  season: Season,
  data: SeasonData,
  rules: RankingRules = DEFAULT_RANKING_RULES,
): SeasonArchive {
  const standings = rankTraders(
    data.entrants.map((e) => seasonPerformance(e, season)),
    rules,
  );
  const newcomerIds = new Set(data.entrants.filter((e) => e.previousRankedSeasons === 0).map((e) => e.traderId));
  return {
    seasonId: season.id,
    rules,
    standings,
    clans: rankClans(data.clans, standings, rules),
    awards: pickAwards(standings, { newcomerIds }, rules),
  };
}
