import type { ClosedTrade } from '../statements/model';

/** Test helper: a closed trade with only what metrics read filled in. */
export function makeTrade(closeTime: string, profit: number, over: Partial<ClosedTrade> = {}): ClosedTrade {
  return {
    ticket: closeTime,
    positionId: null,
    openTime: null,
    closeTime,
    side: 'buy',
    volume: '1',
    symbol: 'EURUSD',
    openPrice: null,
    closePrice: null,
    stopLoss: null,
    takeProfit: null,
    commission: 0,
    fee: 0,
    swap: 0,
    profit,
    magic: null,
    comment: null,
    ...over,
  };
}
