export {
  type TraderPerformance,
  type BestTrade,
  type InstrumentStats,
  type TradingStyle,
  type RankedTrader,
  type RankingRules,
  type Component,
  type Tier,
  type IneligibleReason,
  RankingRulesSchema,
  DEFAULT_RANKING_RULES,
  SCORE_WEIGHTS,
  TIERS,
} from './model';
export { percentileRanks } from './percentile-ranks';
export { checkEligibility } from './check-eligibility';
export { compareTieBreak } from './compare-traders';
export { assignTier, TIER_RULES } from './assign-tier';
export { rankTraders } from './rank-traders';
export { sortRanking, filterRanking, type SortKey, type RankingFilter } from './sort-ranking';
export { rankClans, CLAN_PRIOR_SCORE, type ClanRoster, type RankedClan } from './rank-clans';
export { pickAwards, type Award, type AwardKind, type AwardInput } from './pick-awards';
export { movement, type Movement, type MovementDirection, type StandingsSnapshot } from './movement';
export { weeklyHighlights, WEEKLY_MIN_TRADING_DAYS, type WeeklyHighlights } from './weekly-highlights';
