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

const NOV = seasons.seasonById('2026-11');
const NAMES = WORKED_ENTRANTS.map((e) => e.traderId);

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
    const perfs = await createLeaderboardStore(handle.db).seasonPerformances(NOV, {
      minTrades: 10,
      minTradingDays: 5,
      minInstrumentTrades: 5,
      clanTopK: 3,
      clanShrinkage: 2,
    });
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
    await handle.db.execute(sql`update leaderboard_snapshots set position = 7 - position`);
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
});
