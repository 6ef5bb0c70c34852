import { seasons } from '@clantrader/core';
// Pure generators of self-consistent MT4 statements (no real account data).
import { buildSyntheticStatement, type SyntheticClosedTrade } from '@clantrader/core/testing';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Trades of one season: on which days, how many a day, and their results (cents, cycled). */
type SeasonTrading = { days: readonly number[]; perDay: number; profits: readonly number[] };

/**
 * What one demo trader traded: symbols (cycled trade by trade), a holding time that fits the
 * declared style, and the trades of the running season (`current.days` count back from now:
 * 0 is today) and of the season before it (`previous.days` count from its first day).
 */
export type DemoTrading = {
  login: string;
  symbols: readonly string[];
  holdMinutes: number;
  current: SeasonTrading;
  previous?: SeasonTrading;
};

/**
 * The demo traders' books. Designed so that, on a mid-month day, the running board has five
 * ranked traders and one who misses the minimum-activity rule (reza: 4 trades on 2 days);
 * EURUSD and XAUUSD filters show different traders (nima vs dara, sara on both); sorting by
 * return puts dara (big swings, few days) first although steady omid outscores him; and
 * last season sara led on every component (Overall Champion, Legendary).
 */
export const DEMO_TRADING: Readonly<Record<string, DemoTrading>> = {
  sara_fx: {
    login: '880011',
    symbols: ['XAUUSD', 'EURUSD'],
    holdMinutes: 180,
    current: { days: [0, 2, 4, 6, 8, 10], perDay: 2, profits: [4_000, -1_500, 3_500, 2_000, -1_000, 3_000] },
    previous: { days: [1, 2, 3, 4, 5, 6, 7, 8], perDay: 2, profits: [7_000, 5_500, 6_500, 7_500, 6_800, 7_200] },
  },
  omid_swing: {
    login: '880012',
    symbols: ['GBPUSD', 'USDJPY'],
    holdMinutes: 2 * 24 * 60,
    current: { days: [1, 2, 3, 5, 7, 9, 11], perDay: 2, profits: [1_500, 1_200, 1_800, 1_000, 1_600, 1_400, 1_300] },
    previous: { days: [2, 4, 6, 8, 10, 12], perDay: 2, profits: [3_000, -1_500, 2_500, -1_000, 2_000, 1_500] },
  },
  lena_algo: {
    login: '880013',
    symbols: ['US30', 'NAS100'],
    holdMinutes: 30,
    current: {
      days: [0, 1, 2, 3, 4, 5, 6, 7],
      perDay: 2,
      profits: [2_500, -2_000, 3_000, -1_500, 2_000, -2_500, 3_500, -1_000],
    },
    previous: {
      days: [1, 3, 5, 7, 9, 11, 13],
      perDay: 2,
      profits: [4_000, -3_000, 2_500, -2_000, 3_500, -1_500, 1_000],
    },
  },
  nima_scalp: {
    login: '880014',
    symbols: ['EURUSD'],
    holdMinutes: 5,
    current: {
      days: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      perDay: 2,
      profits: [800, -600, 900, -400, 700, -500, 600, -300, 1_000, -200],
    },
    previous: { days: [3, 4, 5, 6, 7], perDay: 2, profits: [-2_000, 1_500, 2_500, -3_000, 4_000] },
  },
  dara_gold: {
    login: '880015',
    symbols: ['XAUUSD'],
    holdMinutes: 10 * 24 * 60,
    current: { days: [1, 4, 7, 10, 13], perDay: 2, profits: [30_000, -25_000, 28_000, -20_000, 35_000] },
  },
  reza_new: {
    login: '880016',
    symbols: ['EURUSD'],
    holdMinutes: 120,
    current: { days: [0, 1], perDay: 2, profits: [1_200, -300] },
  },
};

/**
 * The trader's closed trades relative to `now` (the server's clock), oldest close first.
 * Running-season trades close `days` UTC days back, never after `now`; early in a month
 * some fall before the season start and count for the previous season. Previous-season
 * trades close from 10:00 UTC on their day, inside that month.
 */
export function demoTrades(trading: DemoTrading, now: Date): SyntheticClosedTrade[] {
  const previousStart = seasons.previousSeason(seasons.seasonFor(now)).startsAt.getTime();
  const closes: { at: number; profit: number }[] = [];
  const add = (plan: SeasonTrading | undefined, closeAt: (day: number, slot: number) => number) => {
    if (!plan) return;
    let n = 0;
    for (const day of plan.days) {
      for (let slot = 0; slot < plan.perDay; slot++) {
        closes.push({ at: closeAt(day, slot), profit: plan.profits[n % plan.profits.length] ?? 0 });
        n += 1;
      }
    }
  };
  add(trading.previous, (day, slot) => previousStart + day * DAY_MS + (10 * 60 + slot * 45) * MINUTE_MS);
  // Day k's trades close at the same times of day as today's, spread over the part of the day
  // already gone, so each day's trades share one UTC date at any hour (00:00 included).
  const today = now.getTime() - (now.getTime() % DAY_MS);
  const gone = now.getTime() - today;
  add(
    trading.current,
    (day, slot) => today - day * DAY_MS + Math.floor((gone * (slot + 1)) / (trading.current.perDay + 1)),
  );
  return closes
    .sort((a, b) => a.at - b.at)
    .map((c, i) => ({
      profit: c.profit,
      symbol: trading.symbols[i % trading.symbols.length] ?? 'EURUSD',
      openedAt: new Date(c.at - trading.holdMinutes * MINUTE_MS),
      closedAt: new Date(c.at),
    }));
}

/**
 * The trader's synthetic MT4 statement as of `now`: one account, 10 000.00 deposited the
 * day before the previous season starts (so both seasons have a starting balance), and
 * tickets of its own.
 */
export function demoStatement(trading: DemoTrading, now: Date): Uint8Array {
  const previousStart = seasons.previousSeason(seasons.seasonFor(now)).startsAt.getTime();
  return buildSyntheticStatement({
    login: trading.login,
    broker: 'Demo Broker Ltd',
    deposit: 1_000_000,
    depositOn: new Date(previousStart - DAY_MS),
    firstTicket: Number(trading.login) * 1_000,
    trades: demoTrades(trading, now),
  });
}
