import { buildBalanceCurve, computeMetrics } from '../metrics/compute-metrics';
import { inferOpeningBalance } from '../metrics/check-expected';
import type { Metrics } from '../metrics/model';
import { centsToDecimal } from '../statements/parse-values';
import type { ParsedStatement } from '../statements/parsed-statement';
import { STATEMENT_UPLOAD_LIMITS, type CurvePoint, type FigureComparison, type StatementReport } from './model';

/**
 * Everything processing stores about a parsed statement: the account it names, the
 * figures it prints beside the recomputed ones (what a reviewer compares), headline stats,
 * monthly returns, instruments and a bounded balance curve. Pure.
 */
export function buildReport(parsed: ParsedStatement): StatementReport {
  const input = {
    closedTrades: parsed.closedTrades,
    balanceOperations: parsed.balanceOperations,
    openingBalance: inferOpeningBalance(parsed),
  };
  const metrics = computeMetrics(input);
  const full = buildBalanceCurve(input);
  const finalBalance = full[full.length - 1]?.balance ?? metrics.openingBalance;
  const { login, broker, server, currency, leverage } = parsed.account;
  return {
    format: parsed.format,
    account: { login, broker, server, currency, leverage },
    stated: parsed.stated,
    figures: compareFigures(parsed, metrics, finalBalance),
    stats: {
      tradeCount: metrics.tradeCount,
      netProfit: metrics.netProfit,
      grossProfit: metrics.grossProfit,
      grossLoss: metrics.grossLoss,
      profitFactor: metrics.profitFactor,
      winRatePct: metrics.winRatePct,
      expectedPayoff: metrics.expectedPayoff,
      maxDrawdown: metrics.drawdown.maximal,
      maxDrawdownPct: metrics.drawdown.maximalPct,
      timeWeightedReturnPct: metrics.timeWeightedReturnPct,
      absoluteGainPct: metrics.absoluteGainPct,
      sharpeAnnualized: metrics.sharpeAnnualized,
      openingBalance: metrics.openingBalance,
      finalBalance,
      deposits: metrics.deposits,
      withdrawals: metrics.withdrawals,
      tradingDays: metrics.tradingDays,
      firstTime: metrics.firstTime,
      lastTime: metrics.lastTime,
    },
    monthlyReturns: metrics.monthlyReturns,
    instruments: [...new Set(metrics.symbols.map((s) => s.toUpperCase()))].sort(),
    curve: downsample(full.map((p) => ({ time: p.time, balance: p.balance }))),
  };
}

const money = (cents: number | null) => (cents === null ? null : centsToDecimal(Math.round(cents)));
const ratio = (n: number | null) => (n === null ? null : n.toFixed(2));
const pct = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

function compareFigures(p: ParsedStatement, m: Metrics, finalBalance: number): FigureComparison[] {
  const s = p.stated;
  const rows: [string, string | number | null | undefined, string | number | null][] = [
    ['balance', s.balance, money(finalBalance)],
    ['totalNetProfit', s.totalNetProfit, money(m.netProfit)],
    ['grossProfit', s.grossProfit, money(m.grossProfit)],
    ['grossLoss', s.grossLoss, money(m.grossLoss)],
    ['profitFactor', s.profitFactor, ratio(m.profitFactor)],
    ['expectedPayoff', s.expectedPayoff, money(m.expectedPayoff)],
    ['totalTrades', s.totalTrades, m.tradeCount],
    ['profitTrades', s.profitTrades, m.profitTrades],
    ['lossTrades', s.lossTrades, m.lossTrades],
    ['maxDrawdown', s.maxDrawdown, money(m.drawdown.maximal)],
    ['maxDrawdownPct', s.maxDrawdownPct, pct(m.drawdown.maximalPct)],
  ];
  return rows.map(([key, stated, computed]) => ({ key, stated: stated ?? null, computed }));
}

/** Keeps at most maxCurvePoints evenly spaced points, always the first and the last. */
export function downsample(points: CurvePoint[]): CurvePoint[] {
  const max = STATEMENT_UPLOAD_LIMITS.maxCurvePoints;
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]).filter((p): p is CurvePoint => !!p);
}
