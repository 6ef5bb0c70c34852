import type { BalancePoint, Drawdown } from './model';

/**
 * MetaTrader-compatible balance drawdown. The curve is the starting capital (opening
 * balance plus the deposits made before the first trade) plus cumulative trade results;
 * withdrawals, and any balance operation after trading has begun, are left out, so moving
 * money is never a drawdown. This reproduces the figures MT4 statements and MT5 reports
 * print, including MT4's >100% percentages after a later top-up and MT5's percentage base
 * that ignores a withdrawal made before trading (see docs/metrics.md).
 *  - absolute: starting capital minus the lowest point below it (0 if never below);
 *  - maximal: largest peak-to-trough fall in money, with that fall as % of its peak;
 *  - relative: largest fall in % of its peak, with its money amount.
 */
export function computeDrawdown(opening: number, points: BalancePoint[]): Drawdown {
  let capital = opening;
  let started = false;
  let pnl = 0;
  let peak = 0;
  let lowest = Number.POSITIVE_INFINITY;
  const dd: Drawdown = { absolute: 0, maximal: 0, maximalPct: 0, relativePct: 0, relative: 0 };
  for (const p of points) {
    if (!started && p.result === 0) {
      if (p.flow > 0) capital += p.flow;
      continue;
    }
    if (!started) peak = capital;
    started = true;
    pnl += p.result;
    const value = capital + pnl;
    lowest = Math.min(lowest, value);
    if (value > peak) peak = value;
    const fall = peak - value;
    if (fall <= 0) continue;
    const pct = peak > 0 ? (fall / peak) * 100 : 0;
    if (fall > dd.maximal) {
      dd.maximal = fall;
      dd.maximalPct = pct;
    }
    if (pct > dd.relativePct) {
      dd.relativePct = pct;
      dd.relative = fall;
    }
  }
  dd.absolute = started ? Math.max(0, capital - lowest) : 0;
  return dd;
}
