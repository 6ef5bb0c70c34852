export type {
  BoardSnapshot,
  ClanBoardEntry,
  ClanSeasonResult,
  HighlightsView,
  StoredClanRow,
  StoredHighlights,
  WeekActivity,
  WeeklyBoardHighlights,
  ClanOnBoard,
  MemberOnBoard,
  BoardEntry,
  BoardQuery,
  LeaderboardDeps,
  LeaderboardStore,
  SeasonResultEntry,
  StoredBoardRow,
} from './model';
export { computeLeaderboard } from './compute-leaderboard';
export { getTraderRank, getSeasonHistory } from './get-trader-rank';
export { runSeasonJobs, type SeasonJobDeps } from './run-season-jobs';
export { getLeaderboardPage, PAGE_CACHE_SECONDS } from './get-leaderboard-page';
export { clanBoardOf, getClanLeaderboard, readClanLeaderboard } from './get-clan-leaderboard';
export { getWeeklyHighlights } from './get-weekly-highlights';
export { pickWeeklyHighlights, CONSISTENT_MIN_DAYS, type HighlightCandidate } from './weekly-board-highlights';
export { weekActivityOf } from './week-activity';
export { getClanSeasonHistory } from './get-clan-season-history';
