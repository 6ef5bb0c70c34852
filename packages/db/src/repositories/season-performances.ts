import { seasons as coreSeasons, type ranking } from '@clantrader/core';

type Season = coreSeasons.Season;
type SeasonEntrant = coreSeasons.SeasonEntrant;
type TradingStyle = ranking.TradingStyle;
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf, verifiedAccounts } from './season-sql';

type AggRow = {
  user_id: string;
  sb: number;
  net: number;
  wiped: boolean;
  max_dd: number | null;
  trades: number;
  trading_days: number;
  first_ct: string | null;
  sharpe: number | null;
  syms: string[] | null;
  sym_trades: number[] | null;
  sym_wins: number[] | null;
  sym_net: number[] | null;
  declared: TradingStyle | null;
  automated: number;
  median_hold: number | null;
};

/**
 * Season performances aggregated per trader in SQL, mirroring `seasons.seasonPerformance`
 * (int tests compare both on the worked example): return (closed-trade balance, -100 once
 * wiped), MetaTrader maximal drawdown via running peaks, Sharpe of weekday daily returns
 * (days without closes count 0), trades, UTC trading days, first trade, instruments,
 * style. Traders with deposits or withdrawals inside the season are left out here and
 * computed exactly by core from their loaded trades (`loadPerformances`).
 */
async function aggregate(db: Database, season: Season, parts: number): Promise<AggRow[]> {
  // Window functions run on one core per query: traders are split by a hash of their id
  // into `parts` independent queries that the server runs side by side.
  const chunks = await Promise.all(
    Array.from({ length: parts }, (_, part) =>
      db.transaction(async (tx) => {
        // One sort of the season's trades feeds every window; give it memory instead of disk.
        await tx.execute(sql`set local work_mem = '384MB'`);
        await tx.execute(sql`set local jit = off`);
        return rowsOf<AggRow>(await tx.execute(aggregateSql(season, part, parts)));
      }),
    ),
  );
  return chunks.flat();
}

const utcStamp = (d: Date) => d.toISOString().slice(0, 19);

function aggregateSql(season: Season, part = 0, parts = 1) {
  // Balance-relative figures are computed on cumulative P/L (independent of the starting
  // balance) so the 5M-row pass needs one sort and no join; the balance enters per trader.
  // Trades are read through (trading_account_id, closed_at) in the accounts' table order
  // (close to the order trades were merged in), with the typed UTC time and result the
  // merge stored, so no row is parsed. Days need no second pass over trades for Sharpe:
  // one window over the trader's days gives the mean the variance needs.
  const from = sql`${utcStamp(season.startsAt)}::timestamp`;
  const to = sql`${utcStamp(season.endsAt)}::timestamp`;
  return sql`
    with acct as materialized (select * from (${verifiedAccounts(season)}) v where mod(abs(hashtext(v.user_id::text)), ${parts}) = ${part}),
    moved as materialized (select distinct a.user_id from acct a join balance_operations b on b.trading_account_id = a.id and b.time >= a.lo and b.time < a.hi),
    sb as materialized (
      select a.user_id, sum(
        coalesce((select sum(b.amount) from balance_operations b where b.trading_account_id = a.id and b.time < a.lo), 0) +
        coalesce((select sum(t.net) from trades t where t.trading_account_id = a.id and t.closed_at < ${from}), 0)
      )::float8 as sb
      from acct a where a.user_id not in (select user_id from moved) group by a.user_id
    ),
    tr as materialized (
      select a.user_id, t.id, t.closed_at as ct, t.net::float8 as net,
        t.symbol, (t.magic is not null and t.magic <> '0') as automated, extract(epoch from t.closed_at - t.opened_at) / 60 as hold
      from acct a join trades t on t.trading_account_id = a.id and t.closed_at >= ${from} and t.closed_at < ${to}
      where a.user_id not in (select user_id from moved)
    ),
    per_user as (
      select user_id, sum(net) as net, min(cum - net) filter (where net <> 0) as low_before,
        max(max_fall) as max_fall, min(peak) filter (where fall = max_fall and fall > 0) as peak_at_max,
        count(*)::int as trades, min(ct) as first_ct, max(ct) as last_ct,
        count(*) filter (where automated)::int as automated,
        percentile_cont(0.5) within group (order by hold) as median_hold
      from (
        select s2.*, peak - cum as fall, max(peak - cum) over (partition by user_id) as max_fall
        from (
          select s1.*, greatest(0, max(cum) over w) as peak
          from (select user_id, id, ct, net, automated, hold, sum(net) over w as cum from tr window w as (partition by user_id order by ct, id rows unbounded preceding)) s1
          window w as (partition by user_id order by ct, id rows unbounded preceding)
        ) s2
      ) s3
      group by user_id
    ),
    days as (
      select x.user_id, x.d, x.res, sb.sb + sum(x.res) over (partition by x.user_id order by x.d) - x.res as start
      from (select user_id, ct::date as d, sum(net) as res from tr group by user_id, ct::date) x join sb using (user_id)
    ),
    rets as (
      select user_id, r, count(r) over u as k, count(*) over u as trading_days, sum(r) over u as r_sum,
        ((max(d) over u - date '1970-01-01' + 4) / 7) * 5 + least((max(d) over u - date '1970-01-01' + 4) % 7, 5)
        - (((min(d) over u - date '1970-01-01' + 3) / 7) * 5 + least((min(d) over u - date '1970-01-01' + 3) % 7, 5)) as n
      from (select days.*, case when extract(isodow from d) < 6 then case when start > 0 then res / start else 0 end end as r from days) x
      window u as (partition by user_id)
    ),
    sharpe as (
      select user_id, min(trading_days)::int as trading_days, min(m) as m,
        case when min(n) >= 2 then (coalesce(sum((r - m) ^ 2), 0) + min(n - k) * min(m) ^ 2) / (min(n) - 1) end as var
      from (select rets.*, coalesce(r_sum, 0) / nullif(n, 0) as m from rets) y group by user_id
    ),
    syms as (
      select user_id, array_agg(symbol order by symbol) as syms, array_agg(c order by symbol) as sym_trades,
        array_agg(w order by symbol) as sym_wins, array_agg(n order by symbol) as sym_net
      from (select user_id, symbol, count(*)::int as c, count(*) filter (where net > 0)::int as w, sum(net) as n from tr group by user_id, symbol) x
      group by user_id
    )
    select sb.user_id, sb.sb, u.net, coalesce(sb.sb + u.low_before <= 0, false) as wiped,
      case when u.max_fall > 0 and sb.sb + u.peak_at_max > 0 then u.max_fall / (sb.sb + u.peak_at_max) * 100 else 0 end as max_dd,
      u.trades, s.trading_days, to_char(u.first_ct, 'YYYY-MM-DD"T"HH24:MI:SS') as first_ct,
      case when s.var > 0 then s.m / sqrt(s.var) * sqrt(252) end as sharpe, y.syms, y.sym_trades, y.sym_wins, y.sym_net,
      p.trading_style as declared, u.automated, u.median_hold
    from sb join per_user u using (user_id) join sharpe s using (user_id) left join syms y using (user_id)
    left join profiles p on p.user_id = sb.user_id`;
}

function styleOf(r: AggRow): TradingStyle | null {
  if (r.declared) return r.declared;
  if (r.trades === 0) return null;
  if (r.automated * 2 >= r.trades) return 'algorithmic';
  if (r.median_hold === null) return null;
  const limits = coreSeasons.STYLE_HOLDING_LIMITS;
  if (r.median_hold < limits.scalper) return 'scalper';
  if (r.median_hold < limits.day_trader) return 'day_trader';
  if (r.median_hold < limits.swing_trader) return 'swing_trader';
  return 'position_trader';
}

function toPerformance(r: AggRow): ranking.TraderPerformance {
  const sb = Number(r.sb);
  const syms = r.syms ?? [];
  return {
    traderId: r.user_id,
    startingBalance: sb,
    netProfit: Number(r.net),
    returnPct: r.wiped ? -100 : r.trades === 0 ? 0 : (Number(r.net) / sb) * 100,
    sharpe: r.sharpe === null ? null : Number(r.sharpe),
    maxDrawdownPct: Number(r.max_dd ?? 0),
    tradeCount: r.trades,
    tradingDays: r.trading_days,
    firstTradeAt: r.first_ct,
    bestTrade: null,
    instruments: syms
      .map((symbol, i) => {
        const net = Number(r.sym_net?.[i] ?? 0);
        return {
          symbol,
          trades: Number(r.sym_trades?.[i] ?? 0),
          wins: Number(r.sym_wins?.[i] ?? 0),
          net,
          returnPct: sb > 0 ? (net / sb) * 100 : 0,
        };
      })
      .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0)),
    style: styleOf(r),
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

/** Every verified trader's season performance: SQL aggregates, core for traders who moved money. */
export async function loadPerformances(db: Database, season: Season, parts = 1): Promise<ranking.TraderPerformance[]> {
  const [agg, moved] = await Promise.all([aggregate(db, season, parts), loadEntrants(db, season, true)]);
  return [
    ...agg.map(toPerformance),
    ...moved.filter((e) => e.trades.length > 0).map((e) => coreSeasons.seasonPerformance(e, season)),
  ];
}
