import { describe, expect, it } from 'vitest';
import type { WeekActivity } from './model';
import { pickWeeklyHighlights, type HighlightCandidate } from './weekly-board-highlights';

/** Today's board: a..e eligible, each starting the season at 10 000.00; z unranked. */
const BOARD: HighlightCandidate[] = [
  { traderId: 'a', position: 1, eligible: true, startingBalance: 1_000_000 },
  { traderId: 'b', position: 2, eligible: true, startingBalance: 1_000_000 },
  { traderId: 'c', position: 3, eligible: true, startingBalance: 2_000_000 },
  { traderId: 'd', position: 4, eligible: true, startingBalance: 1_000_000 },
  { traderId: 'e', position: 5, eligible: true, startingBalance: 500_000 },
  { traderId: 'z', position: 6, eligible: false, startingBalance: 1_000_000 },
];

/** The board 7 days ago: d climbed 4 (8 -> 4), b climbed 4 (6 -> 2), c fell, a is new, z climbed 4 but is unranked. */
const BASE = {
  day: '2026-11-03',
  rows: [
    { traderId: 'c', position: 1, tier: 'gold' as const },
    { traderId: 'e', position: 5, tier: 'silver' as const },
    { traderId: 'b', position: 6, tier: 'bronze' as const },
    { traderId: 'd', position: 8, tier: 'bronze' as const },
    { traderId: 'z', position: 10, tier: null },
  ],
};

const week = (traderId: string, o: Partial<WeekActivity>): WeekActivity => ({
  traderId,
  tradingDays: 3,
  profitableDays: 2,
  losingDays: 1,
  netProfit: 0,
  bestTrade: null,
  ...o,
});

describe('pickWeeklyHighlights', () => {
  it('picks the biggest climber since the week base, ties to the better position now', () => {
    expect(pickWeeklyHighlights(BOARD, BASE, []).biggestClimber).toEqual({
      traderId: 'b',
      places: 4,
      position: 2,
      previousPosition: 6,
      since: '2026-11-03',
    });
  });

  it('picks the most profitable days, then fewer losing days, then the higher week return', () => {
    const h = pickWeeklyHighlights(BOARD, null, [
      week('a', { tradingDays: 5, profitableDays: 3, losingDays: 2, netProfit: 90_000 }),
      // b: 3 up days and 0 losing days beats a (3 up, 2 down) despite a lower return.
      week('b', { tradingDays: 4, profitableDays: 3, losingDays: 0, netProfit: 10_000 }),
      // c: same days as b, net 40 000 on 2 000 000 = 2% > b's 1%.
      week('c', { tradingDays: 3, profitableDays: 3, losingDays: 0, netProfit: 40_000 }),
      week('d', { tradingDays: 2, profitableDays: 2, losingDays: 0, netProfit: 500_000 }),
      week('z', { tradingDays: 5, profitableDays: 5, losingDays: 0, netProfit: 100_000 }),
    ]);
    // d has fewer than 3 trading days and z is unranked: neither competes.
    expect(h.mostConsistent).toEqual({
      traderId: 'c',
      profitableDays: 3,
      losingDays: 0,
      tradingDays: 3,
      returnPct: 2,
    });
  });

  it('ranks single trades on the season starting balance, so account size does not matter', () => {
    const trade = (net: number, closedAt: string) => ({ net, symbol: 'XAUUSD', closedAt });
    const h = pickWeeklyHighlights(BOARD, null, [
      week('a', { bestTrade: trade(40_000, '2026-11-09T10:00:00') }), // 4% of 10 000.00
      week('c', { bestTrade: trade(70_000, '2026-11-08T10:00:00') }), // 3.5% of 20 000.00
      week('e', { bestTrade: { net: 20_000, symbol: 'EURUSD', closedAt: '2026-11-08T09:00:00' } }), // 4% of 5 000.00, earlier
      week('z', { bestTrade: trade(900_000, '2026-11-08T10:00:00') }), // unranked
    ]);
    expect(h.highestSingleTrade).toEqual({
      traderId: 'e',
      returnPct: 4,
      symbol: 'EURUSD',
      closedAt: '2026-11-08T09:00:00',
    });
  });

  it('is empty when the season is young or nobody qualifies', () => {
    const losing = week('a', {
      tradingDays: 2,
      bestTrade: { net: -5_000, symbol: 'EURUSD', closedAt: '2026-11-02T00:00:00' },
    });
    expect(pickWeeklyHighlights(BOARD, null, [losing])).toEqual({
      biggestClimber: null,
      mostConsistent: null,
      highestSingleTrade: null,
    });
    // Nobody moved up against the base: no climber.
    const same = {
      day: '2026-11-09',
      rows: BOARD.map((c) => ({ traderId: c.traderId, position: c.position, tier: null })),
    };
    expect(pickWeeklyHighlights(BOARD, same, []).biggestClimber).toBeNull();
  });
});
