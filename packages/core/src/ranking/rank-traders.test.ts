import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { makePerformance as perf } from './make-performance';
import { rankTraders } from './rank-traders';

describe('rankTraders', () => {
  it('breaks an equal score by return, then drawdown, then first trade, then trader id', () => {
    // Swapped components give b and c the same score as a; d is the only one below.
    const ranked = rankTraders([
      perf('a', { returnPct: 10, sharpe: 1, maxDrawdownPct: 2, tradingDays: 6 }),
      perf('b', { returnPct: 10, sharpe: 1, maxDrawdownPct: 2, tradingDays: 6, firstTradeAt: '2026-11-01T09:00:00' }),
      perf('c', { returnPct: 10, sharpe: 1, maxDrawdownPct: 2, tradingDays: 6, firstTradeAt: null }),
      perf('e', { returnPct: 10, sharpe: 1, maxDrawdownPct: 2, tradingDays: 6 }),
      perf('d', { returnPct: 1, sharpe: 0, maxDrawdownPct: 9, tradingDays: 5 }),
    ]);
    expect(ranked.map((r) => [r.traderId, r.score])).toEqual([
      ['b', 62.5],
      ['a', 62.5],
      ['e', 62.5],
      ['c', 62.5],
      ['d', 0],
    ]);
  });

  it('lists ineligible traders last, ordered by return, with their reasons and no score', () => {
    const ranked = rankTraders([
      perf('lucky', { returnPct: 50, tradeCount: 1, tradingDays: 1 }),
      perf('steady', { returnPct: -2 }),
      perf('broke', { returnPct: 5, startingBalance: 0 }),
    ]);
    expect(ranked.map((r) => [r.traderId, r.position, r.eligible])).toEqual([
      ['steady', 1, true],
      ['lucky', 2, false],
      ['broke', 3, false],
    ]);
    expect(ranked[1]).toMatchObject({
      score: null,
      tier: null,
      components: null,
      ineligibleReasons: ['min_trades', 'min_days'],
    });
    expect(ranked[2]?.ineligibleReasons).toEqual(['no_balance']);
  });

  it('scores a null Sharpe as 0 when ranking it', () => {
    const ranked = rankTraders([
      perf('none', { sharpe: null }),
      perf('neg', { sharpe: -0.5 }),
      perf('pos', { sharpe: 0.5 }),
    ]);
    expect(Object.fromEntries(ranked.map((r) => [r.traderId, r.components?.sharpe]))).toEqual({
      pos: 100,
      none: 50,
      neg: 0,
    });
  });

  it('respects custom activity rules', () => {
    const ranked = rankTraders([perf('a', { tradeCount: 3, tradingDays: 2 })], { ...rulesLoose });
    expect(ranked[0]).toMatchObject({ eligible: true, score: 100, tier: 'silver' });
  });

  it('rejects a trader listed twice', () => {
    expect(() => rankTraders([perf('a'), perf('a')])).toThrow(DomainError);
  });
});

const rulesLoose = { minTrades: 3, minTradingDays: 2, minInstrumentTrades: 1, clanTopK: 3, clanShrinkage: 2 };
