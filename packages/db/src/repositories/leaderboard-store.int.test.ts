import { leaderboard, seasons } from '@clantrader/core';
import { ManualClock, WORKED_ENTRANTS } from '@clantrader/core/testing';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { newAccount } from './account-fixtures';
import { createAccountStore } from './account-store';
import { createLeaderboardStore } from './leaderboard-store';
import { createSeasonStore } from './season-store';
import { rowsOf } from './season-sql';

const NOV = seasons.seasonById('2026-11');
const NAMES = WORKED_ENTRANTS.map((e) => e.traderId);

/** Turns every stored day of the 6-trader board upside down (position p becomes 7 - p). */
async function reverseSnapshots(handle: DbHandle): Promise<void> {
  await handle.db.execute(sql`update leaderboard_day_snapshots
    set positions = (select array_agg(7 - p order by o) from unnest(positions) with ordinality as u(p, o))`);
}

/** Stores the worked-example cohort as verified statements, trades and an opening deposit. */
async function seedWorkedExample(handle: DbHandle): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [n, e] of WORKED_ENTRANTS.entries()) {
    const a = newAccount(100 + n, { handle: e.traderId });
    a.profile.tradingStyle = e.declaredStyle;
    await createAccountStore(handle.db).createAccount(a);
    ids.set(a.user.id, e.traderId);
    const acct = randomUUID();
    const at = new Date('2026-10-01T00:00:00Z');
    await handle.db.execute(
      sql`insert into trading_accounts (id, user_id, account_key, created_at) values (${acct}, ${a.user.id}, ${`k${n}`}, ${at})`,
    );
    const report = JSON.stringify({ account: { serverUtcOffsetMinutes: e.serverUtcOffsetMinutes } });
    await handle.db
      .execute(sql`insert into statements (id, user_id, file_name, byte_size, blob_key, status, label, trading_account_id, report, created_at, verified_at)
      values (${randomUUID()}, ${a.user.id}, 'r.htm', 1, 'b', 'verified', 'self_reported', ${acct}, ${report}::jsonb, ${at}, ${at})`);
    const before = e.trades.filter(
      (t) => seasons.toUtcTime(t.closeTime, e.serverUtcOffsetMinutes) < '2026-11-01T00:00:00',
    );
    const deposit = e.startingBalance - before.reduce((s, t) => s + t.profit + t.swap + t.commission + t.fee, 0);
    await handle.db.execute(
      sql`insert into balance_operations (trading_account_id, op_key, time, kind, amount) values (${acct}, 'dep', '2026-10-01T00:00:00', 'deposit', ${deposit})`,
    );
    for (const t of e.trades) {
      await handle.db
        .execute(sql`insert into trades (trading_account_id, ticket, open_time, close_time, side, volume, symbol, commission, fee, swap, profit, magic, closed_at, opened_at)
        values (${acct}, ${t.ticket}, ${t.openTime}, ${t.closeTime}, ${t.side}, ${t.volume}, ${t.symbol}, ${t.commission}, ${t.fee}, ${t.swap}, ${t.profit}, ${t.magic},
          ${seasons.toUtcTime(t.closeTime, e.serverUtcOffsetMinutes)}, ${t.openTime && seasons.toUtcTime(t.openTime, e.serverUtcOffsetMinutes)})`);
    }
  }
  return ids;
}

describe.each(testDatabases())('season and leaderboard stores on $name', ({ open }) => {
  let handle: DbHandle;
  beforeEach(async () => {
    handle = await open();
  });
  afterEach(() => handle.close());

  it('aggregates verified trades in SQL exactly as core seasonPerformance does', async () => {
    const ids = await seedWorkedExample(handle);
    const { performances: perfs } = await createLeaderboardStore(handle.db).seasonPerformances(
      NOV,
      { minTrades: 10, minTradingDays: 5, minInstrumentTrades: 5, clanTopK: 3, clanShrinkage: 2 },
      NOV,
    );
    expect(perfs.map((p) => ids.get(p.traderId)).sort()).toEqual([...NAMES].sort());
    for (const p of perfs) {
      const want = seasons.seasonPerformance(
        WORKED_ENTRANTS.find((e) => e.traderId === ids.get(p.traderId)) as (typeof WORKED_ENTRANTS)[number],
        NOV,
      );
      expect([
        p.tradeCount,
        p.tradingDays,
        p.firstTradeAt,
        p.style,
        p.instruments.map((i) => [i.symbol, i.trades]),
      ]).toEqual([
        want.tradeCount,
        want.tradingDays,
        want.firstTradeAt,
        want.style,
        want.instruments.map((i) => [i.symbol, i.trades]),
      ]);
      expect(p.returnPct).toBeCloseTo(want.returnPct, 9);
      expect(p.maxDrawdownPct).toBeCloseTo(want.maxDrawdownPct, 9);
      if (want.sharpe === null) expect(p.sharpe).toBeNull();
      else expect(p.sharpe).toBeCloseTo(want.sharpe, 9);
    }
  });

  it('stores the board, pages and ranks it, and shows movement against the previous day', async () => {
    const ids = await seedWorkedExample(handle);
    const deps = { store: createLeaderboardStore(handle.db) };
    expect(
      await leaderboard.computeLeaderboard(deps, { seasonId: '2026-11', now: new Date('2026-11-29T01:00:00Z') }),
    ).toEqual({ traders: 6, eligible: 5 });
    await reverseSnapshots(handle);
    await leaderboard.computeLeaderboard(deps, { seasonId: '2026-11', now: new Date('2026-11-30T01:00:00Z') });
    const page = await deps.store.readPage({ seasonId: '2026-11', sort: 'score', offset: 0, limit: 2 });
    expect(page.items.map((i) => [i.handle, i.position, i.score, i.tier, i.movement])).toEqual([
      ['ava', 1, 68.125, 'diamond', { direction: 'up', delta: 5 }],
      ['eli', 2, 61.875, 'gold', { direction: 'up', delta: 3 }],
    ]);
    expect(
      (await deps.store.readPage({ seasonId: '2026-11', sort: 'score', offset: 2, limit: 10 })).items.map(
        (i) => i.handle,
      ),
    ).toEqual(['ben', 'dia', 'cam', 'fox']);
    expect(
      (
        await deps.store.readPage({ seasonId: '2026-11', sort: 'return', instrument: 'XAUUSD', offset: 0, limit: 10 })
      ).items.map((i) => i.handle),
    ).toEqual(['dia', 'ava']);
    expect(await leaderboard.getTraderRank(deps, { seasonId: '2026-11', handle: 'fox' })).toMatchObject({
      position: 6,
      eligible: false,
      tier: null,
    });
    await expect(leaderboard.getTraderRank(deps, { seasonId: '2026-10', handle: 'fox' })).rejects.toMatchObject({
      code: 'leaderboard.not_ranked',
    });
    await expect(leaderboard.getTraderRank(deps, { seasonId: '2026-11', handle: 'nobody' })).rejects.toMatchObject({
      code: 'profile.not_found',
    });
    expect(ids.size).toBe(6);
  });

  it('stores the clan board and the weekly highlights at recompute, read back by index', async () => {
    const ids = await seedWorkedExample(handle);
    const byName = new Map([...ids].map(([id, name]) => [name, id]));
    const clanIds: Record<string, string> = {};
    for (const [clan, members] of [
      ['north', ['ava', 'ben', 'fox']],
      ['south', ['cam', 'dia', 'eli']],
    ] as const) {
      const id = randomUUID();
      clanIds[clan] = id;
      const at = new Date('2026-10-01T00:00:00Z');
      await handle.db.execute(sql`insert into clans (id, name, slug, trading_focus, privacy, created_by, created_at)
        values (${id}, ${clan.toUpperCase()}, ${clan}, 'gold', 'open', ${byName.get(members[0])}, ${at})`);
      for (const [i, m] of members.entries()) {
        await handle.db.execute(sql`insert into clan_members (clan_id, user_id, role, joined_at)
          values (${id}, ${byName.get(m)}, ${i === 0 ? 'leader' : 'member'}, ${at})`);
      }
    }
    // A second, unverified account of ava's with a huge trade in the week: never counted.
    const unverified = randomUUID();
    await handle.db.execute(sql`insert into trading_accounts (id, user_id, account_key, created_at)
      values (${unverified}, ${byName.get('ava')}, 'unverified', ${new Date('2026-10-01T00:00:00Z')})`);
    await handle.db
      .execute(sql`insert into trades (trading_account_id, ticket, close_time, side, volume, symbol, commission, fee, swap, profit, closed_at)
      values (${unverified}, 'x1', '2026-11-20T10:00:00', 'buy', '1', 'XAUUSD', 0, 0, 0, 900000, '2026-11-20T10:00:00')`);
    const store = createLeaderboardStore(handle.db);
    const deps = { store };
    await leaderboard.computeLeaderboard(deps, { seasonId: '2026-11', now: new Date('2026-11-16T01:00:00Z') });
    // Nov 16 base: the board reversed, so ava climbs 6 -> 1 by Nov 24.
    await reverseSnapshots(handle);
    await leaderboard.computeLeaderboard(deps, { seasonId: '2026-11', now: new Date('2026-11-24T00:00:00Z') });

    // docs/ranking.md worked example: north (55.46875) then south (45.625).
    const clans = await leaderboard.readClanLeaderboard(deps, { seasonId: '2026-11' });
    expect(clans.items).toEqual([
      {
        position: 1,
        clanId: clanIds.north,
        name: 'NORTH',
        slug: 'north',
        score: 55.46875,
        members: 3,
        eligibleMembers: 2,
        bestMemberPosition: 1,
      },
      expect.objectContaining({ position: 2, clanId: clanIds.south, score: 45.625, eligibleMembers: 3 }),
    ]);
    expect(await store.findClanEntry('2026-11', clanIds.south ?? '')).toMatchObject({ position: 2, slug: 'south' });
    expect(await store.findClanEntry('2026-10', clanIds.south ?? '')).toBeNull();

    // Week [Nov 17 00:00, Nov 24 00:00): cam closes +3 000, +3 000, +2 000, +2 000 on Nov 17-20 (4 winning
    // days, 1% of 10 000.00); eli +10 000 on Nov 18 and +5 000 on Nov 23 (2 days). Best trade: eli's 1%.
    expect(await leaderboard.getWeeklyHighlights(deps, { seasonId: '2026-11' })).toEqual({
      weekStartsAt: '2026-11-17T00:00:00.000Z',
      updatedAt: '2026-11-24T00:00:00.000Z',
      biggestClimber: {
        handle: 'ava',
        displayName: expect.any(String),
        places: 5,
        position: 1,
        previousPosition: 6,
        since: '2026-11-16',
      },
      mostConsistent: {
        handle: 'cam',
        displayName: expect.any(String),
        profitableDays: 4,
        losingDays: 0,
        tradingDays: 4,
        returnPct: 1,
      },
      highestSingleTrade: {
        handle: 'eli',
        displayName: expect.any(String),
        returnPct: 1,
        symbol: 'EURUSD',
        closedAt: '2026-11-18T10:00:00',
      },
    });
    expect(await store.readHighlights('2026-10')).toBeNull();
  });

  it('keeps a week of snapshots with tiers, and finds the week base', async () => {
    const ids = await seedWorkedExample(handle);
    const [a, b] = [...ids.keys()];
    const store = createLeaderboardStore(handle.db);
    const row = (traderId: string, position: number): leaderboard.StoredBoardRow => ({
      traderId,
      position,
      eligible: true,
      score: 50,
      tier: position === 1 ? 'gold' : 'silver',
      components: null,
      performance: { returnPct: 1, sharpe: null, maxDrawdownPct: 1, tradeCount: 10, tradingDays: 5, style: null },
      instruments: [],
      movement: { direction: 'new', delta: 0 },
    });
    const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
    expect(await store.weekBaseSnapshot('2026-11', day(1), day(2))).toBeNull();
    for (let d = 2; d <= 12; d++) {
      const first = d % 2 === 0 ? a : b;
      const second = d % 2 === 0 ? b : a;
      await store.saveBoard(
        '2026-11',
        day(d),
        [row(first ?? '', 1), row(second ?? '', 2)],
        new Date(`${day(d)}T01:00:00Z`),
      );
    }
    const kept = rowsOf<{ day: string }>(
      await handle.db.execute(sql`select day from leaderboard_day_snapshots where season_id = '2026-11' order by day`),
    ).map((r) => r.day);
    // On Nov 12 the base is Nov 5 (the latest at least 7 days old): Nov 5..12 are kept, 8 days.
    expect(kept).toEqual([5, 6, 7, 8, 9, 10, 11, 12].map(day));
    const before = await store.snapshotBefore('2026-11', day(12));
    expect([...(before ?? [])].sort((x, y) => x.position - y.position)).toEqual([
      { traderId: b, position: 1, tier: 'gold' },
      { traderId: a, position: 2, tier: 'silver' },
    ]);
    expect((await store.weekBaseSnapshot('2026-11', day(5), day(12)))?.day).toBe(day(5));
    // A season younger than a week: the earliest snapshot before today.
    expect((await store.weekBaseSnapshot('2026-11', day(3), day(12)))?.day).toBe(day(5));
  });

  it('switches readers to a whole new board at once, drops older boards, and keeps the old one when a write fails', async () => {
    const ids = [...(await seedWorkedExample(handle)).keys()];
    // two connections write halves of a board where the pool has them
    const store = createLeaderboardStore(handle.db, { parallelism: 2 });
    const row = (traderId: string, position: number): leaderboard.StoredBoardRow => ({
      traderId,
      position,
      eligible: position <= 4,
      score: position <= 4 ? 90 - position : null,
      tier: position <= 4 ? 'gold' : null,
      components: position <= 4 ? { return: 75, sharpe: 50.5, drawdown: 100, activity: position } : null,
      performance: { returnPct: 1, sharpe: null, maxDrawdownPct: 1, tradeCount: 10, tradingDays: 5, style: 'scalper' },
      instruments: ['EURUSD', 'US30,"cash"'],
      movement: { direction: 'new', delta: 0 },
    });
    const page = async () =>
      (await store.readPage({ seasonId: '2026-11', sort: 'score', offset: 0, limit: 10 })).items.map((i) => i.position);
    const stored = async () =>
      rowsOf<{ boards: number; entries: number }>(
        await handle.db.execute(sql`select (select count(*)::int from leaderboard_boards) as boards,
          (select count(*)::int from leaderboard_entries) as entries`),
      )[0];
    const at = new Date('2026-11-20T01:00:00Z');
    await store.saveBoard(
      '2026-11',
      '2026-11-20',
      ids.map((id, i) => row(id, i + 1)),
      at,
    );
    await store.saveBoard(
      '2026-11',
      '2026-11-21',
      ids.slice(0, 5).map((id, i) => row(id, i + 1)),
      at,
    );
    expect(await page()).toEqual([1, 2, 3, 4, 5]);
    expect(await stored()).toEqual({ boards: 1, entries: 5 });
    const first = await store.findEntry('2026-11', ids[0] ?? '');
    expect(first?.components).toEqual({ return: 75, sharpe: 50.5, drawdown: 100, activity: 1 });
    expect(await store.findEntry('2026-11', ids[5] ?? '')).toBeNull();
    expect(rowsOf(await handle.db.execute(sql`select instruments from leaderboard_entries limit 1`))).toEqual([
      { instruments: ['EURUSD', 'US30,"cash"'] },
    ]);
    // two rows at one position: the second half's write fails after the first half's committed
    const clash = [...ids.slice(0, 5).map((id, i) => row(id, i + 1)), row(ids[5] ?? '', 5)];
    await expect(store.saveBoard('2026-11', '2026-11-22', clash, at)).rejects.toThrow();
    expect(await page()).toEqual([1, 2, 3, 4, 5]);
    expect(await stored()).toEqual({ boards: 1, entries: 5 });
    // the failed day left no snapshot: the base of tomorrow's arrows is still Nov 21
    expect((await store.snapshotBefore('2026-11', '2026-11-23'))?.length).toBe(5);
  });

  it('rolls the season over once, archives the worked example and keeps per-trader history', async () => {
    const ids = await seedWorkedExample(handle);
    const store = createSeasonStore(handle.db);
    await store.openSeasonIfAbsent(NOV, new Date('2026-11-01T00:00:00Z'));
    const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
    const [a, b] = await Promise.all([
      seasons.rollOverSeason({ clock, store }),
      seasons.rollOverSeason({ clock, store }),
    ]);
    expect([...a.archived, ...b.archived]).toEqual(['2026-11']);
    expect([a.opened, b.opened].filter(Boolean)).toEqual(['2026-12']);
    const archive = await store.findArchive('2026-11');
    expect(archive?.standings.map((s) => [ids.get(s.traderId), s.score, s.tier])).toEqual([
      ['ava', 68.125, 'diamond'],
      ['eli', 61.875, 'gold'],
      ['ben', 53.75, 'silver'],
      ['dia', 46.25, 'bronze'],
      ['cam', 20, 'bronze'],
      ['fox', null, null],
    ]);
    expect(archive?.awards.map((w) => [w.kind, ids.get(w.traderId)])).toContainEqual(['overall_champion', 'ava']);
    expect(await store.freezeSeasonIfOpen('2026-11', clock.now())).toBe(false);
    const history = await leaderboard.getSeasonHistory({ store: createLeaderboardStore(handle.db) }, { handle: 'eli' });
    expect(history.items).toEqual([
      expect.objectContaining({ seasonId: '2026-11', position: 2, tier: 'gold', score: 61.875 }),
    ]);
    expect(history.items[0]?.awards.length).toBeGreaterThan(0);
  });

  it("reads a clan's place in every archived season, newest first", async () => {
    const seasonStore = createSeasonStore(handle.db);
    const [x, y] = [randomUUID(), randomUUID()];
    const clan = (clanId: string, position: number, score: number | null, eligibleMembers: number) => ({
      clanId,
      position,
      score,
      counted: [],
      eligibleMembers,
      bestMemberPosition: null,
    });
    for (const [id, clans] of [
      ['2026-10', [clan(y, 1, 61.5, 3), clan(x, 2, 55.25, 2)]],
      ['2026-11', [clan(x, 1, 70, 3)]],
      ['2026-12', [clan(y, 1, 50, 1)]],
    ] as const) {
      await seasonStore.openSeasonIfAbsent(seasons.seasonById(id), new Date(`${id}-01T00:00:00Z`));
      await handle.db.execute(sql`insert into season_archives (season_id, rules, standings, clans, awards, created_at)
        values (${id}, '{}'::jsonb, '[]'::jsonb, ${JSON.stringify(clans)}::jsonb, '[]'::jsonb, now())`);
    }
    const history = await leaderboard.getClanSeasonHistory({ store: createLeaderboardStore(handle.db) }, { clanId: x });
    expect(history.items).toEqual([
      { seasonId: '2026-11', position: 1, score: 70, clans: 1, eligibleMembers: 3 },
      { seasonId: '2026-10', position: 2, score: 55.25, clans: 2, eligibleMembers: 2 },
    ]);
    expect((await createLeaderboardStore(handle.db).clanSeasonHistory(randomUUID())).length).toBe(0);
  });
});
