import { describe, expect, it } from 'vitest';
import { makeTrade } from '../metrics/make-trade';
import type { ClosedTrade } from '../statements/model';
import { prng } from '../testing/prng';
import type { SeasonEntrant } from './model';
import { seasonById } from './season-calendar';
import { seasonPerformance } from './season-performance';
import { entrantSeries, seriesPerformance } from './series-performance';

const nov = seasonById('2026-11');
const toSeries = (e: SeasonEntrant) => entrantSeries(e, nov);

/** Coarse values on purpose: same-second closes, zero results, wipes, weekends, one-day seasons. */
function randomEntrant(rand: () => number, id: number): SeasonEntrant {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const n = pick([0, 1, 2, 5, 12, 40]);
  const days = pick([1, 2, 9, 29]);
  const trades: ClosedTrade[] = Array.from({ length: n }, () => {
    const close = new Date(Date.UTC(2026, 10, 1 + Math.floor(rand() * days), pick([0, 9, 9, 23]), pick([0, 30])));
    const hold = pick([null, 5, 90, 3_000, 20_000]);
    return makeTrade(close.toISOString().slice(0, 19), pick([-400_000, -20_000, 0, 0, 15_000, 90_000, 250_000]), {
      symbol: pick(['EURUSD', 'XAUUSD', 'US30']),
      magic: pick([null, null, '0', '1234']),
      commission: pick([0, -70]),
      openTime: hold === null ? null : new Date(close.getTime() - hold * 60_000).toISOString().slice(0, 19),
    });
  });
  return {
    traderId: `t${id}`,
    startingBalance: pick([0, 300_000, 1_000_000, 5_000_000]),
    serverUtcOffsetMinutes: 0,
    trades,
    previousRankedSeasons: 0,
    declaredStyle: pick([null, null, 'swing_trader'] as const),
  };
}

function expectSame(got: ReturnType<typeof seriesPerformance>, want: ReturnType<typeof seasonPerformance>) {
  const close = (a: number | null, b: number | null) => {
    if (b === null) expect(a).toBeNull();
    else expect(a).toBeCloseTo(b, 9);
  };
  const { returnPct, sharpe, maxDrawdownPct, bestTrade, instruments, ...rest } = want;
  expect(got).toMatchObject(rest);
  close(got.returnPct, returnPct);
  close(got.sharpe, sharpe);
  close(got.maxDrawdownPct, maxDrawdownPct);
  expect(got.bestTrade === null).toBe(bestTrade === null);
  if (bestTrade && got.bestTrade) {
    expect({ ...got.bestTrade, returnPct: 0 }).toEqual({ ...bestTrade, returnPct: 0 });
    close(got.bestTrade.returnPct, bestTrade.returnPct);
  }
  expect(got.instruments.map((i) => [i.symbol, i.trades, i.wins, i.net])).toEqual(
    instruments.map((i) => [i.symbol, i.trades, i.wins, i.net]),
  );
  got.instruments.forEach((i, k) => close(i.returnPct, instruments[k]?.returnPct ?? null));
}

describe('seriesPerformance', () => {
  it('equals seasonPerformance for 2,000 random traders without balance operations', () => {
    const rand = prng(20261121);
    for (let i = 0; i < 2000; i++) {
      const e = randomEntrant(rand, i);
      expectSame(seriesPerformance(toSeries(e)), seasonPerformance(e, nov));
    }
  });

  it('computes the figures of a hand-checked month', () => {
    // Mon 2 Nov +10,000 and -5,000; Wed 4 Nov +20,000; Sat 7 Nov -1,000 (a weekend close).
    const p = seriesPerformance(
      toSeries({
        traderId: 'x',
        startingBalance: 1_000_000,
        serverUtcOffsetMinutes: 0,
        previousRankedSeasons: 0,
        declaredStyle: null,
        trades: [
          makeTrade('2026-11-02T09:00:00', 10_000, { openTime: '2026-11-02T08:50:00' }),
          makeTrade('2026-11-02T12:00:00', -5_000, { openTime: '2026-11-02T11:00:00' }),
          makeTrade('2026-11-04T09:00:00', 20_000, { symbol: 'XAUUSD', openTime: '2026-11-03T09:00:00' }),
          makeTrade('2026-11-07T09:00:00', -1_000, { openTime: '2026-11-07T08:55:00' }),
        ],
      }),
    );
    expect(p.netProfit).toBe(24_000);
    expect(p.returnPct).toBeCloseTo(
      ((1_010_000 / 1_000_000) * (1_005_000 / 1_010_000) * (1_025_000 / 1_005_000) * (1_024_000 / 1_025_000) - 1) * 100,
      12,
    );
    expect(p.maxDrawdownPct).toBeCloseTo((5_000 / 1_010_000) * 100, 12);
    expect(p.tradingDays).toBe(3);
    // Weekdays Mon 2 .. Fri 6 Nov: 0.005, 0, 20000/1005000, 0, 0
    const daily = [5_000 / 1_000_000, 0, 20_000 / 1_005_000, 0, 0];
    const mean = daily.reduce((a, b) => a + b) / 5;
    const sd = Math.sqrt(daily.reduce((a, r) => a + (r - mean) ** 2, 0) / 4);
    expect(p.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(252), 12);
    expect(p.bestTrade).toMatchObject({ symbol: 'XAUUSD', closedAt: '2026-11-04T09:00:00', net: 20_000 });
    // holds 10, 60, 1440, 5 minutes: median 35 -> day trader
    expect(p.style).toBe('day_trader');
  });
});
