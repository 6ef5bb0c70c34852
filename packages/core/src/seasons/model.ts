import { z } from 'zod';
import type { Award } from '../ranking/pick-awards';
import type { RankedClan } from '../ranking/rank-clans';
import type { RankedTrader, RankingRules, TradingStyle } from '../ranking/model';
import type { BalanceOperation, Cents, ClosedTrade } from '../statements/model';

/** "YYYY-MM": a season is one calendar month in UTC. Parse ids that arrive from outside. */
export const SeasonIdSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Season id must look like 2026-11');
export type SeasonId = z.infer<typeof SeasonIdSchema>;

/** [startsAt, endsAt): first instant of the month UTC, first instant of the next month. */
export type Season = { id: SeasonId; startsAt: Date; endsAt: Date };

/** A time window in UTC, end exclusive: a season, a week, or any other period. */
export type Window = { startsAt: Date; endsAt: Date };

/**
 * Everything the season needs about one trader, as the store holds it. `trades` are the
 * trader's verified closed trades (the store may include trades outside the season: they
 * are filtered by UTC close time); times are broker server time, converted with
 * `serverUtcOffsetMinutes`.
 */
export type SeasonEntrant = {
  traderId: string;
  /** Balance at the start of the season, in cents of the account currency. */
  startingBalance: Cents;
  serverUtcOffsetMinutes: number;
  trades: readonly ClosedTrade[];
  balanceOperations?: readonly BalanceOperation[];
  /** Earlier seasons in which the trader was eligible; 0 makes them a Rising Star candidate. */
  previousRankedSeasons: number;
  /** Style declared on the profile; derived from holding times when null. */
  declaredStyle: TradingStyle | null;
};

/** Season membership of a clan (members at freeze time). */
export type SeasonClan = { clanId: string; memberIds: string[] };

/**
 * The frozen result of a season, computed only from the season's data and the rules,
 * so every server computing it gets the same value.
 */
export type SeasonArchive = {
  seasonId: SeasonId;
  rules: RankingRules;
  standings: RankedTrader[];
  clans: RankedClan[];
  awards: Award[];
};

export type SeasonStatus = 'open' | 'frozen' | 'archived';
