import { describe, expect, it } from 'vitest';
import { combineStats, type VerifiedAccount } from './combine-stats';

const account = (
  currency: string | null,
  tradeCount: number,
  netProfit: number,
  winRatePct: number | null,
  maxDrawdownPct: number,
  timeWeightedReturnPct: number | null,
): VerifiedAccount => ({
  currency,
  stats: { tradeCount, netProfit, winRatePct, maxDrawdownPct, timeWeightedReturnPct },
});

describe('combineStats', () => {
  it('reproduces the worked example of docs/clans.md', () => {
    const stats = combineStats([
      { userId: 'sara', accounts: [account('USD', 40, 120_000, 60, 8.5, 12), account('EUR', 10, 5_000, 50, 3, 2)] },
      { userId: 'omid', accounts: [account('USD', 50, -30_000, 40, 22.5, -6)] },
      { userId: 'lena', accounts: [account('USD', 100, 45_000, 55, 12, 4.5)] },
      { userId: 'newbie', accounts: [] },
    ]);
    expect(stats).toEqual({
      verifiedMembers: 3,
      tradeCount: 200,
      winRatePct: 52,
      netProfit: [
        { currency: 'EUR', amount: 5_000 },
        { currency: 'USD', amount: 135_000 },
      ],
      worstDrawdownPct: 22.5,
      medianGainPct: 4.5,
    });
  });

  it('averages the two middle gains for an even count and reports nothing without verified members', () => {
    const even = combineStats([
      { userId: 'a', accounts: [account('USD', 10, 100, 50, 5, 2)] },
      { userId: 'b', accounts: [account('USD', 10, 100, 50, 5, 5)] },
    ]);
    expect(even.medianGainPct).toBe(3.5);
    expect(combineStats([{ userId: 'x', accounts: [] }])).toEqual({
      verifiedMembers: 0,
      tradeCount: 0,
      winRatePct: null,
      netProfit: [],
      worstDrawdownPct: null,
      medianGainPct: null,
    });
  });

  it('leaves money of an account with no currency out of the sums, never mixing currencies', () => {
    const stats = combineStats([{ userId: 'a', accounts: [account(null, 5, 999, 40, 1, 1)] }]);
    expect(stats.netProfit).toEqual([]);
    expect(stats.tradeCount).toBe(5);
  });
});
