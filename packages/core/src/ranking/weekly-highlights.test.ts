import { describe, expect, it } from 'vitest';
import { makePerformance as perf } from './make-performance';
import { movement } from './movement';
import { weeklyHighlights } from './weekly-highlights';

const best = (returnPct: number, closedAt: string) => ({ symbol: 'EURUSD', closedAt, net: 100, returnPct });

describe('weeklyHighlights', () => {
  it('picks the biggest climber, the steadiest week and the best single trade by its return', () => {
    const moves = movement(
      [
        { traderId: 'a', position: 5 },
        { traderId: 'b', position: 4 },
        { traderId: 'c', position: 1 },
      ],
      [
        { traderId: 'c', position: 3 },
        { traderId: 'a', position: 1 },
        { traderId: 'b', position: 2 },
        { traderId: 'n', position: 4 },
      ],
    );
    const week = [
      perf('a', { sharpe: 9, tradingDays: 2, bestTrade: best(4, '2026-11-10T10:00:00') }),
      perf('b', { sharpe: 3, tradingDays: 3, bestTrade: best(4, '2026-11-09T10:00:00') }),
      perf('c', { sharpe: 3, tradingDays: 4, returnPct: 1, bestTrade: best(1, '2026-11-08T10:00:00') }),
    ];
    expect(weeklyHighlights(moves, week)).toEqual({
      biggestClimber: { traderId: 'a', delta: 4, position: 1 },
      mostConsistent: { traderId: 'c', sharpe: 3 },
      highestSingleTrade: { traderId: 'b', ...best(4, '2026-11-09T10:00:00') },
    });
  });

  it('returns nulls for a quiet week', () => {
    expect(weeklyHighlights([], [])).toEqual({ biggestClimber: null, mostConsistent: null, highestSingleTrade: null });
  });
});
