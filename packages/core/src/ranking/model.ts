import { z } from 'zod';
import type { TRADING_STYLES } from '../accounts/model';
import type { Cents } from '../statements/model';

/** How a trader trades: the profile's declared style, else one derived from holding times. */
export type TradingStyle = (typeof TRADING_STYLES)[number];

/** The trader's single best closed trade in a window, sized against the balance before it. */
export type BestTrade = {
  symbol: string;
  /** UTC, ISO-8601 without offset ("2026-11-02T10:00:00"). */
  closedAt: string;
  net: Cents;
  /** `net` over the balance just before the trade, in percent. */
  returnPct: number;
};

/** What one trader did on one instrument inside the window. */
export type InstrumentStats = {
  symbol: string;
  trades: number;
  wins: number;
  net: Cents;
  /** `net` over the starting balance, in percent (a simple contribution, not chained). */
  returnPct: number;
};

/**
 * A trader's verified results inside one window (a season or a week): the input of every
 * ranking function. Built by `seasons.seasonPerformance`; plain data, so a persistence
 * layer may also store and reload it.
 */
export type TraderPerformance = {
  traderId: string;
  startingBalance: Cents;
  netProfit: Cents;
  /** Time-weighted return in percent (deposits are not gain); -100 when the account was wiped. */
  returnPct: number;
  /** Sharpe of daily returns (risk-free 0, annualised x sqrt(252)); null under 2 days or no variance. */
  sharpe: number | null;
  /** Largest peak-to-trough fall of the closed-trade balance, in percent of the peak (>= 0). */
  maxDrawdownPct: number;
  tradeCount: number;
  /** Distinct UTC days with at least one closed trade. */
  tradingDays: number;
  /** UTC close time of the first trade in the window; null with no trades. */
  firstTradeAt: string | null;
  bestTrade: BestTrade | null;
  /** Sorted by symbol. */
  instruments: InstrumentStats[];
  style: TradingStyle | null;
};

/**
 * Tunable thresholds, parsed with zod because they come from configuration. The score
 * weights are not here: they are the product rule (docs/ranking.md), not a setting.
 */
export const RankingRulesSchema = z.object({
  /** Minimum-activity rule: at least this many trades ... */
  minTrades: z.number().int().min(1).default(10),
  /** ... closed on at least this many distinct UTC days. */
  minTradingDays: z.number().int().min(1).default(5),
  /** Trades on one instrument needed to compete for its specialist award. */
  minInstrumentTrades: z.number().int().min(1).default(5),
  /** Clan score counts its best `clanTopK` eligible members ... */
  clanTopK: z.number().int().min(1).default(3),
  /** ... shrunk toward the cohort mean (50) by this many pseudo-members. */
  clanShrinkage: z.number().min(0).default(2),
});
export type RankingRules = z.infer<typeof RankingRulesSchema>;
export const DEFAULT_RANKING_RULES: RankingRules = RankingRulesSchema.parse({});

/** Composite weights; they sum to 1, so a score is 0..100 like the percentiles. */
export const SCORE_WEIGHTS = { return: 0.4, sharpe: 0.25, drawdown: 0.2, activity: 0.15 } as const;

export type Component = keyof typeof SCORE_WEIGHTS;

export const TIERS = ['bronze', 'silver', 'gold', 'diamond', 'legendary'] as const;
export type Tier = (typeof TIERS)[number];

export type IneligibleReason = 'min_trades' | 'min_days' | 'no_balance';

/**
 * One row of a trader leaderboard. `position` is 1-based and unique over the whole list;
 * every eligible trader comes before every ineligible one. Score, component percentiles,
 * score percentile and tier exist only for eligible traders.
 */
export type RankedTrader = {
  traderId: string;
  position: number;
  eligible: boolean;
  ineligibleReasons: IneligibleReason[];
  /** 0..100, rounded to 6 decimals so that equal scores compare equal. */
  score: number | null;
  /** Percentile (0..100) of each component within the eligible cohort. */
  components: Record<Component, number> | null;
  scorePercentile: number | null;
  tier: Tier | null;
  performance: TraderPerformance;
};
