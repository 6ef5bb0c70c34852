import { describe, expect, it } from 'vitest';
import { makePerformance as perf } from './make-performance';
import { rankTraders } from './rank-traders';
import { filterRanking, sortRanking } from './sort-ranking';

const eur = (trades: number) => [{ symbol: 'EURUSD', trades, wins: trades, net: 100, returnPct: 0.01 }];
const ranked = rankTraders([
  perf('a', { returnPct: 9, maxDrawdownPct: 4, sharpe: 1, tradingDays: 6, instruments: eur(5), style: 'scalper' }),
  perf('b', { returnPct: 4, maxDrawdownPct: 1, sharpe: 3, tradingDays: 9, instruments: eur(1), style: 'day_trader' }),
  perf('c', { returnPct: 6, maxDrawdownPct: 8, sharpe: null, tradingDays: 5, style: 'scalper' }),
  perf('z', { returnPct: 80, maxDrawdownPct: 0, tradeCount: 1, tradingDays: 1, instruments: eur(1), style: 'scalper' }),
]);
const ids = (rows: { traderId: string }[]) => rows.map((r) => r.traderId);

describe('sortRanking', () => {
  it('sorts eligible traders best-first by the chosen column, ineligible ones after', () => {
    expect(ids(sortRanking(ranked, 'score'))).toEqual(ids(ranked));
    expect(ids(sortRanking(ranked, 'return'))).toEqual(['a', 'c', 'b', 'z']);
    expect(ids(sortRanking(ranked, 'drawdown'))).toEqual(['b', 'a', 'c', 'z']);
    expect(ids(sortRanking(ranked, 'sharpe'))).toEqual(['b', 'a', 'c', 'z']);
    expect(ids(sortRanking(ranked, 'activity'))).toEqual(['b', 'a', 'c', 'z']);
  });

  it('keeps season positions', () => {
    expect(sortRanking(ranked, 'drawdown').map((r) => r.position)).toEqual(
      ['b', 'a', 'c', 'z'].map((id) => ranked.find((r) => r.traderId === id)?.position),
    );
  });
});

describe('filterRanking', () => {
  it('keeps traders of an instrument (with a minimum of trades on it) and of a style, in board order', () => {
    expect(ids(filterRanking(ranked, { instrument: 'EURUSD' }))).toEqual(['a', 'b', 'z']);
    expect(ids(filterRanking(ranked, { instrument: 'EURUSD', minInstrumentTrades: 5 }))).toEqual(['a']);
    expect(ids(filterRanking(ranked, { style: 'scalper' }))).toEqual(['a', 'c', 'z']);
    expect(ids(filterRanking(ranked, { style: 'scalper', instrument: 'EURUSD' }))).toEqual(['a', 'z']);
  });
});
