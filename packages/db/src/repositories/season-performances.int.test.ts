import { seasons } from '@clantrader/core';
import { makeTrade } from '@clantrader/core/testing';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { newAccount } from './account-fixtures';
import { createAccountStore } from './account-store';
import { loadPerformances } from './season-performances';

const NOV = seasons.seasonById('2026-11');
type Trade = seasons.SeasonEntrant['trades'][number];

/** A verified trading account of `userId` (server time UTC+offset) with a deposit and trades. */
async function seedAccount(
  handle: DbHandle,
  userId: string,
  input: { key: string; offset: number; deposit: number; trades: Trade[]; depositAt?: string },
): Promise<void> {
  const acct = randomUUID();
  const at = new Date('2026-10-01T00:00:00Z');
  await handle.db.execute(
    sql`insert into trading_accounts (id, user_id, account_key, created_at) values (${acct}, ${userId}, ${input.key}, ${at})`,
  );
  const report = JSON.stringify({ account: { serverUtcOffsetMinutes: input.offset } });
  await handle.db
    .execute(sql`insert into statements (id, user_id, file_name, byte_size, blob_key, status, label, trading_account_id, report, created_at, verified_at)
      values (${randomUUID()}, ${userId}, 'r.htm', 1, 'b', 'verified', 'self_reported', ${acct}, ${report}::jsonb, ${at}, ${at})`);
  await handle.db.execute(
    sql`insert into balance_operations (trading_account_id, op_key, time, kind, amount)
      values (${acct}, 'dep', ${input.depositAt ?? '2026-10-01T00:00:00'}, 'deposit', ${input.deposit})`,
  );
  for (const t of input.trades) {
    await handle.db
      .execute(sql`insert into trades (trading_account_id, ticket, open_time, close_time, side, volume, symbol, commission, fee, swap, profit, magic, closed_at, opened_at)
        values (${acct}, ${t.ticket}, ${t.openTime}, ${t.closeTime}, ${t.side}, ${t.volume}, ${t.symbol}, ${t.commission}, ${t.fee}, ${t.swap}, ${t.profit}, ${t.magic},
          ${seasons.toUtcTime(t.closeTime, input.offset)}, ${t.openTime && seasons.toUtcTime(t.openTime, input.offset)})`);
  }
}

async function newTrader(handle: DbHandle, n: number): Promise<string> {
  const a = newAccount(500 + n);
  await createAccountStore(handle.db).createAccount(a);
  return a.user.id;
}

describe.each(testDatabases())('season performances on $name', ({ open }) => {
  let handle: DbHandle;
  beforeEach(async () => {
    handle = await open();
  });
  afterEach(() => handle.close());

  it('reads a trader with two accounts as one series in close order, as core computes it', async () => {
    const userId = await newTrader(handle, 1);
    // Account A runs on UTC+2 server time, B on UTC; their trades interleave in UTC, two
    // close in the same second, one has no open time, one is an EA's, one symbol has a comma.
    const a = [
      makeTrade('2026-11-02T11:00:00', 40_000, { ticket: 'a1', openTime: '2026-11-02T10:00:00' }),
      makeTrade('2026-11-03T12:00:05', -90_000, { ticket: 'a2', symbol: 'US30,cash', openTime: null }),
      makeTrade('2026-11-10T09:00:00', 150_000, { ticket: 'a3', magic: '77', openTime: '2026-11-09T09:00:00' }),
      makeTrade('2026-10-30T09:00:00', 5_000, { ticket: 'a0', openTime: '2026-10-30T08:00:00' }), // October: balance only
    ];
    const b = [
      makeTrade('2026-11-02T10:30:00', -20_000, { ticket: 'b1', symbol: 'XAUUSD', openTime: '2026-11-02T10:00:00' }),
      makeTrade('2026-11-03T10:00:05', 60_000, { ticket: 'b2', openTime: '2026-11-03T09:59:00' }),
      makeTrade('2026-11-14T10:00:00', -30_000, { ticket: 'b3', symbol: 'XAUUSD', openTime: '2026-11-14T08:00:00' }),
    ];
    await seedAccount(handle, userId, { key: 'ka', offset: 120, deposit: 1_000_000, trades: a });
    await seedAccount(handle, userId, { key: 'kb', offset: 0, deposit: 500_000, trades: b });

    const {
      performances: [got, ...others],
    } = await loadPerformances(handle.db, NOV, 2, NOV);
    expect(others).toEqual([]);
    // Core on the same trades in UTC, as one entrant (B's 10:00:05 and A's 12:00:05 at
    // UTC+2 close in the same second; merge order, A's trades first, breaks the tie).
    const utc = (t: Trade, offset: number) => ({
      ...t,
      closeTime: seasons.toUtcTime(t.closeTime, offset),
      openTime: t.openTime && seasons.toUtcTime(t.openTime, offset),
    });
    const want = seasons.seasonPerformance(
      {
        traderId: userId,
        startingBalance: 1_505_000,
        serverUtcOffsetMinutes: 0,
        trades: [...a.map((t) => utc(t, 120)), ...b.map((t) => utc(t, 0))],
        previousRankedSeasons: 0,
        declaredStyle: null,
      },
      NOV,
    );
    expect(got).toBeDefined();
    const { returnPct, sharpe, maxDrawdownPct, bestTrade, instruments, ...rest } = want;
    expect(got).toMatchObject(rest);
    expect(got?.returnPct).toBeCloseTo(returnPct, 9);
    expect(got?.sharpe).toBeCloseTo(sharpe as number, 9);
    expect(got?.maxDrawdownPct).toBeCloseTo(maxDrawdownPct, 9);
    expect(got?.bestTrade).toMatchObject({ symbol: 'EURUSD', closedAt: '2026-11-10T07:00:00', net: 150_000 });
    expect(got?.bestTrade?.returnPct).toBeCloseTo(bestTrade?.returnPct as number, 9);
    expect(got?.instruments.map((i) => [i.symbol, i.trades, i.wins, i.net])).toEqual(
      instruments.map((i) => [i.symbol, i.trades, i.wins, i.net]),
    );
    expect(got?.instruments.map((i) => i.symbol)).toEqual(['EURUSD', 'US30,cash', 'XAUUSD']);
  });

  it('computes a trader who moved money inside the season from the loaded trades', async () => {
    const userId = await newTrader(handle, 2);
    const trades = [
      makeTrade('2026-11-02T10:00:00', 100_000, { ticket: 't1' }),
      makeTrade('2026-11-04T10:00:00', 100_000, { ticket: 't2' }),
    ];
    await seedAccount(handle, userId, { key: 'km', offset: 0, deposit: 1_000_000, trades });
    await handle.db.execute(sql`insert into balance_operations (trading_account_id, op_key, time, kind, amount)
      select id, 'top-up', '2026-11-03T00:00:00', 'deposit', 900000 from trading_accounts where account_key = 'km'`);
    const {
      performances: [got],
    } = await loadPerformances(handle.db, NOV, 1, NOV);
    // time-weighted: +10% on 1,000,000, then +5% on 2,000,000 (the top-up is not gain)
    expect(got?.returnPct).toBeCloseTo((1.1 * 1.05 - 1) * 100, 9);
    expect(got?.netProfit).toBe(200_000);
  });
});
