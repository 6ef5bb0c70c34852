import type { BoardSnapshot, WeekActivity, WeeklyBoardHighlights } from './model';

/** Distinct UTC trading days in the week a trader needs to be "most consistent". */
export const CONSISTENT_MIN_DAYS = 3;

/** What the highlights read of today's board: place, eligibility and the season's starting balance. */
export type HighlightCandidate = { traderId: string; position: number; eligible: boolean; startingBalance: number };

/** The first of `items` by `order` (negative when `a` comes first): one pass, no sort of 100k candidates. */
function firstBy<T>(items: readonly T[], order: (a: T, b: T) => number): T | undefined {
  let first: T | undefined;
  for (const item of items) if (first === undefined || order(item, first) < 0) first = item;
  return first;
}

/**
 * The week's highlights of a live board (docs/ranking.md §9). Only traders eligible on
 * today's board compete, so one lucky trade of an unranked account never shows here:
 *  - biggest climber: the most places gained since `base` (the snapshot about 7 days
 *    back); ties: better position now. Traders absent from `base` do not climb.
 *  - most consistent: most profitable UTC days in the week, with at least 3 trading days;
 *    ties: fewer losing days, higher week return (net over the season's starting
 *    balance), better position.
 *  - highest single trade: the largest winning trade of the week over the season's
 *    starting balance, so account size does not matter; ties: earlier close, better position.
 * Each is null when nobody qualifies. Pure: the same inputs give the same highlights.
 */
export function pickWeeklyHighlights(
  board: readonly HighlightCandidate[],
  base: { day: string; rows: BoardSnapshot } | null,
  week: readonly WeekActivity[],
): WeeklyBoardHighlights {
  const ranked = new Map(board.filter((c) => c.eligible && c.startingBalance > 0).map((c) => [c.traderId, c]));
  const before = new Map((base?.rows ?? []).map((r) => [r.traderId, r.position]));
  const climbs = [...ranked.values()].flatMap((c) => {
    const previousPosition = before.get(c.traderId);
    if (previousPosition === undefined || previousPosition <= c.position) return [];
    const places = previousPosition - c.position;
    return [{ traderId: c.traderId, places, position: c.position, previousPosition, since: base?.day ?? '' }];
  });
  const climber = firstBy(climbs, (a, b) => b.places - a.places || a.position - b.position) ?? null;

  const active = week.flatMap((w) => {
    const c = ranked.get(w.traderId);
    return c ? [{ w, c, returnPct: (w.netProfit / c.startingBalance) * 100 }] : [];
  });
  const steady = firstBy(
    active.filter(({ w }) => w.tradingDays >= CONSISTENT_MIN_DAYS),
    (a, b) =>
      b.w.profitableDays - a.w.profitableDays ||
      a.w.losingDays - b.w.losingDays ||
      b.returnPct - a.returnPct ||
      a.c.position - b.c.position,
  );
  const trades = active.flatMap(({ w, c }) =>
    w.bestTrade && w.bestTrade.net > 0
      ? [
          {
            traderId: w.traderId,
            symbol: w.bestTrade.symbol,
            closedAt: w.bestTrade.closedAt,
            position: c.position,
            returnPct: (w.bestTrade.net / c.startingBalance) * 100,
          },
        ]
      : [],
  );
  const best = firstBy(
    trades,
    (a, b) =>
      b.returnPct - a.returnPct ||
      (a.closedAt < b.closedAt ? -1 : a.closedAt > b.closedAt ? 1 : 0) ||
      a.position - b.position,
  );
  return {
    biggestClimber: climber,
    mostConsistent: steady
      ? {
          traderId: steady.w.traderId,
          profitableDays: steady.w.profitableDays,
          losingDays: steady.w.losingDays,
          tradingDays: steady.w.tradingDays,
          returnPct: steady.returnPct,
        }
      : null,
    highestSingleTrade: best
      ? { traderId: best.traderId, returnPct: best.returnPct, symbol: best.symbol, closedAt: best.closedAt }
      : null,
  };
}
