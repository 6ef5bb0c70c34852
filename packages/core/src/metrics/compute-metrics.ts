import type { BalanceOperation, ClosedTrade } from '../statements/model';
import { computeDrawdown } from './drawdown';
import type { BalancePoint, Metrics, TradeResult } from './model';
import {
  computeDailyReturns,
  computeMonthlyReturns,
  computeSharpeSortino,
  computeTimeWeightedReturn,
  countDays,
} from './returns';
import { computeTradeStats } from './trade-stats';

export type MetricsInput = {
  closedTrades: ClosedTrade[];
  balanceOperations: BalanceOperation[];
  /** Balance before the first event; 0 when the report starts with the first deposit. */
  openingBalance?: number;
};

/** A trade's result in cents as MetaTrader counts it: profit + swap + commission + fee. */
export function tradeNet(t: ClosedTrade): number {
  return t.profit + t.swap + t.commission + t.fee;
}

/**
 * The balance curve: trade closes and balance operations merged in time order (stable:
 * equal times keep report order, balance operations first).
 */
export function buildBalanceCurve(input: MetricsInput): BalancePoint[] {
  type Ev = { time: string; flow: number; result: number; seq: number };
  const events: Ev[] = [
    ...input.balanceOperations.map((b, i) => ({ time: b.time, flow: b.amount, result: 0, seq: i })),
    ...input.closedTrades.map((t, i) => ({ time: t.closeTime, flow: 0, result: tradeNet(t), seq: 1e9 + i })),
  ].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.seq - b.seq));
  let balance = input.openingBalance ?? 0;
  return events.map((e) => {
    balance += e.flow + e.result;
    return { time: e.time, balance, flow: e.flow, result: e.result };
  });
}

/**
 * Derives performance metrics from normalized trades. Balance operations (deposits,
 * withdrawals, credit, bonus) move the balance but are never profit; see docs/metrics.md
 * for each formula and its annualisation.
 */
export function computeMetrics(input: MetricsInput): Metrics {
  const opening = input.openingBalance ?? 0;
  const trades: TradeResult[] = [...input.closedTrades]
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.closeTime < b.t.closeTime ? -1 : a.t.closeTime > b.t.closeTime ? 1 : a.i - b.i))
    .map(({ t }) => ({ closeTime: t.closeTime, side: t.side, symbol: t.symbol, net: tradeNet(t) }));
  const stats = computeTradeStats(trades);
  const curve = buildBalanceCurve(input);
  const drawdown = computeDrawdown(opening, curve);
  const deposits = input.balanceOperations.filter((b) => b.amount > 0).reduce((a, b) => a + b.amount, 0);
  const withdrawals = input.balanceOperations.filter((b) => b.amount < 0).reduce((a, b) => a + b.amount, 0);
  const { sharpe, sortino } = computeSharpeSortino(computeDailyReturns(opening, curve));
  const invested = opening + deposits;
  const times = [...input.closedTrades.map((t) => t.openTime ?? t.closeTime), ...curve.map((p) => p.time)].sort();
  const firstTime = times[0] ?? null;
  const lastTime = times[times.length - 1] ?? null;
  return {
    ...stats,
    openingBalance: opening,
    deposits,
    withdrawals,
    drawdown,
    recoveryFactor: drawdown.maximal === 0 ? null : stats.netProfit / drawdown.maximal,
    timeWeightedReturnPct: computeTimeWeightedReturn(opening, curve),
    absoluteGainPct: invested > 0 ? (stats.netProfit / invested) * 100 : null,
    sharpeAnnualized: sharpe,
    sortinoAnnualized: sortino,
    firstTime,
    lastTime,
    tradingDays: countDays(firstTime, lastTime),
    symbols: [...new Set(trades.map((t) => t.symbol).filter(Boolean))].sort(),
    monthlyReturns: computeMonthlyReturns(opening, curve),
  };
}
