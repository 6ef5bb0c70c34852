import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics';
import { makeTrade } from './make-trade';

describe('computeMetrics with commission, fee and swap', () => {
  it('counts a trade by profit + swap + commission + fee, a zero result as a profit trade', () => {
    const m = computeMetrics({
      closedTrades: [
        makeTrade('2024-02-01T10:00:00', 1_000, { commission: -100, fee: -50, swap: 20 }),
        makeTrade('2024-02-01T11:00:00', 4, { commission: -4 }),
        makeTrade('2024-02-02T10:00:00', -300, { side: 'sell', swap: -10 }),
      ],
      balanceOperations: [],
      openingBalance: 10_000,
    });
    expect([m.grossProfit, m.grossLoss, m.netProfit]).toEqual([870, -310, 560]);
    expect([m.profitTrades, m.lossTrades, m.maxConsecutiveWins, m.maxConsecutiveLosses]).toEqual([2, 1, 2, 1]);
    expect(m.profitFactor).toBeCloseTo(870 / 310, 12);
    expect(m.expectedPayoff).toBeCloseTo(560 / 3, 12);
    expect([m.longTrades, m.longWonPct, m.shortTrades, m.shortWonPct]).toEqual([2, 100, 1, 0]);
    expect(m.averageProfit).toBe(435);
    expect(m.monthlyReturns).toEqual([{ month: '2024-02', profit: 560, returnPct: expect.closeTo(5.6, 10) }]);
    expect(m.symbols).toEqual(['EURUSD']);
    expect(m.tradingDays).toBe(2);
  });

  it('annualises Sharpe and Sortino over weekday daily returns', () => {
    const m = computeMetrics({
      closedTrades: [
        makeTrade('2024-03-04T10:00:00', 100),
        makeTrade('2024-03-05T10:00:00', -50),
        makeTrade('2024-03-06T10:00:00', 100),
      ],
      balanceOperations: [],
      openingBalance: 10_000,
    });
    const daily = [100 / 10_000, -50 / 10_100, 100 / 10_050];
    const mean = daily.reduce((a, b) => a + b, 0) / 3;
    const sd = Math.sqrt(daily.reduce((a, r) => a + (r - mean) ** 2, 0) / 2);
    expect(m.sharpeAnnualized).toBeCloseTo((mean / sd) * Math.sqrt(252), 10);
    expect(m.sortinoAnnualized).toBeCloseTo((mean / Math.sqrt((50 / 10_100) ** 2 / 3)) * Math.sqrt(252), 10);
  });
});
