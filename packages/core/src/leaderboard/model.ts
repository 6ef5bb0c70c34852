import type { Component, RankingRules, SortKey, Tier, TraderPerformance, TradingStyle } from '../ranking/index';
import type { MovementDirection, StandingsSnapshot } from '../ranking/movement';
import type { Season, SeasonId } from '../seasons/model';
import type { Cache } from '../shared/ports';

/** One row of the live board as pages show it (docs/api.md). */
export type BoardEntry = {
  position: number;
  handle: string;
  displayName: string;
  score: number | null;
  tier: Tier | null;
  eligible: boolean;
  movement: { direction: MovementDirection; delta: number };
  components: Record<Component, number> | null;
  metrics: { returnPct: number; sharpe: number | null; maxDrawdownPct: number; trades: number; tradingDays: number };
};

/** One stored board row: a ranked trader, its arrow and what filters need. */
export type StoredBoardRow = {
  traderId: string;
  position: number;
  eligible: boolean;
  score: number | null;
  tier: Tier | null;
  components: Record<Component, number> | null;
  performance: Pick<
    TraderPerformance,
    'returnPct' | 'sharpe' | 'maxDrawdownPct' | 'tradeCount' | 'tradingDays' | 'style'
  >;
  /** Symbols the trader has at least `minInstrumentTrades` trades on. */
  instruments: string[];
  movement: { direction: MovementDirection; delta: number };
};

export type BoardQuery = {
  seasonId: SeasonId;
  sort: SortKey;
  instrument?: string;
  style?: TradingStyle;
  /** Rows to skip (the `nextCursor` of the previous page). */
  offset: number;
  limit: number;
};

/** A trader's archived result of one season. */
export type SeasonResultEntry = {
  seasonId: SeasonId;
  position: number;
  tier: Tier | null;
  score: number | null;
  awards: string[];
};

/**
 * Storage of the live leaderboard. `seasonPerformances` is where the store aggregates
 * verified trades (in SQL, close to the data) into the plain `TraderPerformance` records
 * core ranks; everything else is indexed reads and whole-board writes.
 */
export interface LeaderboardStore {
  /** One performance per trader with verified trades closed in the season (UTC). */
  seasonPerformances(season: Season, rules: RankingRules): Promise<TraderPerformance[]>;
  /** The latest daily snapshot of the season taken on a day before `day` ("YYYY-MM-DD"). */
  snapshotBefore(seasonId: SeasonId, day: string): Promise<StandingsSnapshot | null>;
  /** Replaces the season's board and stores the day's snapshot, in one transaction. */
  saveBoard(seasonId: SeasonId, day: string, rows: readonly StoredBoardRow[], at: Date): Promise<void>;
  readPage(query: BoardQuery): Promise<{ updatedAt: Date | null; items: BoardEntry[] }>;
  findEntry(seasonId: SeasonId, userId: string): Promise<BoardEntry | null>;
  /** The row of the trader with this handle: one indexed read on the hot rank path. */
  findEntryByHandle(seasonId: SeasonId, handle: string): Promise<BoardEntry | null>;
  findUserIdByHandle(handle: string): Promise<string | null>;
  seasonHistory(userId: string): Promise<SeasonResultEntry[]>;
  /**
   * Active clans with their current members, and those members' rows on the season's
   * trader board (members without a row are simply absent). Feeds the clan board.
   */
  clanBoardInputs(seasonId: SeasonId): Promise<{ clans: ClanOnBoard[]; members: MemberOnBoard[] }>;
}

export type ClanOnBoard = { clanId: string; name: string; slug: string; memberIds: string[] };
export type MemberOnBoard = { traderId: string; position: number; eligible: boolean; score: number | null };

/** One row of the clan board (docs/ranking.md: clan score). */
export type ClanBoardEntry = {
  position: number;
  clanId: string;
  name: string;
  slug: string;
  score: number | null;
  members: number;
  eligibleMembers: number;
  bestMemberPosition: number | null;
};

/** `cache`: optional read-through cache for hot pages (in-process LRU on-prem). */
export type LeaderboardDeps = { store: LeaderboardStore; rules?: RankingRules; cache?: Cache };
