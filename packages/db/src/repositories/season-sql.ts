import type { seasons } from '@clantrader/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';

/** `db.execute` answers `{ rows }` on every driver (PGlite, node-postgres, Neon). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * One read of the season pass with JIT off (compiling its expressions costs more than
 * the per-row work it saves: ~0.4 s per query at 100k traders) and, when given, more
 * `work_mem` for in-memory sorts.
 */
export function readWithoutJit<T>(db: Database, query: SQL, workMem?: string): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    if (workMem !== undefined) await tx.execute(sql`select set_config('work_mem', ${workMem}, true)`);
    return rowsOf<T>(await tx.execute(query));
  });
}

/**
 * The UTC offset (minutes) of a trading account's broker server: the one stated by the
 * newest verified statement of the account's owner, 0 when it states none. The one rule
 * for turning the account's server times into UTC (the season pass, and `trades.closed_at`).
 */
export function accountUtcOffset(accountId: SQL): SQL {
  return sql`coalesce((
      select (s.report->'account'->>'serverUtcOffsetMinutes')::int
      from statements s join trading_accounts ta on ta.id = s.trading_account_id and ta.user_id = s.user_id
      where s.trading_account_id = ${accountId} and s.status = 'verified'
      order by s.verified_at desc nulls last limit 1
    ), 0)`;
}

/**
 * Verified trading accounts (the owner has a verified statement of the account), with the
 * server's UTC offset (`accountUtcOffset`) and the season window in that server's time, so
 * the (trading_account_id, close_time) index does the filtering of server-time rows.
 * `where` (on `ta`, the trading account) picks some accounts before their offset is read.
 */
export function verifiedAccounts(season: seasons.Season, where?: SQL): SQL {
  return sql`
    select ta.id, ta.user_id, v.off,
      to_char((${season.startsAt.toISOString()}::timestamptz at time zone 'UTC') + make_interval(mins => v.off), 'YYYY-MM-DD"T"HH24:MI:SS') as lo,
      to_char((${season.endsAt.toISOString()}::timestamptz at time zone 'UTC') + make_interval(mins => v.off), 'YYYY-MM-DD"T"HH24:MI:SS') as hi
    from trading_accounts ta
    cross join lateral (
      select coalesce((s.report->'account'->>'serverUtcOffsetMinutes')::int, 0) as off
      from statements s
      where s.trading_account_id = ta.id and s.user_id = ta.user_id and s.status = 'verified'
      order by s.verified_at desc nulls last limit 1
    ) v
    ${where === undefined ? sql`` : sql`where ${where}`}`;
}
