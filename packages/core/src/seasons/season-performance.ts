import { buildBalanceCurve, tradeNet } from '../metrics/compute-metrics';
import { computeDrawdown } from '../metrics/drawdown';
import { computeDailyReturns, computeSharpeSortino, computeTimeWeightedReturn } from '../metrics/returns';
import type { BestTrade, InstrumentStats, TraderPerformance } from '../ranking/model';
import type { BalanceOperation, ClosedTrade } from '../statements/model';
import type { SeasonEntrant, Window } from './model';
import { deriveTradingStyle } from './trading-style';

/** Broker server time -> UTC in the same "YYYY-MM-DDTHH:mm:ss" shape. */
export function toUtcTime(serverTime: string, offsetMinutes: number): string {
  return new Date(Date.parse(`${serverTime}Z`) - offsetMinutes * 60_000).toISOString().slice(0, 19);
}

const isoUtc = (d: Date) => d.toISOString().slice(0, 19);

type UtcData = { trades: ClosedTrade[]; ops: BalanceOperation[] };

/** The entrant's trades and balance operations in UTC, in time order (stable), split by window. */
function inUtc(e: SeasonEntrant): UtcData {
  const off = e.serverUtcOffsetMinutes;
  const trades = e.trades
    .map((t) => ({ ...t, closeTime: toUtcTime(t.closeTime, off), openTime: t.openTime && toUtcTime(t.openTime, off) }))
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.closeTime < b.t.closeTime ? -1 : a.t.closeTime > b.t.closeTime ? 1 : a.i - b.i))
    .map(({ t }) => t);
  const ops = (e.balanceOperations ?? []).map((b) => ({ ...b, time: toUtcTime(b.time, off) }));
  return { trades, ops };
}

const inside = (time: string, w: Window) => time >= isoUtc(w.startsAt) && time < isoUtc(w.endsAt);

/** Each trade's result over the balance just before it (operations at the same second come first). */
function bestTradeOf(start: number, trades: ClosedTrade[], ops: BalanceOperation[]): BestTrade | null {
  const flows = [...ops].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  let balance = start;
  let k = 0;
  let best: BestTrade | null = null;
  for (const t of trades) {
    while (k < flows.length && (flows[k] as BalanceOperation).time <= t.closeTime)
      balance += (flows[k++] as BalanceOperation).amount;
    const net = tradeNet(t);
    const returnPct = balance > 0 ? (net / balance) * 100 : 0;
    if (!best || returnPct > best.returnPct) best = { symbol: t.symbol, closedAt: t.closeTime, net, returnPct };
    balance += net;
  }
  return best;
}

function instrumentStats(start: number, trades: ClosedTrade[]): InstrumentStats[] {
  const by = new Map<string, InstrumentStats>();
  for (const t of trades) {
    const s = by.get(t.symbol) ?? { symbol: t.symbol, trades: 0, wins: 0, net: 0, returnPct: 0 };
    const net = tradeNet(t);
    s.trades += 1;
    s.wins += net > 0 ? 1 : 0;
    s.net += net;
    s.returnPct = start > 0 ? (s.net / start) * 100 : 0;
    by.set(t.symbol, s);
  }
  return [...by.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}

/**
 * A trader's performance from verified trades CLOSED inside `window` (UTC, end
 * exclusive), with `entrant.startingBalance` as the balance at `window.startsAt` (use
 * `rollForward` for a window that starts later than the balance's date). Return is
 * time-weighted, drawdown and Sharpe use the metrics engine on the window's balance
 * curve; days are UTC days. See docs/ranking.md.
 */
export function seasonPerformance(entrant: SeasonEntrant, window: Window): TraderPerformance {
  const all = inUtc(entrant);
  const trades = all.trades.filter((t) => inside(t.closeTime, window));
  const ops = all.ops.filter((b) => inside(b.time, window));
  const start = entrant.startingBalance;
  const curve = buildBalanceCurve({ closedTrades: trades, balanceOperations: ops, openingBalance: start });
  const twr = trades.length === 0 ? 0 : computeTimeWeightedReturn(start, curve);
  return {
    traderId: entrant.traderId,
    startingBalance: start,
    netProfit: trades.reduce((a, t) => a + tradeNet(t), 0),
    // null: the balance was gone before a trade (wiped), or no trade had a result at all
    returnPct: twr ?? (trades.some((t) => tradeNet(t) !== 0) ? -100 : 0),
    sharpe: computeSharpeSortino(computeDailyReturns(start, curve)).sharpe,
    maxDrawdownPct: computeDrawdown(start, curve).maximalPct,
    tradeCount: trades.length,
    tradingDays: new Set(trades.map((t) => t.closeTime.slice(0, 10))).size,
    firstTradeAt: trades[0]?.closeTime ?? null,
    bestTrade: bestTradeOf(start, trades, ops),
    instruments: instrumentStats(start, trades),
    style: entrant.declaredStyle ?? deriveTradingStyle(trades),
  };
}

/**
 * The entrant as of `to`, given its starting balance at `from`: the balance advanced by
 * every trade and balance operation in [from, to) (UTC). Lets a weekly window inside a
 * season reuse `seasonPerformance`: `seasonPerformance(rollForward(e, season.startsAt,
 * week.startsAt), week)`.
 */
export function rollForward(entrant: SeasonEntrant, from: Date, to: Date): SeasonEntrant {
  const all = inUtc(entrant);
  const span = { startsAt: from, endsAt: to };
  const moved =
    all.trades.filter((t) => inside(t.closeTime, span)).reduce((a, t) => a + tradeNet(t), 0) +
    all.ops.filter((b) => inside(b.time, span)).reduce((a, b) => a + b.amount, 0);
  return { ...entrant, startingBalance: entrant.startingBalance + moved };
}
