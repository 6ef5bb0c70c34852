import type { TraderPerformance } from './model';

/** Test helper: an eligible-looking performance with only what ranking reads filled in. */
export function makePerformance(traderId: string, over: Partial<TraderPerformance> = {}): TraderPerformance {
  return {
    traderId,
    startingBalance: 1_000_000,
    netProfit: 0,
    returnPct: 0,
    sharpe: null,
    maxDrawdownPct: 0,
    tradeCount: 10,
    tradingDays: 5,
    firstTradeAt: '2026-11-02T10:00:00',
    bestTrade: null,
    instruments: [],
    style: null,
    ...over,
  };
}
