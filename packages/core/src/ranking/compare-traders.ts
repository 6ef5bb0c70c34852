import type { TraderPerformance } from './model';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The deterministic tie-break after the score: higher return, then lower max drawdown,
 * then earlier first trade (none = last), then trader id by code units. Trader ids are
 * unique, so this is a total order and any sort using it is independent of input order.
 */
export function compareTieBreak(a: TraderPerformance, b: TraderPerformance): number {
  if (a.returnPct !== b.returnPct) return b.returnPct - a.returnPct;
  if (a.maxDrawdownPct !== b.maxDrawdownPct) return a.maxDrawdownPct - b.maxDrawdownPct;
  if (a.firstTradeAt !== b.firstTradeAt) {
    if (a.firstTradeAt === null) return 1;
    if (b.firstTradeAt === null) return -1;
    return byString(a.firstTradeAt, b.firstTradeAt);
  }
  return byString(a.traderId, b.traderId);
}

/** Rounds a score to 6 decimals so sums that are equal on paper are equal in floats. */
export function roundScore(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
