import type { ClosedTrade } from '../statements/model';
import type { SeasonClan, SeasonEntrant } from './model';

/**
 * The worked example of docs/ranking.md: season 2026-11, six traders who each start with
 * 10 000.00 (1 000 000 cents). Every figure the tests expect is worked out by hand there.
 */
type Leg = [day: number, net: number, symbol: string];

let ticket = 0;
function trade(closeTime: string, net: number, symbol: string, openHoursBefore = 1): ClosedTrade {
  ticket += 1;
  const open = new Date(Date.parse(`${closeTime}Z`) - openHoursBefore * 3_600_000).toISOString().slice(0, 19);
  return {
    ticket: String(ticket),
    positionId: null,
    openTime: open,
    closeTime,
    side: 'buy',
    volume: '1.00',
    symbol,
    openPrice: null,
    closePrice: null,
    stopLoss: null,
    takeProfit: null,
    commission: 0,
    fee: 0,
    swap: 0,
    profit: net,
    magic: null,
    comment: null,
  };
}

/** Trades closing on November `day`, hour by hour from `firstHour` (server time). */
function legs(list: Leg[], firstHour = 10): ClosedTrade[] {
  const perDay = new Map<number, number>();
  return list.map(([day, net, symbol]) => {
    const n = perDay.get(day) ?? 0;
    perDay.set(day, n + 1);
    const hh = String(firstHour + n).padStart(2, '0');
    return trade(`2026-11-${String(day).padStart(2, '0')}T${hh}:00:00`, net, symbol);
  });
}

const X = 'XAUUSD',
  E = 'EURUSD',
  G = 'GBPUSD',
  U = 'US30';
const base = { startingBalance: 1_000_000, serverUtcOffsetMinutes: 0, declaredStyle: null };

export const WORKED_ENTRANTS: SeasonEntrant[] = [
  {
    ...base,
    traderId: 'ava',
    serverUtcOffsetMinutes: 120,
    previousRankedSeasons: 3,
    trades: legs(
      [
        [2, 20_000, X],
        [2, 10_000, X],
        [3, -40_000, X],
        [4, 20_000, X],
        [4, 10_000, X],
        [5, 15_000, X],
        [6, 15_000, X],
        [9, 10_000, X],
        [9, 5_000, X],
        [10, 10_000, X],
        [11, 15_000, X],
      ],
      12,
    ),
  },
  {
    ...base,
    traderId: 'ben',
    previousRankedSeasons: 1,
    trades: legs([
      [2, 6_000, E],
      [2, 6_000, E],
      [3, 5_000, E],
      [3, 5_000, E],
      [4, -10_220, E],
      [4, 20_000, E],
      [5, 6_000, E],
      [5, 6_000, E],
      [6, 5_000, E],
      [6, 5_000, E],
      [9, 3_110, E],
      [9, 3_110, E],
    ]),
  },
  {
    ...base,
    traderId: 'cam',
    previousRankedSeasons: 0,
    trades: [
      trade('2026-10-30T15:00:00', 50_000, E),
      ...legs([
        [2, 10_000, E],
        [3, 10_000, G],
        [4, -20_000, E],
        [5, -25_900, E],
        [6, 5_900, G],
        [9, 10_000, E],
        [10, 10_000, E],
        [11, 5_000, G],
        [12, 5_000, E],
        [13, 5_000, E],
        [16, 5_000, G],
        [17, 3_000, E],
        [18, 3_000, E],
        [19, 2_000, G],
        [20, 2_000, E],
      ]),
    ],
  },
  {
    ...base,
    traderId: 'dia',
    previousRankedSeasons: 2,
    declaredStyle: 'swing_trader',
    trades: legs([
      [2, 50_000, X],
      [2, 50_000, X],
      [3, -60_000, X],
      [3, -50_000, X],
      [4, 30_000, X],
      [4, 30_000, X],
      [5, 25_000, X],
      [5, 25_000, X],
      [6, 25_000, X],
      [6, 25_000, X],
    ]),
  },
  {
    ...base,
    traderId: 'eli',
    previousRankedSeasons: 0,
    trades: legs([
      [2, 25_000, E],
      [5, -5_125, E],
      [10, 5_125, E],
      [13, 12_500, U],
      [13, 12_500, U],
      [18, 10_000, E],
      [23, 5_000, E],
      [26, 5_000, E],
      [30, 5_000, E],
      [30, 5_000, E],
    ]),
  },
  // Broker time is UTC+2: the first trade closes 2026-11-30 23:30 UTC (November), the second 00:30 UTC (December).
  {
    ...base,
    traderId: 'fox',
    serverUtcOffsetMinutes: 120,
    previousRankedSeasons: 0,
    trades: [trade('2026-12-01T01:30:00', 500_000, X), trade('2026-12-01T02:30:00', 100_000, X)],
  },
];

export const WORKED_CLANS: SeasonClan[] = [
  { clanId: 'north', memberIds: ['ava', 'ben', 'fox'] },
  { clanId: 'south', memberIds: ['cam', 'dia', 'eli'] },
];

/**
 * Hand-computed results (docs/ranking.md, "Worked example"): one row per trader in
 * leaderboard order with the inputs the score uses, the four component percentiles, the
 * score, its percentile and the tier; then the clans and the awards.
 */
export const WORKED_EXPECTED = {
  standings: [
    // id, position, return %, Sharpe (2 dp), max DD %, trades, days, [ret, sharpe, dd, act] percentiles, score, score pct, tier
    ['ava', 1, 9, 8.11, 3.883495, 11, 8, [75, 75, 50, 62.5], 68.125, 100, 'diamond'],
    ['eli', 2, 8, 7.57, 0.5, 10, 8, [50, 50, 100, 62.5], 61.875, 75, 'gold'],
    ['ben', 3, 6, 71.5, 1, 12, 6, [25, 100, 75, 25], 53.75, 50, 'silver'],
    ['dia', 4, 15, 6.4, 10, 10, 5, [100, 25, 0, 0], 46.25, 25, 'bronze'],
    ['cam', 5, 3, 3.05, 4.5, 15, 15, [0, 0, 25, 100], 20, 0, 'bronze'],
    ['fox', 6, 50, null, 0, 1, 1, null, null, null, null],
  ],
  clans: [
    { clanId: 'north', position: 1, counted: [68.125, 53.75], score: 55.46875 },
    { clanId: 'south', position: 2, counted: [61.875, 46.25, 20], score: 45.625 },
  ],
  awards: [
    { kind: 'overall_champion', traderId: 'ava', value: 68.125 },
    { kind: 'most_consistent', traderId: 'ben', value: 71.5 },
    { kind: 'best_risk_manager', traderId: 'eli', value: 0.5 },
    { kind: 'rising_star', traderId: 'eli', value: 61.875 },
    { kind: 'specialist', traderId: 'ben', value: 6, instrument: 'EURUSD' },
    { kind: 'specialist', traderId: 'cam', value: 2.79, instrument: 'GBPUSD' },
    { kind: 'specialist', traderId: 'dia', value: 15, instrument: 'XAUUSD' },
  ],
} as const;
