import { describe, expect, it } from 'vitest';
import type { BalanceOperation } from '../statements/model';
import { computeMetrics } from './compute-metrics';
import { makeTrade } from './make-trade';

const deposit = (time: string, amount: number): BalanceOperation => ({
  ticket: null,
  time,
  kind: amount > 0 ? 'deposit' : 'withdrawal',
  amount,
  comment: null,
});

describe('computeMetrics with deposits', () => {
  it('keeps deposits and withdrawals out of profit and time-weighted gain', () => {
    const m = computeMetrics({
      closedTrades: [makeTrade('2024-01-02T10:00:00', 10_000), makeTrade('2024-01-04T10:00:00', 10_500)],
      balanceOperations: [deposit('2024-01-01T00:00:00', 100_000), deposit('2024-01-03T00:00:00', 100_000)],
    });
    expect(m.netProfit).toBe(20_500);
    expect(m.deposits).toBe(200_000);
    // +10% on 1 000, then +5% on 2 100 (after the 1 000 top-up): 1.10 * 1.05 - 1
    expect(m.timeWeightedReturnPct).toBeCloseTo(15.5, 10);
    expect(m.absoluteGainPct).toBeCloseTo(10.25, 10);
    expect(m.drawdown.maximal).toBe(0);
  });

  it('does not count a withdrawal as drawdown', () => {
    const m = computeMetrics({
      closedTrades: [makeTrade('2024-01-02T10:00:00', -5_000), makeTrade('2024-01-05T10:00:00', 2_000)],
      balanceOperations: [deposit('2024-01-01T00:00:00', 100_000), deposit('2024-01-03T00:00:00', -50_000)],
    });
    expect(m.drawdown).toEqual({ absolute: 5_000, maximal: 5_000, maximalPct: 5, relativePct: 5, relative: 5_000 });
    expect(m.recoveryFactor).toBeCloseTo(-0.6, 10);
  });
});
