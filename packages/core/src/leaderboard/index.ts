export type {
  ClanBoardEntry,
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
export { getClanLeaderboard } from './get-clan-leaderboard';
