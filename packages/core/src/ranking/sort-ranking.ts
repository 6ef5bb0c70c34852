import type { RankedTrader, TradingStyle } from './model';

export type SortKey = 'score' | 'return' | 'sharpe' | 'drawdown' | 'activity';

/** Higher is better for every key, so one descending sort serves all. */
const KEY_VALUE: Record<SortKey, (r: RankedTrader) => number> = {
  score: (r) => r.score ?? Number.NEGATIVE_INFINITY,
  return: (r) => r.performance.returnPct,
  sharpe: (r) => r.performance.sharpe ?? Number.NEGATIVE_INFINITY,
  drawdown: (r) => -r.performance.maxDrawdownPct,
  activity: (r) => r.performance.tradingDays,
};

/**
 * The leaderboard re-sorted best-first by one column (for "drawdown", lowest first).
 * Eligible traders stay ahead of ineligible ones and equal values keep leaderboard
 * order, so the result is deterministic. Positions are not renumbered: they remain the
 * season standing.
 */
export function sortRanking(ranked: readonly RankedTrader[], key: SortKey): RankedTrader[] {
  const value = KEY_VALUE[key];
  return [...ranked].sort(
    (a, b) => Number(b.eligible) - Number(a.eligible) || value(b) - value(a) || a.position - b.position,
  );
}

export type RankingFilter = {
  /** Keep traders with at least `minInstrumentTrades` (default 1) trades on this symbol. */
  instrument?: string;
  minInstrumentTrades?: number;
  style?: TradingStyle;
};

/**
 * The part of a leaderboard that matches a filter, in leaderboard order, keeping each
 * trader's season position and score (a filtered view, not a new competition).
 */
export function filterRanking(ranked: readonly RankedTrader[], filter: RankingFilter): RankedTrader[] {
  const minTrades = filter.minInstrumentTrades ?? 1;
  return ranked.filter((r) => {
    if (filter.style !== undefined && r.performance.style !== filter.style) return false;
    if (filter.instrument === undefined) return true;
    const stats = r.performance.instruments.find((i) => i.symbol === filter.instrument);
    return stats !== undefined && stats.trades >= minTrades;
  });
}
