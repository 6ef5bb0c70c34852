import { describe, expect, it } from 'vitest';
import { makeTrade } from '../metrics/make-trade';
import type { SeasonEntrant } from './model';
import { seasonById } from './season-calendar';
import { rollForward, seasonPerformance, toUtcTime } from './season-performance';

const nov = seasonById('2026-11');
const entrant = (over: Partial<SeasonEntrant>): SeasonEntrant => ({
  traderId: 't',
  startingBalance: 1_000_000,
  serverUtcOffsetMinutes: 0,
  trades: [],
  previousRankedSeasons: 0,
  declaredStyle: null,
  ...over,
});

describe('seasonPerformance', () => {
  it('counts only trades closed inside the season in UTC, after the broker offset', () => {
    const p = seasonPerformance(
      entrant({
        serverUtcOffsetMinutes: 180,
        trades: [
          makeTrade('2026-11-01T02:59:59', 9_999), // 2026-10-31 23:59:59 UTC: October
          makeTrade('2026-11-01T03:00:00', 10_000),
          makeTrade('2026-12-01T02:59:59', -5_000, { symbol: 'XAUUSD' }),
          makeTrade('2026-12-01T03:00:00', 7_777), // December
        ],
      }),
      nov,
    );
    expect([p.tradeCount, p.netProfit, p.tradingDays, p.firstTradeAt]).toEqual([2, 5_000, 2, '2026-11-01T00:00:00']);
    expect(p.returnPct).toBeCloseTo(0.5, 10);
    expect(p.instruments.map((i) => i.symbol)).toEqual(['EURUSD', 'XAUUSD']);
    expect(p.maxDrawdownPct).toBeCloseTo((5_000 / 1_010_000) * 100, 10);
  });

  it('does not count a deposit as return, and sizes the best trade on the balance before it', () => {
    const p = seasonPerformance(
      entrant({
        trades: [makeTrade('2026-11-02T10:00:00', 100_000), makeTrade('2026-11-03T10:00:00', 231_000)],
        balanceOperations: [
          { ticket: null, time: '2026-11-03T09:00:00', kind: 'deposit', amount: 1_000_000, comment: null },
        ],
      }),
      nov,
    );
    expect(p.returnPct).toBeCloseTo((1.1 * 1.11 - 1) * 100, 10);
    expect(p.bestTrade).toEqual({ symbol: 'EURUSD', closedAt: '2026-11-03T10:00:00', net: 231_000, returnPct: 11 });
  });

  it('reports a wiped account as -100% and an empty season as zeros', () => {
    expect(
      seasonPerformance(
        entrant({ trades: [makeTrade('2026-11-02T10:00:00', -1_000_000), makeTrade('2026-11-02T11:00:00', 5)] }),
        nov,
      ).returnPct,
    ).toBe(-100);
    expect(seasonPerformance(entrant({}), nov)).toMatchObject({
      returnPct: 0,
      sharpe: null,
      maxDrawdownPct: 0,
      tradeCount: 0,
      bestTrade: null,
      style: null,
    });
  });

  it('derives a style from holding times unless one is declared', () => {
    const quick = makeTrade('2026-11-02T10:05:00', 1, { openTime: '2026-11-02T10:00:00' });
    expect(seasonPerformance(entrant({ trades: [quick] }), nov).style).toBe('scalper');
    expect(seasonPerformance(entrant({ trades: [quick], declaredStyle: 'position_trader' }), nov).style).toBe(
      'position_trader',
    );
  });
});

describe('rollForward', () => {
  it('moves the starting balance to a later window start', () => {
    const e = entrant({ trades: [makeTrade('2026-11-02T10:00:00', 50_000), makeTrade('2026-11-10T10:00:00', 1)] });
    expect(rollForward(e, nov.startsAt, new Date('2026-11-09T00:00:00Z')).startingBalance).toBe(1_050_000);
  });
});

describe('toUtcTime', () => {
  it('subtracts the broker offset across a month boundary', () => {
    expect(toUtcTime('2026-12-01T01:30:00', 120)).toBe('2026-11-30T23:30:00');
    expect(toUtcTime('2026-11-30T22:30:00', -120)).toBe('2026-12-01T00:30:00');
  });
});
