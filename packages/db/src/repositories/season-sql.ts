import type { seasons } from '@clantrader/core';
import { sql, type SQL } from 'drizzle-orm';

/** `db.execute` answers `{ rows }` on every driver (PGlite, node-postgres, Neon). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Verified trading accounts (the owner has a verified statement of the account), with the
 * server's UTC offset from the newest verified report and the season window in that
 * server's time, so the (trading_account_id, close_time) index does the filtering.
 */
export function verifiedAccounts(season: seasons.Season): SQL {
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
    ) v`;
}
