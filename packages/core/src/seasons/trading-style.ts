import type { TradingStyle } from '../ranking/model';
import type { ClosedTrade } from '../statements/model';

const MINUTE_MS = 60_000;

/** Upper bounds of median holding time, in minutes, for each derived style. */
export const STYLE_HOLDING_LIMITS = { scalper: 15, day_trader: 24 * 60, swing_trader: 7 * 24 * 60 } as const;

function serverMs(time: string): number {
  return Date.parse(`${time}Z`);
}

/**
 * A trading style read from the trades themselves, for traders who declared none:
 * "algorithmic" when at least half the trades carry an EA magic number (other than 0),
 * else by the median holding time: under 15 min scalper, under a day day trader, under
 * a week swing trader, longer position trader. Null when no trade has an open time.
 */
export function deriveTradingStyle(trades: readonly ClosedTrade[]): TradingStyle | null {
  if (trades.length === 0) return null;
  const automated = trades.filter((t) => t.magic !== null && t.magic !== '0').length;
  if (automated * 2 >= trades.length) return 'algorithmic';
  const holds = trades
    .filter((t) => t.openTime !== null)
    .map((t) => (serverMs(t.closeTime) - serverMs(t.openTime as string)) / MINUTE_MS)
    .sort((a, b) => a - b);
  if (holds.length === 0) return null;
  const mid = holds.length >> 1;
  const median = holds.length % 2 ? (holds[mid] as number) : ((holds[mid - 1] as number) + (holds[mid] as number)) / 2;
  if (median < STYLE_HOLDING_LIMITS.scalper) return 'scalper';
  if (median < STYLE_HOLDING_LIMITS.day_trader) return 'day_trader';
  if (median < STYLE_HOLDING_LIMITS.swing_trader) return 'swing_trader';
  return 'position_trader';
}
