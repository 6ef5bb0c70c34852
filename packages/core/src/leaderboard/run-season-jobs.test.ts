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
    expect(mine.map((n) => [n.kind, n.data.position ?? n.data.tier, n.data.previous])).toEqual([
      ['rank.climbed', 1, 12],
      ['tier.changed', 'legendary', 'bronze'],
    ]);
    clock.advance(3600_000);
    expect((await runSeasonJobs(deps)).notified).toBe(0);
  });

  it('tells a tier change once per season and tier, against the previous day', async () => {
    const clock = new ManualClock(new Date('2026-12-10T00:07:00Z'));
    const seasons = new MemorySeasonStore();
    await seasons.openSeasonIfAbsent(seasonById('2026-12'), new Date('2026-12-01T00:00:00Z'));
    const store = new MemoryLeaderboardStore();
    const notifications = new MemoryNotificationStore();
    const deps = { store, seasons, clock, notifications: { notifications, clock, ids: new SequentialIds() } };
    // Ten traders: returns 100..91 give score percentiles 100, 88.9, ..., 0 (steps of 1/9).
    const board = (top: string) => {
      const ids = Array.from({ length: 10 }, (_, i) => `t${i}`).filter((id) => id !== top);
      return [top, ...ids].map((id, i) => trader(id, 100 - i));
    };
    const tiersOf = (id: string) =>
      notifications.rows
        .filter((n) => n.userId === id && n.kind === 'tier.changed')
        .map((n) => [n.data.previous, n.data.tier]);
    store.performances.push(...board('t0'));
    await runSeasonJobs(deps); // day 1: t5 is 6th, percentile 44.4 -> silver
    clock.advance(24 * 3600_000);
    store.performances.splice(0, 10, ...board('t5')); // day 2: t5 first, percentile 100, return 100% -> legendary
    await runSeasonJobs(deps);
    expect(tiersOf('t5')).toEqual([['silver', 'legendary']]);
    // t0 slips from 1st to 2nd: percentile 88.9 < 90 misses diamond -> gold.
    expect(tiersOf('t0')).toEqual([['legendary', 'gold']]);
    clock.advance(24 * 3600_000);
    store.performances.splice(0, 10, ...board('t0')); // day 3: back to silver
    await runSeasonJobs(deps);
    clock.advance(24 * 3600_000);
    store.performances.splice(0, 10, ...board('t5')); // day 4: legendary again: already told this season
    await runSeasonJobs(deps);
    expect(tiersOf('t5')).toEqual([
      ['silver', 'legendary'],
      ['legendary', 'silver'],
    ]);
  });

  it('stores the clan board and the weekly highlights with the trader board', async () => {
    const clock = new ManualClock(new Date('2026-12-03T00:07:00Z'));
    const seasons = new MemorySeasonStore();
    await seasons.openSeasonIfAbsent(seasonById('2026-12'), new Date('2026-12-01T00:00:00Z'));
    const store = new MemoryLeaderboardStore();
    store.clans.push(
      { clanId: 'north', name: 'North', slug: 'north', memberIds: ['t1', 't2'] },
      { clanId: 'south', name: 'South', slug: 'south', memberIds: ['t3', 'nobody'] },
    );
    store.performances.push(trader('t1', 10), trader('t2', 9), trader('t3', 8));
    store.activity.push({
      traderId: 't3',
      tradingDays: 3,
      profitableDays: 3,
      losingDays: 0,
      netProfit: 20_000,
      bestTrade: { net: 15_000, symbol: 'EURUSD', closedAt: '2026-12-02T09:00:00' },
    });
    await runSeasonJobs({ store, seasons, clock });
    // Only the return differs: scores 0.4*P(return) + 0.6*50 = 70, 50, 30.
    // north = (70 + 50 + 2*50) / 4 = 55, south = (30 + 2*50) / 3 = 43.33.
    expect(await store.readClanBoard('2026-12')).toEqual([
      {
        position: 1,
        clanId: 'north',
        name: 'North',
        slug: 'north',
        score: 55,
        members: 2,
        eligibleMembers: 2,
        bestMemberPosition: 1,
      },
      expect.objectContaining({ position: 2, clanId: 'south', members: 2, eligibleMembers: 1, bestMemberPosition: 3 }),
    ]);
    // A season two days old: the week starts with the season, nobody has a base to climb from.
    expect(store.lastWeek).toEqual({ startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: clock.now() });
    expect(await store.readHighlights('2026-12')).toEqual({
      weekStartsAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-03T00:07:00.000Z',
      biggestClimber: null,
      mostConsistent: {
        handle: 't3',
        displayName: 't3',
        profitableDays: 3,
        losingDays: 0,
        tradingDays: 3,
        returnPct: 2,
      },
      highestSingleTrade: {
        handle: 't3',
        displayName: 't3',
        returnPct: 1.5,
        symbol: 'EURUSD',
        closedAt: '2026-12-02T09:00:00',
      },
    });

    clock.advance(24 * 3600_000);
    store.performances.splice(0, 3, trader('t1', 10), trader('t2', 9), trader('t3', 11));
    await runSeasonJobs({ store, seasons, clock });
    expect((await store.readHighlights('2026-12'))?.biggestClimber).toEqual({
      handle: 't3',
      displayName: 't3',
      places: 2,
      position: 1,
      previousPosition: 3,
      since: '2026-12-03',
    });
    expect((await store.readClanBoard('2026-12')).map((c) => c.clanId)).toEqual(['south', 'north']);
  });
});
