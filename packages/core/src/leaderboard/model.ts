import type { Component, RankingRules, SortKey, Tier, TraderPerformance, TradingStyle } from '../ranking/index';
import type { MovementDirection } from '../ranking/movement';
import type { Season, SeasonId, Window } from '../seasons/model';
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

/** One day's board as kept for movement arrows, weekly climbers and tier changes. */
export type BoardSnapshot = readonly { traderId: string; position: number; tier: Tier | null }[];

/**
 * One trader's verified trades closed inside the highlights week (UTC days): what the
 * "most consistent" and "highest single trade" highlights read. Money in cents.
 */
export type WeekActivity = {
  traderId: string;
  tradingDays: number;
  /** UTC days whose closed trades net above zero / below zero. */
  profitableDays: number;
  losingDays: number;
  netProfit: number;
  /** The trade with the largest net result (ties: earlier close); null without trades. */
  bestTrade: { net: number; symbol: string; closedAt: string } | null;
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

/** A clan's archived place in one season's clan board (docs/ranking.md §8). */
export type ClanSeasonResult = {
  seasonId: SeasonId;
  position: number;
  score: number | null;
  /** Clans on that season's board. */
  clans: number;
  eligibleMembers: number;
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
  /**
   * One performance per trader with verified trades closed in the season (UTC), and from
   * the same read, the activity of those closed inside `week` (traders without are absent).
   */
  seasonPerformances(
    season: Season,
    rules: RankingRules,
    week: Window,
  ): Promise<{ performances: TraderPerformance[]; week: WeekActivity[] }>;
  /** The latest daily snapshot of the season taken on a day before `day` ("YYYY-MM-DD"). */
  snapshotBefore(seasonId: SeasonId, day: string): Promise<BoardSnapshot | null>;
  /**
   * The base of the weekly climber: the latest snapshot taken on or before `weekAgo`,
   * else (a season younger than a week) the earliest one taken before `day`.
   */
  weekBaseSnapshot(
    seasonId: SeasonId,
    weekAgo: string,
    day: string,
  ): Promise<{ day: string; rows: BoardSnapshot } | null>;
  /**
   * Replaces the season's board and stores the day's snapshot, in one transaction. Keeps
   * the snapshots back to the week base (`weekBaseSnapshot`), so at least 8 days.
   */
  saveBoard(seasonId: SeasonId, day: string, rows: readonly StoredBoardRow[], at: Date): Promise<void>;
  /** Replaces the season's stored clan board (computed right after the trader board). */
  saveClanBoard(seasonId: SeasonId, rows: readonly StoredClanRow[], at: Date): Promise<void>;
  /** The stored clan board, by position (names and slugs as they are now). */
  readClanBoard(seasonId: SeasonId): Promise<ClanBoardEntry[]>;
  /** One clan's stored row: the top bar's "your clan #N", one indexed read. */
  findClanEntry(seasonId: SeasonId, clanId: string): Promise<ClanBoardEntry | null>;
  /** Replaces the season's stored weekly highlights. */
  saveHighlights(seasonId: SeasonId, highlights: StoredHighlights, at: Date): Promise<void>;
  /** The stored weekly highlights with handles and names (null: never computed). */
  readHighlights(seasonId: SeasonId): Promise<HighlightsView | null>;
  readPage(query: BoardQuery): Promise<{ updatedAt: Date | null; items: BoardEntry[] }>;
  findEntry(seasonId: SeasonId, userId: string): Promise<BoardEntry | null>;
  /** The row of the trader with this handle: one indexed read on the hot rank path. */
  findEntryByHandle(seasonId: SeasonId, handle: string): Promise<BoardEntry | null>;
  findUserIdByHandle(handle: string): Promise<string | null>;
  seasonHistory(userId: string): Promise<SeasonResultEntry[]>;
  /** The clan's place in every archived season it was on, newest first. */
  clanSeasonHistory(clanId: string): Promise<ClanSeasonResult[]>;
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

/** A clan board row as stored: names and slugs are read from the clan at display time. */
export type StoredClanRow = Omit<ClanBoardEntry, 'name' | 'slug'>;

/** The week's highlights of a live board (docs/ranking.md §9), by trader id. */
export type WeeklyBoardHighlights = {
  biggestClimber: {
    traderId: string;
    places: number;
    position: number;
    previousPosition: number;
    since: string;
  } | null;
  mostConsistent: {
    traderId: string;
    profitableDays: number;
    losingDays: number;
    tradingDays: number;
    returnPct: number;
  } | null;
  highestSingleTrade: { traderId: string; returnPct: number; symbol: string; closedAt: string } | null;
};

export type StoredHighlights = { weekStartsAt: Date; highlights: WeeklyBoardHighlights };

/** A highlight as pages show it: the trader by handle and name instead of id. */
type Shown<T> = T extends { traderId: string } ? Omit<T, 'traderId'> & { handle: string; displayName: string } : never;

/** `GET /leaderboard/highlights` (docs/api.md). */
export type HighlightsView = {
  weekStartsAt: string;
  updatedAt: string;
  biggestClimber: Shown<NonNullable<WeeklyBoardHighlights['biggestClimber']>> | null;
  mostConsistent: Shown<NonNullable<WeeklyBoardHighlights['mostConsistent']>> | null;
  highestSingleTrade: Shown<NonNullable<WeeklyBoardHighlights['highestSingleTrade']>> | null;
};

/** `cache`: optional read-through cache for hot pages (in-process LRU on-prem). */
export type LeaderboardDeps = { store: LeaderboardStore; rules?: RankingRules; cache?: Cache };
