import { leaderboard as coreLeaderboard, seasons as coreSeasons, type ranking } from '@clantrader/core';

type Season = coreSeasons.Season;
type SeasonEntrant = coreSeasons.SeasonEntrant;
type Window = coreSeasons.Window;
type TradingStyle = ranking.TradingStyle;
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf, verifiedAccounts } from './season-sql';

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

async function seriesPerformances(db: Database, season: Season, parts: number, week: Window): Promise<Performances> {
  const from = week.startsAt.getTime() / 1000;
  const to = week.endsAt.getTime() / 1000;
  const out: Performances = { performances: [], week: [] };
  // Traders are split by a hash of their id into `parts` independent queries that the
  // server runs side by side (one core each); each part is computed as soon as it arrives.
  await Promise.all(
    Array.from({ length: parts }, async (_, part) => {
      const rows = await db.transaction(async (tx) => {
        // The per-trader ordering sorts in memory, not on disk.
        await tx.execute(sql`set local work_mem = '256MB'`);
        await tx.execute(sql`set local jit = off`);
        return rowsOf<SeriesRow>(await tx.execute(seriesSql(season, part, parts)));
      });
      for (const r of rows) {
        const series = toSeries(r);
        out.performances.push(coreSeasons.seriesPerformance(series));
        const activity = coreLeaderboard.weekActivityOf(series, from, to);
        if (activity) out.week.push(activity);
      }
    }),
  );
  return out;
}

const utcStamp = (d: Date) => d.toISOString().slice(0, 19);

/** One row per trader of the part: starting balance, declared style and the season's trades. */
function seriesSql(season: Season, part = 0, parts = 1) {
  // Trades are read through (trading_account_id, closed_at) with the typed UTC time and
  // result the merge stored, so no row is parsed; the balance at the season start is the
  // account's balance operations before it plus every trade closed before it.
  const from = sql`${utcStamp(season.startsAt)}::timestamp`;
  const to = sql`${utcStamp(season.endsAt)}::timestamp`;
  return sql`
    with acct as materialized (select * from (${verifiedAccounts(season)}) v where mod(abs(hashtext(v.user_id::text)), ${parts}) = ${part}),
    moved as materialized (select distinct a.user_id from acct a join balance_operations b on b.trading_account_id = a.id and b.time >= a.lo and b.time < a.hi),
    sb as (
      select a.user_id, sum(
        coalesce((select sum(b.amount) from balance_operations b where b.trading_account_id = a.id and b.time < a.lo), 0) +
        coalesce((select sum(t.net) from trades t where t.trading_account_id = a.id and t.closed_at < ${from}), 0)
      )::float8 as sb
      from acct a where a.user_id not in (select user_id from moved) group by a.user_id
    ),
    series as (
      -- accounts in owner order, so the trades come out grouped by trader without sorting
      -- them all (only each trader's own trades are ordered, inside string_agg)
      select a.user_id, string_agg(t.season_fields, ${TRADE_SEPARATOR} order by t.closed_at, t.id) as trades
      from (select * from acct where user_id not in (select user_id from moved) order by user_id) a
      join trades t on t.trading_account_id = a.id and t.closed_at >= ${from} and t.closed_at < ${to}
      group by a.user_id
    )
    select s.user_id, s.sb, p.trading_style as declared, x.trades
    from sb s join series x using (user_id) left join profiles p on p.user_id = s.user_id`;
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
 * every verified trader, or of `onlyMoved` traders with balance operations inside the
 * season. Used by the rollover archive and for the exact path of `loadPerformances`.
 */
export async function loadEntrants(db: Database, season: Season, onlyMoved = false): Promise<SeasonEntrant[]> {
  const utc = (col: string) =>
    sql.raw(`to_char(${col}::timestamp - make_interval(mins => a.off), 'YYYY-MM-DD"T"HH24:MI:SS')`);
  const pick = onlyMoved
    ? sql`where exists (select 1 from acct a2 join balance_operations b on b.trading_account_id = a2.id and b.time >= a2.lo and b.time < a2.hi where a2.user_id = a.user_id)`
    : sql``;
  const accts = sql`with acct as materialized (${verifiedAccounts(season)})`;
  const [base, trades, ops] = await Promise.all([
    db.execute(sql`${accts} select a.user_id, sum(
        coalesce((select sum(b.amount) from balance_operations b where b.trading_account_id = a.id and b.time < a.lo), 0) +
        coalesce((select sum(t.profit + t.swap + t.commission + t.fee) from trades t where t.trading_account_id = a.id and t.close_time < a.lo), 0))::float8 as sb,
        (select trading_style from profiles p where p.user_id = a.user_id) as declared,
        (select count(*) from season_results r where r.user_id = a.user_id and r.eligible and r.season_id < ${season.id})::int as ranked
      from acct a ${pick} group by a.user_id`),
    db.execute(sql`${accts} select a.user_id, t.ticket, t.position_id, ${utc('t.open_time')} as open_time, ${utc('t.close_time')} as close_time,
        t.side, t.volume, t.symbol, t.open_price, t.close_price, t.commission::float8 as commission, t.fee::float8 as fee, t.swap::float8 as swap,
        t.profit::float8 as profit, t.magic, t.comment
      from acct a join trades t on t.trading_account_id = a.id and t.close_time >= a.lo and t.close_time < a.hi ${pick} order by t.id`),
    db.execute(sql`${accts} select a.user_id, b.ticket, ${utc('b.time')} as time, b.kind, b.amount::float8 as amount, b.comment
      from acct a join balance_operations b on b.trading_account_id = a.id and b.time >= a.lo and b.time < a.hi ${pick} order by b.id`),
  ]);
  const entrants = new Map<
    string,
    SeasonEntrant & {
      trades: SeasonEntrant['trades'][number][];
      balanceOperations: NonNullable<SeasonEntrant['balanceOperations']>[number][];
    }
  >();
  for (const b of rowsOf<{ user_id: string; sb: number; declared: TradingStyle | null; ranked: number }>(base)) {
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
  for (const { user_id, ...t } of rowsOf<TradeRow>(trades)) {
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
  type OpRow = {
    user_id: string;
    ticket: string | null;
    time: string;
    kind: 'deposit' | 'withdrawal' | 'credit' | 'bonus' | 'other';
    amount: number;
    comment: string | null;
  };
  for (const { user_id, ...o } of rowsOf<OpRow>(ops))
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
  parts: number,
  week: Window,
): Promise<Performances> {
  const [series, moved] = await Promise.all([
    seriesPerformances(db, season, parts, week),
    loadEntrants(db, season, true),
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
