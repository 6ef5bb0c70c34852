import { sql } from 'drizzle-orm';

/**
 * The id of a season's current board: its newest ready one (leaderboard_boards). An
 * uncorrelated subquery, so `board = currentBoard(...)` is an index condition on
 * (board, position) and (board, user_id).
 */
export const currentBoard = (seasonId: string) =>
  sql`(select max(b.id) from leaderboard_boards b where b.season_id = ${seasonId} and b.ready)`;
