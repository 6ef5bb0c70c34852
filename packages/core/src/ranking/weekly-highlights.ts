import type { BestTrade, TraderPerformance } from './model';
import type { Movement } from './movement';

/** Distinct trading days a trader needs in the week to be "most consistent". */
export const WEEKLY_MIN_TRADING_DAYS = 3;

export type WeeklyHighlights = {
  biggestClimber: { traderId: string; delta: number; position: number } | null;
  mostConsistent: { traderId: string; sharpe: number } | null;
  highestSingleTrade: ({ traderId: string } & BestTrade) | null;
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The week's highlights, from the season movement over the week (`movement(lastWeek,
 * now)`) and each trader's performance inside the week window:
 *  - biggest climber: largest upward move (ties: better current position);
 *  - most consistent: highest weekly Sharpe with >= 3 trading days (ties: higher return,
 *    then trader id);
 *  - highest single trade: largest trade return on the balance before it, so account size
 *    does not matter (ties: earlier close, then trader id).
 * Each is null when nobody qualifies.
 */
export function weeklyHighlights(movements: readonly Movement[], week: readonly TraderPerformance[]): WeeklyHighlights {
  const climber = movements
    .filter((m) => m.direction === 'up')
    .sort((a, b) => b.delta - a.delta || a.position - b.position)[0];
  const steady = week
    .filter((p) => p.sharpe !== null && p.tradingDays >= WEEKLY_MIN_TRADING_DAYS)
    .sort(
      (a, b) =>
        (b.sharpe as number) - (a.sharpe as number) || b.returnPct - a.returnPct || byId(a.traderId, b.traderId),
    )[0];
  const trades = week
    .flatMap((p) => (p.bestTrade ? [{ traderId: p.traderId, ...p.bestTrade }] : []))
    .sort((a, b) => b.returnPct - a.returnPct || byId(a.closedAt, b.closedAt) || byId(a.traderId, b.traderId));
  return {
    biggestClimber: climber ? { traderId: climber.traderId, delta: climber.delta, position: climber.position } : null,
    mostConsistent: steady ? { traderId: steady.traderId, sharpe: steady.sharpe as number } : null,
    highestSingleTrade: trades[0] ?? null,
  };
}
