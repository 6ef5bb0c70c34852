import type { BestTrade, InstrumentStats, TraderPerformance, TradingStyle } from '../ranking/model';
import type { SeasonEntrant, Window } from './model';
import { STYLE_HOLDING_LIMITS } from './trading-style';

/**
 * A trader's closed trades of one season as plain columns, in close order (UTC time,
 * then merge order): what the store streams for the 100k-trader season pass instead of
 * one object per trade. Only for traders without balance operations inside the season
 * (their curve is the starting balance plus trade results); others go through
 * `seasonPerformance`.
 */
export type TradeSeries = {
  traderId: string;
  startingBalance: number;
  declaredStyle: TradingStyle | null;
  /** UTC close times in whole seconds since the epoch, ascending. */
  closedAt: ArrayLike<number>;
  /** Each trade's result (profit + swap + commission + fee), in cents. */
  net: ArrayLike<number>;
  /** Seconds from open to close; NaN when the report gave no open time. */
  holdSeconds: ArrayLike<number>;
  /** 1 when the trade carries an EA magic number other than 0. */
  automated: ArrayLike<number>;
  symbols: ArrayLike<string>;
};

const DAY_S = 86_400;
/** The UTC day number (days since 1970-01-01) of a series close time. */
export const utcDayOf = (seconds: number) => Math.floor(seconds / DAY_S);
/** A series close time as core's UTC times read ("YYYY-MM-DDTHH:mm:ss"). */
export const isoUtc = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19);

/** Weekday count (Mon-Fri) of the day numbers first..last, inclusive; 1970-01-01 was a Thursday. */
function weekdaysBetween(first: number, last: number): number {
  const upTo = (d: number) => Math.floor((d + 4) / 7) * 5 + Math.min((d + 4) % 7, 5);
  return upTo(last) - upTo(first - 1);
}

/** Hold times of one trader at a time (reused: one allocation, not one per trader). */
let holdScratch = new Float64Array(256);

function styleOf(s: TradeSeries): TradingStyle | null {
  if (s.declaredStyle) return s.declaredStyle;
  const n = s.net.length;
  if (n === 0) return null;
  let automated = 0;
  let known = 0;
  if (holdScratch.length < n) holdScratch = new Float64Array(n * 2);
  const holds = holdScratch;
  for (let i = 0; i < n; i++) {
    automated += s.automated[i] as number;
    const hold = s.holdSeconds[i] as number;
    if (!Number.isNaN(hold)) holds[known++] = hold / 60;
  }
  if (automated * 2 >= n) return 'algorithmic';
  if (known === 0) return null;
  const sorted = holds.subarray(0, known).sort();
  const mid = known >> 1;
  const median = known % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  if (median < STYLE_HOLDING_LIMITS.scalper) return 'scalper';
  if (median < STYLE_HOLDING_LIMITS.day_trader) return 'day_trader';
  if (median < STYLE_HOLDING_LIMITS.swing_trader) return 'swing_trader';
  return 'position_trader';
}

/**
 * The same `TraderPerformance` `seasonPerformance` computes for an entrant without
 * balance operations in the window (a property test holds the two together), in one pass
 * over the columns: time-weighted return (-100 once the balance is gone), MetaTrader
 * maximal drawdown of the closed-trade balance, Sharpe of weekday daily returns (weekdays
 * without closes count 0, each day over the balance before its first close), UTC trading
 * days, best trade over the balance before it, per-instrument totals and the style.
 */
export function seriesPerformance(s: TradeSeries): TraderPerformance {
  const n = s.net.length;
  const start = s.startingBalance;
  let balance = start;
  let growth = 1;
  let wiped = false;
  let peak = start;
  let maxFall = 0;
  let maxFallPct = 0;
  let bestAt = -1;
  let bestPct = 0;
  // Daily returns of weekdays with closes, r = day result / balance before the day, kept
  // as count, mean and sum of squared deviations (Welford), so no array per trader.
  let day = Number.NaN;
  let dayResult = 0;
  let dayStart = 0;
  let tradingDays = 0;
  let returnCount = 0;
  let mean = 0;
  let squares = 0;
  const bySymbol = new Map<string, InstrumentStats>();
  for (let i = 0; i <= n; i++) {
    const d = i < n ? utcDayOf(s.closedAt[i] as number) : Number.NaN;
    if (d !== day) {
      // the previous day is complete (NaN never equals: the last day closes after the loop)
      const weekday = (day + 4) % 7;
      if (!Number.isNaN(day) && weekday !== 0 && weekday !== 6) {
        const r = dayStart > 0 ? dayResult / dayStart : 0;
        returnCount += 1;
        const delta = r - mean;
        mean += delta / returnCount;
        squares += delta * (r - mean);
      }
      if (i === n) break;
      day = d;
      dayResult = 0;
      dayStart = balance;
      tradingDays += 1;
    }
    const net = s.net[i] as number;
    dayResult += net;
    if (net !== 0) {
      if (balance <= 0) wiped = true;
      else growth *= 1 + net / balance;
    }
    const returnPct = balance > 0 ? (net / balance) * 100 : 0;
    if (bestAt < 0 || returnPct > bestPct) {
      bestAt = i;
      bestPct = returnPct;
    }
    balance += net;
    if (balance > peak) peak = balance;
    const fall = peak - balance;
    if (fall > maxFall) {
      maxFall = fall;
      maxFallPct = peak > 0 ? (fall / peak) * 100 : 0;
    }
    const symbol = s.symbols[i] as string;
    let stats = bySymbol.get(symbol);
    if (!stats) {
      stats = { symbol, trades: 0, wins: 0, net: 0, returnPct: 0 };
      bySymbol.set(symbol, stats);
    }
    stats.trades += 1;
    stats.wins += net > 0 ? 1 : 0;
    stats.net += net;
  }
  const best: BestTrade | null =
    bestAt < 0
      ? null
      : {
          symbol: s.symbols[bestAt] as string,
          closedAt: isoUtc(s.closedAt[bestAt] as number),
          net: s.net[bestAt] as number,
          returnPct: bestPct,
        };
  const first = n > 0 ? utcDayOf(s.closedAt[0] as number) : 0;
  const days = n > 0 ? weekdaysBetween(first, day) : 0;
  let sharpe: number | null = null;
  if (days >= 2) {
    // Weekdays without closes are zero returns: merged in as one group of (days - count)
    // zeros (Chan's update), then the sample variance as computeSharpeSortino takes it.
    const zeros = days - returnCount;
    const delta = -mean;
    const allMean = mean + (delta * zeros) / days;
    const allSquares = squares + (delta * delta * returnCount * zeros) / days;
    const variance = allSquares / (days - 1);
    sharpe = variance > 0 ? (allMean / Math.sqrt(variance)) * Math.sqrt(252) : null;
  }
  const instruments = [...bySymbol.values()]
    .map((x) => ({ ...x, returnPct: start > 0 ? (x.net / start) * 100 : 0 }))
    .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  return {
    traderId: s.traderId,
    startingBalance: start,
    netProfit: balance - start,
    returnPct: n === 0 ? 0 : wiped ? -100 : (growth - 1) * 100,
    sharpe,
    maxDrawdownPct: maxFallPct,
    tradeCount: n,
    tradingDays,
    firstTradeAt: n > 0 ? isoUtc(s.closedAt[0] as number) : null,
    bestTrade: best,
    instruments,
    style: styleOf(s),
  };
}

/**
 * The entrant's trades closed inside `window`, as the store would stream them: UTC, in
 * close order (ties: the entrant's order). Balance operations are not part of a series.
 */
export function entrantSeries(e: SeasonEntrant, window: Window): TradeSeries {
  const seconds = (serverTime: string) => Date.parse(`${serverTime}Z`) / 1000 - e.serverUtcOffsetMinutes * 60;
  const lo = window.startsAt.getTime() / 1000;
  const hi = window.endsAt.getTime() / 1000;
  const trades = e.trades
    .map((t, i) => ({ t, i, at: seconds(t.closeTime) }))
    .filter((x) => x.at >= lo && x.at < hi)
    .sort((a, b) => a.at - b.at || a.i - b.i);
  return {
    traderId: e.traderId,
    startingBalance: e.startingBalance,
    declaredStyle: e.declaredStyle,
    closedAt: trades.map((x) => x.at),
    net: trades.map(({ t }) => t.profit + t.swap + t.commission + t.fee),
    holdSeconds: trades.map(({ t, at }) => (t.openTime === null ? Number.NaN : at - seconds(t.openTime))),
    automated: trades.map(({ t }) => (t.magic !== null && t.magic !== '0' ? 1 : 0)),
    symbols: trades.map(({ t }) => t.symbol),
  };
}
