import type { ranking, seasons as s } from '@clantrader/core';

type RankingRules = ranking.RankingRules;
type SeasonArchive = s.SeasonArchive;
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { clans } from './clans';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A surrogate key: drizzle-kit's PGlite introspection cannot read composite primary keys. */
const surrogate = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();

/** One monthly season ('YYYY-MM'); moves open -> frozen -> archived by compare-and-set updates. */
export const seasons = pgTable(
  'seasons',
  {
    id: text('id').primaryKey(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    status: text('status', { enum: ['open', 'frozen', 'archived'] }).notNull(),
    openedAt: at('opened_at').notNull(),
    frozenAt: at('frozen_at'),
    archivedAt: at('archived_at'),
  },
  (t) => [
    index('seasons_status_ends_idx').on(t.status, t.endsAt),
    check('seasons_status_known', sql`${t.status} in ('open', 'frozen', 'archived')`),
  ],
);

/** The frozen result of a season, written in the same transaction as the move to archived. */
export const seasonArchives = pgTable('season_archives', {
  seasonId: text('season_id')
    .primaryKey()
    .references(() => seasons.id, { onDelete: 'cascade' }),
  rules: jsonb('rules').$type<RankingRules>().notNull(),
  standings: jsonb('standings').$type<SeasonArchive['standings']>().notNull(),
  clans: jsonb('clans').$type<SeasonArchive['clans']>().notNull(),
  awards: jsonb('awards').$type<SeasonArchive['awards']>().notNull(),
  createdAt: at('created_at').notNull(),
});

/** Per-trader archived result, so a profile's season history is one indexed read. */
export const seasonResults = pgTable(
  'season_results',
  {
    id: surrogate(),
    seasonId: text('season_id')
      .notNull()
      .references(() => seasons.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    eligible: boolean('eligible').notNull(),
    score: doublePrecision('score'),
    tier: text('tier'),
    awards: jsonb('awards').$type<string[]>().notNull(),
  },
  (t) => [
    uniqueIndex('season_results_season_user_idx').on(t.seasonId, t.userId),
    index('season_results_user_idx').on(t.userId, t.seasonId),
  ],
);

/**
 * The boards written for a season: each recompute inserts its rows under a new board id,
 * marks the board ready and deletes the older ones, so readers switch from one whole
 * board to the next at once and the writer never waits on (or rewrites) the old rows.
 * A season's current board is its newest ready one.
 */
export const leaderboardBoards = pgTable(
  'leaderboard_boards',
  {
    id: surrogate(),
    seasonId: text('season_id').notNull(),
    ready: boolean('ready').notNull().default(false),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('leaderboard_boards_season_idx').on(t.seasonId, t.id)],
);

/**
 * The live board of a season: one row per trader of a board (`leaderboard_boards`) with
 * everything a page shows, so a page is one (board, position) range read and a rank one
 * (board, user_id) lookup. Kept narrow (typed component columns, no surrogate key):
 * 100,000 rows are written per recompute.
 */
export const leaderboardEntries = pgTable(
  'leaderboard_entries',
  {
    board: bigint('board', { mode: 'number' }).notNull(),
    seasonId: text('season_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    eligible: boolean('eligible').notNull(),
    score: doublePrecision('score'),
    tier: text('tier'),
    /** The component percentiles (null: ineligible). */
    componentReturn: doublePrecision('component_return'),
    componentSharpe: doublePrecision('component_sharpe'),
    componentDrawdown: doublePrecision('component_drawdown'),
    componentActivity: doublePrecision('component_activity'),
    returnPct: doublePrecision('return_pct').notNull(),
    sharpe: doublePrecision('sharpe'),
    maxDrawdownPct: doublePrecision('max_drawdown_pct').notNull(),
    trades: integer('trades').notNull(),
    tradingDays: integer('trading_days').notNull(),
    style: text('style'),
    /** Symbols with enough trades for the instrument filter. */
    instruments: text('instruments').array().notNull(),
    movementDirection: text('movement_direction', { enum: ['up', 'down', 'same', 'new'] }).notNull(),
    movementDelta: integer('movement_delta').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('leaderboard_entries_board_position_idx').on(t.board, t.position),
    uniqueIndex('leaderboard_entries_board_user_idx').on(t.board, t.userId),
  ],
);

/**
 * One day's board (UTC day of the recompute) as three parallel arrays in position order:
 * the base of movement arrows, the weekly climber and `tier.changed`. Always read whole,
 * so one row per day (not 100,000).
 */
export const leaderboardDaySnapshots = pgTable(
  'leaderboard_day_snapshots',
  {
    seasonId: text('season_id').notNull(),
    day: text('day').notNull(),
    userIds: uuid('user_ids').array().notNull(),
    positions: integer('positions').array().notNull(),
    /** Each trader's tier that day (null: ineligible). */
    tiers: text('tiers').array().notNull(),
  },
  (t) => [uniqueIndex('leaderboard_day_snapshots_season_day_idx').on(t.seasonId, t.day)],
);

/**
 * The clan board of a season, replaced whole by each recompute right after the trader
 * board: the clan page is one (season_id, position) range read and "your clan #N" in the
 * top bar one (season_id, clan_id) lookup. Names and slugs are joined from `clans`.
 */
export const leaderboardClanEntries = pgTable(
  'leaderboard_clan_entries',
  {
    id: surrogate(),
    seasonId: text('season_id').notNull(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    score: doublePrecision('score'),
    members: integer('members').notNull(),
    eligibleMembers: integer('eligible_members').notNull(),
    bestMemberPosition: integer('best_member_position'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('leaderboard_clan_entries_season_position_idx').on(t.seasonId, t.position),
    uniqueIndex('leaderboard_clan_entries_season_clan_idx').on(t.seasonId, t.clanId),
  ],
);

/**
 * The weekly highlights of a season's live board (docs/ranking.md §9), replaced by each
 * recompute: at most one row per kind, so the card is one (season_id, kind) range read.
 * `value` is the headline figure (places climbed, profitable days, trade return %);
 * `detail` what the card shows besides (never account numbers or broker names).
 */
export const leaderboardHighlights = pgTable(
  'leaderboard_highlights',
  {
    id: surrogate(),
    seasonId: text('season_id').notNull(),
    kind: text('kind', { enum: ['biggest_climber', 'most_consistent', 'highest_single_trade'] }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    detail: jsonb('detail').$type<Record<string, string | number | null>>().notNull(),
    weekStartsAt: at('week_starts_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('leaderboard_highlights_season_kind_idx').on(t.seasonId, t.kind),
    check(
      'leaderboard_highlights_kind_known',
      sql`${t.kind} in ('biggest_climber', 'most_consistent', 'highest_single_trade')`,
    ),
  ],
);
