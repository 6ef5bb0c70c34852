import { describe, expect, it } from 'vitest';
import { MemoryNotificationStore } from '../notifications/testing/memory-notification-store';
import type { TraderPerformance } from '../ranking/model';
import { seasonById } from '../seasons/season-calendar';
import { MemorySeasonStore } from '../seasons/testing/memory-season-store';
import { WORKED_CLANS, WORKED_ENTRANTS } from '../seasons/worked-example.fixture';
import { ManualClock, SequentialIds } from '../testing/basics';
import { runSeasonJobs } from './run-season-jobs';
import { MemoryLeaderboardStore } from './testing/memory-leaderboard-store';

/** An eligible trader whose return decides the order (everything else equal). */
const trader = (traderId: string, returnPct: number): TraderPerformance => ({
  traderId,
  startingBalance: 10_000_00,
  netProfit: returnPct * 10_000,
  returnPct,
  sharpe: 1,
  maxDrawdownPct: 5,
  tradeCount: 20,
  tradingDays: 10,
  firstTradeAt: '2026-12-01T10:00:00',
  bestTrade: null,
  instruments: [],
  style: null,
});

describe('runSeasonJobs notifications', () => {
  it('tells traders their final place, awards and the new season at rollover, once', async () => {
    const clock = new ManualClock(new Date('2026-12-01T00:07:00Z'));
    const seasons = new MemorySeasonStore();
    await seasons.openSeasonIfAbsent(seasonById('2026-11'), new Date('2026-11-01T00:00:00Z'));
    for (const e of WORKED_ENTRANTS) seasons.putEntrant('2026-11', e);
    seasons.putClans('2026-11', WORKED_CLANS);
    const store = new MemoryLeaderboardStore();
    const notifications = new MemoryNotificationStore();
    const deps = { store, seasons, clock, notifications: { notifications, clock, ids: new SequentialIds() } };

    const first = await runSeasonJobs(deps);
    expect(first.archived).toEqual(['2026-11']);
    const kinds = notifications.rows.map((n) => n.kind);
    expect(kinds.filter((k) => k === 'season.ended').length).toBeGreaterThan(0);
    expect(kinds).toContain('award.won');
    expect(notifications.rows.find((n) => n.kind === 'season.started')?.data).toEqual({ seasonId: '2026-12' });
    expect(first.notified).toBe(notifications.rows.length);

    const again = await runSeasonJobs(deps);
    expect(again).toMatchObject({ archived: [], notified: 0 });
  });

  it('tells big movers on the live board once a day', async () => {
    const clock = new ManualClock(new Date('2026-12-10T00:07:00Z'));
    const seasons = new MemorySeasonStore();
    await seasons.openSeasonIfAbsent(seasonById('2026-12'), new Date('2026-12-01T00:00:00Z'));
    const store = new MemoryLeaderboardStore();
    const notifications = new MemoryNotificationStore();
    const deps = { store, seasons, clock, notifications: { notifications, clock, ids: new SequentialIds() } };
    const ids = Array.from({ length: 12 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
    store.performances.push(...ids.map((id, i) => trader(id, 100 - i)));
    expect((await runSeasonJobs(deps)).notified).toBe(0); // first snapshot: nobody moved

    clock.advance(24 * 3600_000);
    store.performances.splice(0, store.performances.length, ...ids.map((id, i) => trader(id, 100 - i)));
    const last = store.performances[11];
    if (last) last.returnPct = 500; // t12 jumps from 12th to 1st
    await runSeasonJobs(deps);
    const mine = notifications.rows.filter((n) => n.userId === 't12');
    expect(mine.map((n) => [n.kind, n.data.position, n.data.previous])).toEqual([['rank.climbed', 1, 12]]);
    clock.advance(3600_000);
    expect((await runSeasonJobs(deps)).notified).toBe(0);
  });
});
