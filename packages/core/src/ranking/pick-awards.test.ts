import { describe, expect, it } from 'vitest';
import { makePerformance as perf } from './make-performance';
import { pickAwards } from './pick-awards';
import { rankTraders } from './rank-traders';

const xau = (trades: number, returnPct: number) => [{ symbol: 'XAUUSD', trades, wins: trades, net: 1, returnPct }];

describe('pickAwards', () => {
  it('gives nothing when nobody is eligible', () => {
    const ranked = rankTraders([
      perf('lucky', { returnPct: 90, tradeCount: 1, tradingDays: 1, sharpe: 9, instruments: xau(9, 90) }),
    ]);
    expect(pickAwards(ranked, { newcomerIds: new Set(['lucky']) })).toEqual([]);
  });

  it('skips Best Risk Manager for losers and specialists below the trade minimum', () => {
    const ranked = rankTraders([
      perf('a', { returnPct: -1, maxDrawdownPct: 0, sharpe: 1, instruments: xau(4, 5) }),
      perf('b', { returnPct: 2, maxDrawdownPct: 3, sharpe: null, instruments: xau(5, -1) }),
    ]);
    expect(pickAwards(ranked, { newcomerIds: new Set() })).toEqual([
      { kind: 'overall_champion', traderId: 'a', value: 52.5 },
      { kind: 'most_consistent', traderId: 'a', value: 1 },
      { kind: 'best_risk_manager', traderId: 'b', value: 3 },
    ]);
  });

  it('hands a tied award to the better season position', () => {
    const ranked = rankTraders([
      perf('a', { returnPct: 5, sharpe: 2, instruments: xau(5, 5) }),
      perf('b', { returnPct: 6, sharpe: 2, instruments: xau(5, 5) }),
    ]);
    const awards = pickAwards(ranked, { newcomerIds: new Set(['a', 'b']) });
    expect(awards.map((a) => [a.kind, a.traderId])).toEqual([
      ['overall_champion', 'b'],
      ['most_consistent', 'b'],
      ['best_risk_manager', 'b'],
      ['rising_star', 'b'],
      ['specialist', 'b'],
    ]);
  });
});
