export {
  SeasonIdSchema,
  type SeasonId,
  type Season,
  type Window,
  type SeasonEntrant,
  type SeasonClan,
  type SeasonArchive,
  type SeasonStatus,
} from './model';
export type { SeasonStore } from './ports';
export { seasonFor, seasonById, nextSeason, previousSeason, daysLeft, weekEnding } from './season-calendar';
export { seasonPerformance, rollForward, toUtcTime } from './season-performance';
export { seriesPerformance, entrantSeries, type TradeSeries } from './series-performance';
export { deriveTradingStyle, STYLE_HOLDING_LIMITS } from './trading-style';
export { computeSeasonStandings, type SeasonData } from './compute-season-standings';
export { rollOverSeason, type RollOverDeps, type RollOverResult } from './roll-over-season';
