import { leaderboard as coreLeaderboard, seasons as coreSeasons, type ranking } from '@clantrader/core';

type Season = coreSeasons.Season;
type SeasonEntrant = coreSeasons.SeasonEntrant;
type Window = coreSeasons.Window;
type TradingStyle = ranking.TradingStyle;
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { arrayLiteral } from './array-literal';
import { readWithoutJit, verifiedAccounts } from './season-sql';

type SeriesRow = { user_id: string; sb: number; declared: TradingStyle | null; trades: string };

/** Separates trades in a series row; stripped from symbols, the only free text in it. */
const TRADE_SEPARATOR = '\x1e';

/**
 * Season performances of every verified trader without money moved inside the season,
 * computed by core `seriesPerformance` from one row per trader: the starting balance and
 * the season's trades as one string (each trade's stored `season_fields`, "closeSeconds,
 * net,holdSeconds,automated,symbol", in close order). PostgreSQL only reads the season
 * index and orders each trader's trades (no windows, no sort of all trades, no formatting
 * per row); the arithmetic is core's, property-tested against `seasonPerformance`.
 * Traders with deposits or withdrawals inside the season are computed by core from their
 * loaded trades (`loadPerformances`).
 */
type Performances = { performances: ranking.TraderPerformance[]; week: coreLeaderboard.WeekActivity[] };

async function seriesPerformances(
  db: Database,
  season: Season,
  parallelism: number,
  week: Window,
  moved: readonly string[],
): Promise<Performances> {
  const from = week.startsAt.getTime() / 1000;
  const to = week.endsAt.getTime() / 1000;
  const out: Performances = { performances: [], week: [] };
  // Traders are split by a hash of their id into slices read by `parallelism`
  // queries at a time (the server's cores); a slice is computed here while the server
  // reads the next ones.
  const slices = parallelism * SLICES_PER_QUERY;
  let next = 0;
  await Promise.all(
    Array.from({ length: parallelism }, async () => {
      for (let slice = next++; slice < slices; slice = next++) {
        // The per-trader ordering sorts in memory, not on disk.
        const rows = await readWithoutJit<SeriesRow>(db, seriesSql(season, moved, slice, slices), '256MB');
        for (const r of rows) {
          const series = toSeries(r);
          out.performances.push(coreSeasons.seriesPerformance(series));
          const activity = coreLeaderboard.weekActivityOf(series, from, to);
          if (activity) out.week.push(activity);
        }
      }
    }),
  );
  return out;
}

/**
 * Slices read per concurrent query: smaller slices let this process compute one while the
 * server reads the next (4: 4.4 s against 5.5 s with one slice per query at 100k traders).
 */
const SLICES_PER_QUERY = 4;
const utcStamp = (d: Date) => d.toISOString().slice(0, 19);

/** One row per trader of the part (traders in `moved` left out): starting balance, declared style and the season's trades. */
function seriesSql(season: Season, moved: readonly string[], part = 0, parts = 1) {
  // Trades are read through (trading_account_id, closed_at) with the typed UTC time and
  // result the merge stored, so no row is parsed; the balance at the season start is the
  // account's balance operations before it plus every trade closed before it.
  const from = sql`${utcStamp(season.startsAt)}::timestamp`;
  const to = sql`${utcStamp(season.endsAt)}::timestamp`;
  return sql`
    with acct as materialized (${verifiedAccounts(
      season,
      sql`mod(abs(hashtext(ta.user_id::text)), ${parts}) = ${part} and not (ta.user_id = any(${arrayLiteral(moved)}::uuid[]))`,
    )}),
    sb as (
      select a.user_id, sum(
        coalesce((select sum(b.amount) from balance_operations b where b.trading_account_id = a.id and b.time < a.lo), 0) +
        coalesce((select sum(t.net) from trades t where t.trading_account_id = a.id and t.closed_at < ${from}), 0)
      )::float8 as sb
      from acct a group by a.user_id
    ),
    series as (
      -- accounts in owner order, so the trades come out grouped by trader without sorting
      -- them all (only each trader's own trades are ordered, inside string_agg)
      select a.user_id, string_agg(t.season_fields, ${TRADE_SEPARATOR} order by t.closed_at, t.id) as trades
      from (select * from acct order by user_id) a
      join trades t on t.trading_account_id = a.id and t.closed_at >= ${from} and t.closed_at < ${to}
      group by a.user_id
    )
    select s.user_id, s.sb, p.trading_style as declared, x.trades
    from sb s join series x using (user_id) left join profiles p on p.user_id = s.user_id`;
}

/** Every broker server's clock is within a day of UTC: a window of server times that holds the season anywhere. */
const serverTimeBound = (d: Date, days: number) => utcStamp(new Date(d.getTime() + days * 86_400_000));

/**
 * Verified traders who moved money (a balance operation of a verified account) inside
 * the season: their return needs the exact path (`seasonPerformance` over loaded entrants).
 * Only accounts with an operation near the season are resolved to their server's window.
 */
async function movedTraders(db: Database, season: Season): Promise<string[]> {
  const rows = await readWithoutJit<{ user_id: string }>(
    db,
    sql`
      with acct as materialized (${verifiedAccounts(
        season,
        sql`ta.id in (select trading_account_id from balance_operations
          where time >= ${serverTimeBound(season.startsAt, -1)} and time < ${serverTimeBound(season.endsAt, 1)})`,
      )})
      select distinct a.user_id from acct a
      join balance_operations b on b.trading_account_id = a.id and b.time >= a.lo and b.time < a.hi`,
  );
  return rows.map((r) => r.user_id);
}

const columns = (size: number) => ({
  closedAt: new Float64Array(size),
  net: new Float64Array(size),
  holdSeconds: new Float64Array(size),
  automated: new Uint8Array(size),
  symbols: [] as string[],
});
/** Columns reused from trader to trader (read synchronously, one trader at a time). */
let scratch = columns(1024);

/** Position after the last number `readInt` read. */
let cursor = 0;

/** The integer at `at` (optional minus sign); NaN when the field is empty. Sets `cursor`. */
function readInt(text: string, at: number): number {
  let i = at;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i += 1;
  let value = 0;
  let digits = 0;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
    value = value * 10 + (c - 48);
    digits += 1;
  }
  cursor = i;
  if (digits === 0) return Number.NaN;
  return negative ? -value : value;
}

/**
 * Reads the series string into columns without a string per number (5M trades make
 * garbage collection the cost otherwise); a trader's few symbols are matched in place.
 * The columns are views of `scratch`: valid until the next call.
 */
function toSeries(r: SeriesRow): coreSeasons.TradeSeries {
  const text = r.trades;
  let n = text.length === 0 ? 0 : 1;
  for (let k = text.indexOf(TRADE_SEPARATOR); k >= 0; k = text.indexOf(TRADE_SEPARATOR, k + 1)) n += 1;
  if (scratch.closedAt.length < n) scratch = columns(n * 2);
  const { closedAt, net, holdSeconds, automated, symbols } = scratch;
  symbols.length = n;
  const known: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    closedAt[i] = readInt(text, at);
    net[i] = readInt(text, cursor + 1);
    holdSeconds[i] = readInt(text, cursor + 1);
    automated[i] = text.charCodeAt(cursor + 1) === 49 ? 1 : 0;
    const from = cursor + 3;
    let end = text.indexOf(TRADE_SEPARATOR, from);
    if (end < 0) end = text.length;
    let symbol: string | undefined;
    for (let k = 0; k < known.length && symbol === undefined; k++) {
      const candidate = known[k] as string;
      if (candidate.length === end - from && text.startsWith(candidate, from)) symbol = candidate;
    }
    if (symbol === undefined) {
      symbol = text.slice(from, end);
      known.push(symbol);
    }
    symbols[i] = symbol;
    at = end + 1;
  }
  return {
    traderId: r.user_id,
    startingBalance: Number(r.sb),
    declaredStyle: r.declared,
    closedAt: closedAt.subarray(0, n),
    net: net.subarray(0, n),
    holdSeconds: holdSeconds.subarray(0, n),
    automated: automated.subarray(0, n),
    symbols,
  };
}

type BaseRow = { user_id: string; sb: number; declared: TradingStyle | null; ranked: number };
type OpRow = {
  user_id: string;
  ticket: string | null;
  time: string;
  kind: 'deposit' | 'withdrawal' | 'credit' | 'bonus' | 'other';
  amount: number;
  comment: string | null;
};
type TradeRow = {
  user_id: string;
  ticket: string;
  position_id: string | null;
  open_time: string | null;
  close_time: string;
  side: 'buy' | 'sell';
  volume: string;
  symbol: string;
  open_price: string | null;
  close_price: string | null;
  commission: number;
  fee: number;
  swap: number;
  profit: number;
  magic: string | null;
  comment: string | null;
};

/**
 * Whole entrants (trades and balance operations in UTC, balance at the season start) of
 * every verified trader, or of the `only` traders. Used by the rollover archive and for
 * the exact path of `loadPerformances`.
 */
export async function loadEntrants(db: Database, season: Season, only?: readonly string[]): Promise<SeasonEntrant[]> {
  if (only?.length === 0) return [];
  const utc = (col: string) =>
    sql.raw(`to_char(${col}::timestamp - make_interval(mins => a.off), 'YYYY-MM-DD"T"HH24:MI:SS')`);
  const accts = sql`with acct as materialized (${verifiedAccounts(
    season,
    only === undefined ? undefined : sql`ta.user_id = any(${arrayLiteral(only)}::uuid[])`,
  )})`;
  const [base, trades, ops] = await Promise.all([
    readWithoutJit<BaseRow>(
      db,
      sql`${accts} select a.user_id, sum(
        coalesce((select sum(b.amount) from balance_operations b where b.trading_account_id = a.id and b.time < a.lo), 0) +
        coalesce((select sum(t.profit + t.swap + t.commission + t.fee) from trades t where t.trading_account_id = a.id and t.close_time < a.lo), 0))::float8 as sb,
        (select trading_style from profiles p where p.user_id = a.user_id) as declared,
        (select count(*) from season_results r where r.user_id = a.user_id and r.eligible and r.season_id < ${season.id})::int as ranked
      from acct a group by a.user_id`,
    ),
    readWithoutJit<TradeRow>(
      db,
      sql`${accts} select a.user_id, t.ticket, t.position_id, ${utc('t.open_time')} as open_time, ${utc('t.close_time')} as close_time,
        t.side, t.volume, t.symbol, t.open_price, t.close_price, t.commission::float8 as commission, t.fee::float8 as fee, t.swap::float8 as swap,
        t.profit::float8 as profit, t.magic, t.comment
      from acct a join trades t on t.trading_account_id = a.id and t.close_time >= a.lo and t.close_time < a.hi order by t.id`,
    ),
    readWithoutJit<OpRow>(
      db,
      sql`${accts} select a.user_id, b.ticket, ${utc('b.time')} as time, b.kind, b.amount::float8 as amount, b.comment
      from acct a join balance_operations b on b.trading_account_id = a.id and b.time >= a.lo and b.time < a.hi order by b.id`,
    ),
  ]);
  const entrants = new Map<
    string,
    SeasonEntrant & {
      trades: SeasonEntrant['trades'][number][];
      balanceOperations: NonNullable<SeasonEntrant['balanceOperations']>[number][];
    }
  >();
  for (const b of base) {
    entrants.set(b.user_id, {
      traderId: b.user_id,
      startingBalance: Number(b.sb),
      serverUtcOffsetMinutes: 0,
      trades: [],
      balanceOperations: [],
      previousRankedSeasons: b.ranked,
      declaredStyle: b.declared,
    });
  }
  for (const { user_id, ...t } of trades) {
    entrants.get(user_id)?.trades.push({
      ticket: t.ticket,
      positionId: t.position_id,
      openTime: t.open_time,
      closeTime: t.close_time,
      side: t.side,
      stopLoss: null,
      takeProfit: null,
      volume: t.volume,
      symbol: t.symbol,
      openPrice: t.open_price,
      closePrice: t.close_price,
      commission: t.commission,
      fee: t.fee,
      swap: t.swap,
      profit: t.profit,
      magic: t.magic,
      comment: t.comment,
    });
  }
  for (const { user_id, ...o } of ops)
    entrants.get(user_id)?.balanceOperations.push({ ...o, amount: Number(o.amount) });
  return [...entrants.values()].filter((e) => e.trades.length > 0 || e.balanceOperations.length > 0);
}

/**
 * Every verified trader's season performance, and the activity of the highlights `week`
 * (inside the season) from the same read: streamed series for most, loaded entrants for
 * traders who moved money inside the season.
 */
export async function loadPerformances(
  db: Database,
  season: Season,
  parallelism: number,
  week: Window,
): Promise<Performances> {
  // The moved traders first, so each trader is read by exactly one of the two paths.
  const movedIds = await movedTraders(db, season);
  const [series, moved] = await Promise.all([
    seriesPerformances(db, season, parallelism, week, movedIds),
    loadEntrants(db, season, movedIds),
  ]);
  for (const e of moved) {
    if (e.trades.length === 0) continue;
    series.performances.push(coreSeasons.seasonPerformance(e, season));
    const activity = coreLeaderboard.weekActivityOf(
      coreSeasons.entrantSeries(e, season),
      week.startsAt.getTime() / 1000,
      week.endsAt.getTime() / 1000,
    );
    if (activity) series.week.push(activity);
  }
  return series;
}
