import { describe, expect, it } from 'vitest';
import { makePerformance } from '../ranking/make-performance';
import { computeLeaderboard } from './compute-leaderboard';
import { MemoryLeaderboardStore } from './testing/memory-leaderboard-store';

describe('computeLeaderboard', () => {
  it('stores the instruments a trader qualifies on in upper case, once, as the filter asks', async () => {
    const store = new MemoryLeaderboardStore();
    const instrument = (symbol: string, trades: number) => ({ symbol, trades, wins: 1, net: 100, returnPct: 0.01 });
    store.performances.push(
      makePerformance('a', {
        instruments: [instrument('EURUSD', 3), instrument('eurusd', 6), instrument('xauusd', 2)],
      }),
      makePerformance('b', { instruments: [instrument('EURUSD', 5), instrument('eurusd', 5)] }),
    );
    await computeLeaderboard({ store }, { seasonId: '2026-11', now: new Date('2026-11-20T10:00:00Z') });
    const rows = store.boards.get('2026-11')?.rows ?? [];
    expect(Object.fromEntries(rows.map((r) => [r.traderId, r.instruments]))).toEqual({ a: ['EURUSD'], b: ['EURUSD'] });
  });
});
