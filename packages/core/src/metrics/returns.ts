import type { BalancePoint, MonthlyReturn } from './model';

const DAY_MS = 86_400_000;

function dayNumber(time: string): number {
  return Math.floor(Date.UTC(+time.slice(0, 4), +time.slice(5, 7) - 1, +time.slice(8, 10)) / DAY_MS);
}

/**
 * Time-weighted return: each trade result is a return on the balance just before it,
 * and the returns are chained, so deposits and withdrawals neither add nor subtract gain.
 */
export function computeTimeWeightedReturn(opening: number, points: BalancePoint[]): number | null {
  let growth = 1;
  let balance = opening;
  let any = false;
  for (const p of points) {
    if (p.result !== 0) {
      if (balance <= 0) return null;
      growth *= 1 + p.result / balance;
      any = true;
    }
    balance = p.balance;
  }
  return any ? (growth - 1) * 100 : null;
}

/**
 * Daily returns for Sharpe/Sortino: one value per weekday (Mon-Fri) from the first to the
 * last day with a balance event, each the day's trade results over the balance just
 * before that day's first close (so a same-day deposit is capital, not return); weekdays
 * without closes count as 0.
 */
export function computeDailyReturns(opening: number, points: BalancePoint[]): number[] {
  if (points.length === 0) return [];
  const byDay = new Map<number, { result: number; start: number }>();
  let balance = opening;
  for (const p of points) {
    if (p.result !== 0) {
      const day = dayNumber(p.time);
      const entry = byDay.get(day) ?? { result: 0, start: balance };
      entry.result += p.result;
      byDay.set(day, entry);
    }
    balance = p.balance;
  }
  const first = dayNumber(points[0]?.time ?? '');
  const last = dayNumber(points[points.length - 1]?.time ?? '');
  const out: number[] = [];
  for (let d = first; d <= last; d++) {
    const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday === 0 || weekday === 6) continue;
    const e = byDay.get(d);
    out.push(e && e.start > 0 ? e.result / e.start : 0);
  }
  return out;
}

/** Annualised Sharpe (risk-free 0) and Sortino of daily returns, x sqrt(252). */
export function computeSharpeSortino(daily: number[]): { sharpe: number | null; sortino: number | null } {
  const n = daily.length;
  if (n < 2) return { sharpe: null, sortino: null };
  const mean = daily.reduce((a, b) => a + b, 0) / n;
  const variance = daily.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1);
  const downside = Math.sqrt(daily.reduce((a, r) => a + Math.min(r, 0) ** 2, 0) / n);
  const k = Math.sqrt(252);
  return {
    sharpe: variance > 0 ? (mean / Math.sqrt(variance)) * k : null,
    sortino: downside > 0 ? (mean / downside) * k : null,
  };
}

/** Profit and chained (time-weighted) return per calendar month of server time. */
export function computeMonthlyReturns(opening: number, points: BalancePoint[]): MonthlyReturn[] {
  const months = new Map<string, MonthlyReturn>();
  let balance = opening;
  for (const p of points) {
    const month = p.time.slice(0, 7);
    const m = months.get(month) ?? { month, profit: 0, returnPct: 0 };
    if (p.result !== 0 && balance > 0) m.returnPct = ((1 + m.returnPct / 100) * (1 + p.result / balance) - 1) * 100;
    m.profit += p.result;
    months.set(month, m);
    balance = p.balance;
  }
  return [...months.values()];
}

/** Calendar days from the first to the last event, inclusive. */
export function countDays(first: string | null, last: string | null): number {
  return first && last ? dayNumber(last) - dayNumber(first) + 1 : 0;
}
